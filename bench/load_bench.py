"""Load benchmark: mixed traffic against the production server (granian) with PostgreSQL and Redis.

Usage: python bench/load_bench.py [--users 20,40,60,80,100,120] [--rate 5] [--step-seconds 20]
       [--database postgres://postgres@127.0.0.1:5432/acervo_load_bench] [--redis redis://127.0.0.1:6379/11]
       [--workers 2] [--threads 2] [--learners 40]

It recreates the database, loads the demo catalogue and courses (load_demo) and builds the search
index, signs in learners enrolled in a demo course, starts granian as the README's production
section does (production settings, Redis cache and sessions, persistent database connections) on
loopback, and drives locust headless (bench/load_locust.py): 70% search API and /buscar/, 20%
resource pages, 10% progress writes by signed-in learners. Each step runs `users` clients sending
`rate` requests/s each for `step-seconds`; stepping stops after the first step over budget.
It prints requests/s, p50/p95/p99 and errors per step, and the highest rate served with
p95 <= 200 ms and no errors. Redis database `--redis` is emptied first. Figures go to docs/operacion.md.
"""

import argparse
import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis
import requests
from postgres_db import recreate_database
from progress_bench import cpu_seconds_by_role

ROOT = Path(__file__).resolve().parent.parent
LOCUSTFILE = Path(__file__).resolve().parent / "load_locust.py"
P95_BUDGET_MS = 200


