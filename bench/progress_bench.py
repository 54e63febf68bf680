"""Progress benchmark: 50 concurrent clients record lesson progress through the learner API on PostgreSQL.

Usage: python bench/progress_bench.py [--servers granian,gunicorn] [--clients 50] [--writes 100]
       [--database postgres://postgres@127.0.0.1:5432/acervo_progress_bench] [--redis redis://…/15]

For each server, side by side in one run, it recreates that database, builds a course with
enrolled learners, starts the server against it with the production cache and sessions (Redis), and
lets the clients (two per learner, on disjoint lessons, so learners' row locks are contended) PUT
progress over HTTP with real sessions and CSRF. It prints writes/s, the CPU each party used per write,
and checks that the final rows hold every completion and the last position each client sent (lost
updates must be 0). granian is the server the README recommends for production; gunicorn is shown
beside it.
"""

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
from postgres_db import recreate_database

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "clave-de-prueba-123"


def prepare(learners, lesson_count):
    """Migrate, build one course with `lesson_count` lessons and enrol `learners` users."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from courses import api
    from courses.models import CoursePage, LessonPage, ModulePage, TrackPage
    from courses.site import ensure_course_index

    def publish(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    track = publish(ensure_course_index(), TrackPage(title="Banco de pruebas", slug="banco"))
    course = publish(track, CoursePage(title="Curso de carga", slug="carga", summary="Carga", hours=1))
    module = publish(course, ModulePage(title="Módulo", slug="modulo"))
    lessons = [publish(module, LessonPage(title=f"Lección {n}", slug=f"l{n}")).pk for n in range(lesson_count)]
    User = get_user_model()
    for n in range(learners):
        user = User.objects.create_user(f"carga{n}", password=PASSWORD)
        api.enroll(user, course)
    from django.db import connections

    connections.close_all()
    return lessons


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(base, server):
    for _ in range(300):
        if server.poll() is not None:
            sys.exit("el servidor terminó antes de tiempo")
        try:
            requests.get(base + "/api/v1/courses/", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    sys.exit("el servidor no respondió")


def log_in(base, username):
    session = requests.Session()
    session.get(base + "/cuentas/entrar/")
    response = session.post(
        base + "/cuentas/entrar/",
        data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers={"Referer": base + "/cuentas/entrar/"},
        allow_redirects=False,
    )
    assert response.status_code == 302, f"no se pudo entrar como {username}"
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    return session


def server_command(kind, port, workers, threads):
    if kind == "granian":
        return [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "acervo.wsgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--log-level",
            "warning",
        ]
    if kind == "gunicorn":
        # Sync workers: on two cores they beat threads, whose GIL hand-offs cost more than new connections.
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "acervo.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ]
    return [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]


DEFAULT_SHAPE = {"granian": (2, 2), "gunicorn": (4, 1), "runserver": (1, 1)}


def cpu_seconds_by_role(server_pid):
    """CPU seconds used so far by the server's processes, PostgreSQL's and everything else, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    totals = {"server": 0.0, "postgres": 0.0, "clients": 0.0, "other": 0.0}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        pid, ppid, used = int(entry.name), int(fields[1]), (int(fields[11]) + int(fields[12])) / tick
        if server_pid in (pid, ppid):
            totals["server"] += used
        elif name.startswith("postgres"):
            totals["postgres"] += used
        elif pid == os.getpid():
            totals["clients"] += used
        else:
            totals["other"] += used
    return totals


def client_plan(rng, lessons, writes):
    """A client's writes: positions moving forward, some completions, then a last in_progress each."""
    plan = []
    for i in range(writes):
        lesson = lessons[i % len(lessons)]
        status = "completed" if rng.random() < 0.3 else "in_progress"
        plan.append((lesson, status, rng.randint(0, 3600)))
    return plan


def send_writes(port, base, session, plan, barrier, failures):
    """One client: its writes over one kept-alive connection with the session's cookies.

    A light client (no requests per write), so that the machine's two cores go to the server and the
    database rather than to the load generator.
    """
    headers = {
        "Content-Type": "application/json",
        "X-CSRFToken": session.cookies["csrftoken"],
        "Cookie": "; ".join(f"{name}={value}" for name, value in session.cookies.items()),
        "Referer": base + "/",
    }
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    barrier.wait()
    for lesson, status, position in plan:
        body = json.dumps({"status": status, "position_seconds": position})
        for retry in (False, True):
            try:
                connection.request("PUT", f"/api/v1/lessons/{lesson}/progress/", body, headers)
                response = connection.getresponse()
                text = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                connection.close()  # the server closed a kept-alive connection: send again, once
                if retry:
                    raise
        if response.status != 200:
            failures.append(f"{response.status} {text[:200]!r}")
    connection.close()


