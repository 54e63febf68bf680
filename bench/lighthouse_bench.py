"""Mobile page audits: the npm `lighthouse` package against Debian's Chromium, on a running demo site.

Usage: python bench/lighthouse_bench.py [--base-url http://127.0.0.1:8000] [--serve] [--runs 1]
                                       [--calibrate | --cpu-slowdown 4]

Audits the home, search, resource, lesson and offline pages with Lighthouse's default mobile
settings (phone screen, simulated slow 4G and CPU) and prints performance and accessibility per
page, with the main timings and any failing accessibility audit. Targets: performance ≥ 95,
accessibility 100. The resource and lesson pages are the first ones the site's own APIs list.

Lighthouse slows the CPU 4× by default, which assumes a fast desktop host. On a slower or busy
machine (its "benchmarkIndex", printed, is well under ~1500) that overstates the blocking time;
--calibrate measures the host first and scales the slowdown as Lighthouse's throttling guide
suggests (4× at a benchmark index of 1750, never under 1×), --cpu-slowdown sets it by hand.

--serve starts a demo site of its own (fresh data folder, `load_demo`, a local port) and stops it
afterwards; otherwise the site at --base-url must be running (`make run`). Needs `npm ci` and
Chromium (CHROME_PATH, default /usr/bin/chromium). Figures are printed; nothing here is a test.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
TARGETS = {"performance": 95, "accessibility": 100}
# Lighthouse's throttling guide: its default 4× slowdown turns a high-end desktop (benchmark index
# 1500-2000) into a mid-tier phone; a slower host needs proportionally less.
DESKTOP_INDEX_FOR_4X = 1750

TIMINGS = [
    ("first-contentful-paint", "FCP"),
    ("largest-contentful-paint", "LCP"),
    ("total-blocking-time", "TBT"),
    ("cumulative-layout-shift", "CLS"),
]


def get_json(url):
    with urlopen(url, timeout=30) as response:
        return json.load(response)


def pages_of(base):
    """The five audited pages; the resource and the lesson come from the site's public APIs."""
    results = get_json(f"{base}/api/v1/search/?q=fracciones")["results"]
    course = get_json(f"{base}/api/v1/courses/")[0]
    detail = get_json(f"{base}/api/v1/courses/{course['slug']}/")
    lesson = detail["modules"][0]["lessons"][0]
    return [
        ("inicio", "/"),
        ("búsqueda", "/buscar/?q=fracciones"),
        ("recurso", results[0]["url"]),
        ("lección", lesson["url"]),
        ("sin conexión", "/sin-conexion/"),
    ]


def audit(url, cpu_slowdown=None):
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        "--only-categories=performance,accessibility",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cpu_slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"lighthouse falló con {url}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def summary(report):
    categories = report["categories"]
    audits = report["audits"]
    failing = [
        f"{ref['id']} ({audits[ref['id']]['title']})"
        for ref in categories["accessibility"]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "timings": {short: audits[key]["displayValue"] for key, short in TIMINGS},
        "bytes": audits["total-byte-weight"]["numericValue"],
        "failing": failing,
        "benchmark": report["environment"]["benchmarkIndex"],
    }


def calibrated_slowdown(base):
    index = audit(base + "/")["environment"]["benchmarkIndex"]
    return round(min(4.0, max(1.0, 4 * index / DESKTOP_INDEX_FOR_4X)), 1), index


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_demo():
    """A throwaway demo site on a free local port: its own data folder and SQLite database."""
    data = tempfile.mkdtemp(prefix="acervo-lighthouse-")
    env = dict(os.environ, ACERVO_DATA_DIR=data)
    env.pop("DATABASE_URL", None)
    python = sys.executable
    for step in (["migrate", "--noinput", "-v0"], ["load_demo"], ["search_index", "rebuild"]):
        subprocess.run([python, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urlopen(base + "/salud/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    return base, server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--serve", action="store_true", help="start a throwaway demo site for the run")
    parser.add_argument("--runs", type=int, default=1, help="audits per page; the median score is shown")
    throttling = parser.add_mutually_exclusive_group()
    throttling.add_argument("--calibrate", action="store_true", help="scale the CPU slowdown to this host")
    throttling.add_argument("--cpu-slowdown", type=float, help="Lighthouse's CPU slowdown (default 4)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse no está instalado: ejecuta `npm ci` en la raíz del proyecto")
    server = None
    base = args.base_url.rstrip("/")
    if args.serve:
        base, server = start_demo()
    try:
        slowdown = args.cpu_slowdown
        if args.calibrate:
            slowdown, index = calibrated_slowdown(base)
            print(f"Índice de este equipo: {index:.0f}; CPU {slowdown}× más lenta (calibrada)")
        print(f"Lighthouse (móvil) contra {base}; objetivo: rendimiento ≥ 95, accesibilidad 100")
        print(f"CPU {slowdown or 4}× más lenta" + ("" if slowdown else " (lo predeterminado de Lighthouse)"))
        print(
            f"{'página':<14}{'rend.':>6}{'acces.':>7}  {'FCP':>7} {'LCP':>7} {'TBT':>7} {'CLS':>6} "
            f"{'KB':>7} {'índ.':>5}  dirección"
        )
        for name, path in pages_of(base):
            reports = [summary(audit(base + path, slowdown)) for _ in range(max(args.runs, 1))]
            first = reports[0]
            performance = statistics.median(report["performance"] for report in reports)
            accessibility = statistics.median(report["accessibility"] for report in reports)
            t = first["timings"]
            print(
                f"{name:<14}{performance:>6}{accessibility:>7}  {t['FCP']:>7} {t['LCP']:>7} {t['TBT']:>7} "
                f"{t['CLS']:>6} {first['bytes'] / 1024:>7.1f} {first['benchmark']:>5.0f}  {path}"
            )
            for failing in first["failing"]:
                print(f"{'':<14}  accesibilidad: {failing}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