def prepare(output, learner_count):
    """In a child process with the bench's settings: schema, demo content, index, learners and sessions."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.core.management import call_command
    from django.utils.crypto import get_random_string
    from django.utils.module_loading import import_string

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("search_index", "rebuild", verbosity=0)

    from courses import api
    from courses.models import CoursePage
    from oer.models import ResourcePage

    course = CoursePage.objects.live().order_by("path").first()
    lessons = [lesson.pk for lesson in course.lessons]
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    learners = []
    for n in range(learner_count):
        # No password: hashing one costs a second each here, and the session below signs them in.
        user = get_user_model().objects.create_user(f"carga{n}", f"carga{n}@example.mx", None)
        api.enroll(user, course)
        # A signed-in session as the log-in page would leave it.
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        learners.append({"session": session.session_key, "csrf": get_random_string(32)})
    queries = [item["q"] for item in json.loads((ROOT / "bench" / "queries_dev.json").read_text())["queries"]]
    resources = [page.url for page in ResourcePage.objects.live().public().specific()]
    config = {
        "queries": queries,
        "resources": [url for url in resources if url],
        "lessons": lessons,
        "learners": learners,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
    }
    Path(output).write_text(json.dumps(config), encoding="utf-8")


def bench_environment(args, data_dir, port):
    """Production settings on loopback: plain HTTP, so no HTTPS redirect; everything else as deployed."""
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="acervo.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1",
        ACERVO_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=args.database,
        DATABASE_CONN_MAX_AGE="600",
        REDIS_URL=args.redis,
        ACERVO_DATA_DIR=str(data_dir),
        LOG_LEVEL="WARNING",
    )


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(args, env, port, log):
    command = [sys.executable, "-m", "granian", "--interface", "wsgi", "acervo.wsgi:application"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)]
    command += ["--blocking-threads", str(args.threads), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if server.poll() is not None:
            sys.exit("granian terminó antes de tiempo; ver " + log.name)
        try:
            if requests.get(base + "/salud/", timeout=10).status_code == 200:
                return server, base
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.terminate()
    sys.exit("granian no respondió")


def warm_up(base, config):
    """One request per address, so every step measures a running site rather than its first requests."""
    session = requests.Session()
    for url in config["resources"]:
        session.get(base + url, timeout=30)
    for query in config["queries"]:
        session.get(base + "/buscar/", params={"q": query}, timeout=30)
        session.get(base + "/api/v1/search/", params={"q": query}, timeout=30)


def cpu_per_request(base, config, server_pid, count=40):
    """Server and PostgreSQL CPU milliseconds per request of each kind, sent one at a time.

    CPU time, unlike latency, hardly depends on what else the machine runs: it tells what a
    request costs and so how many a core can serve.
    """
    session = requests.Session()
    learner = config["learners"][0]
    write_headers = {
        "Cookie": f"{config['session_cookie']}={learner['session']}; {config['csrf_cookie']}={learner['csrf']}",
        "X-CSRFToken": learner["csrf"],
    }
    kinds = {
        "/api/v1/search/?q=…": lambda i: session.get(
            base + "/api/v1/search/", params={"q": config["queries"][i % len(config["queries"])]}
        ),
        "/buscar/?q=…": lambda i: session.get(
            base + "/buscar/", params={"q": config["queries"][i % len(config["queries"])]}
        ),
        "página de recurso": lambda i: session.get(base + config["resources"][i % len(config["resources"])]),
        "avance (PUT)": lambda i: session.put(
            f"{base}/api/v1/lessons/{config['lessons'][i % len(config['lessons'])]}/progress/",
            json={"status": "in_progress", "position_seconds": i + 1},
            headers=write_headers,
        ),
    }
    costs = {}
    for name, send in kinds.items():
        before = cpu_seconds_by_role(server_pid)
        for i in range(count):
            response = send(i)
            if response.status_code != 200:
                sys.exit(f"{name}: respuesta {response.status_code} {response.text[:200]}")
        after = cpu_seconds_by_role(server_pid)
        costs[name] = {role: 1000 * (after[role] - before[role]) / count for role in ("server", "postgres")}
    return costs


def run_step(args, base, config_path, users, workdir):
    prefix = workdir / f"paso_{users}"
    env = dict(os.environ, LOAD_BENCH_CONFIG=str(config_path), LOAD_BENCH_RATE=str(args.rate))
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", base]
    command += ["-u", str(users), "-r", str(users), "--run-time", f"{args.step_seconds}s", "--stop-timeout", "5"]
    command += ["--csv", str(prefix), "--only-summary", "--loglevel", "ERROR", "--exit-code-on-error", "0"]
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    total = rows["Aggregated"]
    return {
        "users": users,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "p99": float(total["99%"]),
        "by_name": {name: (float(row["95%"]), int(row["Failure Count"])) for name, row in rows.items()},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="20,40,60,80,100,120", help="clients per step, comma-separated")
    parser.add_argument("--rate", type=float, default=5.0, help="requests/s each client sends at most")
    parser.add_argument("--step-seconds", type=int, default=20)
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2, help="granian processes")
    parser.add_argument("--threads", type=int, default=2, help="granian blocking threads per process")
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/acervo_load_bench"),
    )
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11"))
    parser.add_argument("--prepare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        sys.path.insert(0, str(ROOT))
        prepare(args.prepare, args.learners)
        return

    steps = [int(value) for value in args.users.split(",") if value.strip()]
    workdir = Path(tempfile.mkdtemp(prefix="acervo-load-"))
    port = free_port()
    env = bench_environment(args, workdir / "datos", port)
    recreate_database(args.database)
    redis.Redis.from_url(args.redis).flushdb()
    config_path = workdir / "config.json"
    print(f"Preparando la base {args.database} (migrate, load_demo, search_index rebuild, {args.learners} aprendices)…")
    subprocess.run(
        [sys.executable, __file__, "--prepare", str(config_path), "--learners", str(args.learners)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    config = json.loads(config_path.read_text(encoding="utf-8"))
    print(
        f"{len(config['resources'])} recursos, {len(config['queries'])} consultas, {len(config['lessons'])} lecciones; "
        f"granian --workers {args.workers} --blocking-threads {args.threads}; {args.rate:g} req/s por cliente, "
        f"{args.step_seconds} s por paso"
    )
    with open(workdir / "granian.log", "w") as log:
        server, base = start_server(args, env, port, log)
        try:
            warm_up(base, config)
            costs = cpu_per_request(base, config, server.pid)
            print("CPU por petición (ms, una a la vez): servidor / PostgreSQL")
            for name, cost in costs.items():
                print(f"  {name}: {cost['server']:.1f} / {cost['postgres']:.1f}")
            mix = {"/api/v1/search/?q=…": 0.35, "/buscar/?q=…": 0.35, "página de recurso": 0.2, "avance (PUT)": 0.1}
            mixed = sum(share * (costs[name]["server"] + costs[name]["postgres"]) for name, share in mix.items())
            print(f"  mezcla: {mixed:.1f} ms de CPU por petición, a lo sumo {2000 / mixed:.0f} req/s en 2 núcleos")
            results = []
            columns = ("clientes", "req/s", "p50 ms", "p95 ms", "p99 ms", "errores", "peticiones")
            print(" ".join(f"{name:>{max(len(name), 7)}}" for name in columns))
            for users in steps:
                step = run_step(args, base, config_path, users, workdir)
                results.append(step)
                print(
                    f"{users:>8} {step['rps']:>7.0f} {step['p50']:>7.0f} {step['p95']:>7.0f} {step['p99']:>7.0f} "
                    f"{step['errors']:>7} {step['requests']:>10}"
                )
                if step["p95"] > P95_BUDGET_MS or step["errors"]:
                    for name, (p95, errors) in sorted(step["by_name"].items()):
                        print(f"           {name}: p95 {p95:.0f} ms, errores {errors}")
                    break
        finally:
            server.terminate()
            server.wait()
    within = [step for step in results if step["p95"] <= P95_BUDGET_MS and not step["errors"]]
    if within:
        best = max(within, key=lambda step: step["rps"])
        print(f"Máximo con p95 <= {P95_BUDGET_MS} ms y 0 errores: {best['rps']:.0f} req/s ({best['users']} clientes)")
    else:
        print(f"Ningún paso cumplió p95 <= {P95_BUDGET_MS} ms con 0 errores")
    print(f"Archivos del banco (CSV de locust, registro de granian): {workdir}")


if __name__ == "__main__":
    main()