def lost_updates(clients):
    """Rows that do not hold what the clients sent: completed if ever completed, and the last position."""
    from courses.models import LessonProgress

    expected = {}
    for username, _session, plan in clients:
        for lesson, status, position in plan:
            previous = expected.get((username, lesson), ("in_progress", 0))
            final_status = "completed" if "completed" in (previous[0], status) else "in_progress"
            expected[(username, lesson)] = (final_status, position)
    rows = {
        (row.user.username, row.lesson_id): (row.status, row.position_seconds)
        for row in LessonProgress.objects.select_related("user")
    }
    lost = sum(1 for key, value in expected.items() if rows.get(key) != value)
    from django.db import connections

    connections.close_all()
    return lost


def run_server(kind, args):
    learners = max(args.clients // 2, 1)
    recreate_database(args.database)
    lessons = prepare(learners, args.lessons)
    workers, threads = DEFAULT_SHAPE[kind]
    workers, threads = args.workers or workers, args.threads or threads
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        server_command(kind, port, workers, threads),
        cwd=ROOT,
        env=dict(os.environ, DATABASE_CONN_MAX_AGE="60"),
        stdout=subprocess.DEVNULL,
        stderr=open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "w"),
    )
    try:
        wait_for(base, server)
        rng = random.Random(7)
        clients = []
        for n in range(args.clients):
            learner = n % learners
            # The two clients of a learner work on disjoint halves of the lessons.
            own = [pk for i, pk in enumerate(lessons) if i % 2 == n // learners % 2]
            clients.append((f"carga{learner}", log_in(base, f"carga{learner}"), client_plan(rng, own, args.writes)))
        failures = []
        barrier = threading.Barrier(len(clients))
        threads_ = [
            threading.Thread(target=send_writes, args=(port, base, session, plan, barrier, failures))
            for _name, session, plan in clients
        ]
        cpu_before = cpu_seconds_by_role(server.pid)
        started = time.perf_counter()
        for thread in threads_:
            thread.start()
        for thread in threads_:
            thread.join()
        elapsed = time.perf_counter() - started
        cpu_after = cpu_seconds_by_role(server.pid)
    finally:
        server.terminate()
        server.wait()
    total = args.clients * args.writes
    lost = lost_updates(clients)
    print(
        f"server={kind} workers={workers} threads={threads} clients={args.clients} learners={learners} "
        f"lessons={args.lessons} writes={total}"
    )
    print(f"  elapsed={elapsed:.2f}s writes/s={total / elapsed:.0f} errors={len(failures)} lost_updates={lost}")
    print(
        "  cpu ms per write: "
        + ", ".join(f"{role} {1000 * (cpu_after[role] - cpu_before[role]) / total:.2f}" for role in cpu_before)
    )
    for failure in sorted(set(failures))[:5]:
        print("  error:", failure)
    return total / elapsed, bool(lost or failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", default="granian,gunicorn", help="comma-separated: granian, gunicorn, runserver")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--writes", type=int, default=100, help="writes per client")
    parser.add_argument("--lessons", type=int, default=20)
    parser.add_argument("--workers", type=int, help="server processes (default: the best shape found for 2 cores)")
    parser.add_argument("--threads", type=int, help="threads per process")
    parser.add_argument(
        "--redis",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
        help="shared cache and session store, as in production; empty for none",
    )
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/acervo_progress_bench"),
    )
    args = parser.parse_args()
    servers = [kind.strip() for kind in args.servers.split(",") if kind.strip()]
    unknown = set(servers) - set(DEFAULT_SHAPE)
    if unknown:
        parser.error(f"servidores desconocidos: {', '.join(sorted(unknown))}")
    os.environ.update(
        DATABASE_URL=args.database,
        REDIS_URL=args.redis,
        DJANGO_SETTINGS_MODULE="acervo.settings.test",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    results = {kind: run_server(kind, args) for kind in servers}
    if len(results) > 1:
        first, *others = servers
        for other in others:
            print(f"{first} / {other}: {results[first][0] / results[other][0]:.2f}x")
    sys.exit(1 if any(failed for _rate, failed in results.values()) else 0)


if __name__ == "__main__":
    main()
