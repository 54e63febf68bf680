"""Import benchmark: records/s for a fresh import and a re-import, on SQLite and PostgreSQL.

Usage: python bench/import_bench.py [--records 20000] [--plans 6] [--databases sqlite,postgres]
Each database run happens in a child process with its own empty data folder and database, so
both figures are measured side by side in one run on the same generated file. One record in
`--plans` is a weekly plan whose activities link other records of the file, earlier and later
ones alike; some plans link nothing (`--plans 0` generates none).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from postgres_db import recreate_database

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/acervo_bench")

TOPICS = [
    ("fracciones", "matematicas", "saberes-y-pensamiento-cientifico"),
    ("ecosistemas", "ciencias-naturales", "saberes-y-pensamiento-cientifico"),
    ("la Independencia de México", "historia", "etica-naturaleza-y-sociedades"),
    ("lectura en voz alta", "espanol", "lenguajes"),
    ("el ciclo del agua", "ciencias-naturales", "saberes-y-pensamiento-cientifico"),
    ("mapas de México", "geografia", "etica-naturaleza-y-sociedades"),
    ("convivencia escolar", "formacion-civica-y-etica", "de-lo-humano-y-lo-comunitario"),
    ("multiplicación", "matematicas", "saberes-y-pensamiento-cientifico"),
]
ORDINALS = ["primer", "segundo", "tercer", "cuarto", "quinto", "sexto"]
TYPES = ["textbook", "video", "audio", "teacher_guide", "activity"]
WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes"]
LINK_REACH = 40  # a plan links records up to this many lines before or after it


def make_record(n, rng, count, plan_every):
    topic, subject, field = rng.choice(TOPICS)
    kind = "weekly_plan" if plan_every and rng.randrange(plan_every) == 0 else rng.choice(TYPES)
    grade = rng.randint(1, 6)
    record = {
        "external_id": f"bench:{n:07d}",
        "type": kind,
        "title": f"{topic.capitalize()} para {ORDINALS[grade - 1]} grado, parte {n}",
        "description": f"Material para trabajar {topic} en el aula con actividades y ejemplos cotidianos ({n}).",
        "levels": ["primaria"],
        "grades": [grade],
        "fields": [field],
        "subjects": [subject],
        "axes": [],
        "language": "es",
        "license": "cc-by-4.0",
        "audience": ["alumno", "docente"],
        "year": 2024,
        "authors": ["Secretaría de Educación Pública"],
        "publisher": "SEP",
        "keywords": [topic, subject],
        "file_url": f"https://recursos.acervo.example/{n}.pdf",
        "cover_url": None,
        "duration_seconds": None,
        "transcript": None,
        "captions": [],
        "week": None,
        "accessibility": [],
    }
    if kind in ("video", "audio"):
        record.update(
            duration_seconds=rng.randint(300, 1800),
            transcript=f"Hoy aprendemos sobre {topic}.",
            captions=[{"language": "es", "url": f"https://recursos.acervo.example/{n}.vtt"}] if kind == "video" else [],
            accessibility=["subtitulos", "transcripcion"] if kind == "video" else ["transcripcion"],
        )
    if kind == "weekly_plan":
        record.update(title=f"Plan semanal: {topic} ({n})", week=make_week(n, rng, count, topic))
    return record


def make_week(n, rng, count, topic):
    """Five days of one or two activities; a quarter of the plans link nothing."""
    links = rng.random() >= 0.25
    nearby = [m for m in range(max(0, n - LINK_REACH), min(count, n + LINK_REACH + 1)) if m != n]
    days = []
    for day in WEEKDAYS:
        activities = []
        for step in range(rng.randint(1, 2)):
            resources = [f"bench:{m:07d}" for m in rng.sample(nearby, rng.randint(1, 2))] if links and nearby else []
            activities.append(
                {
                    "title": f"{topic.capitalize()}: actividad {step + 1} del {day}",
                    "description": "Trabajo en equipos y puesta en común.",
                    "resources": resources,
                }
            )
        days.append({"day": day, "activities": activities})
    return {"year": 2024, "number": n % 40 + 1, "days": days}


def generate(path, count, plan_every):
    """Write the file; return how many of its records are weekly plans."""
    rng = random.Random(42)
    plans = 0
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            record = make_record(n, rng, count, plan_every)
            plans += record["type"] == "weekly_plan"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return plans


def child(path):
    """Runs inside a fresh environment: migrate, then time fresh import and re-import."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import override_settings

    # As in production, background tasks go to the database queue for the worker.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()

    call_command("migrate", verbosity=0)
    from oer.catalog.importer import import_file

    figures = {}
    for label in ("fresh", "reimport"):
        start = time.perf_counter()
        report = import_file(path)
        elapsed = time.perf_counter() - start
        assert report.ok, report.error_lines()[:5]
        figures[label] = {
            "seconds": round(elapsed, 2),
            "records_per_s": round(report.total / elapsed, 1),
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
        }
        check_plans(path)
    import resource

    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(figures))


def check_plans(path):
    """The figures count only if every plan links what its record says, on the page and in its
    live revision alike (not timed)."""
    from oer.catalog.mapping import week_from_page
    from oer.catalog.record import validate_record
    from oer.models import ResourcePage, WeeklyPlanPage

    with open(path, encoding="utf-8") as handle:
        weeks = {
            record["external_id"]: record["week"]
            for record in map(json.loads, handle)
            if record["type"] == "weekly_plan"
        }
    external_ids = dict(ResourcePage.objects.values_list("pk", "external_id"))
    for page in WeeklyPlanPage.objects.select_related("live_revision"):
        expected = validate_record(
            {
                "type": "weekly_plan",
                "external_id": page.external_id,
                "title": page.title,
                "levels": ["primaria"],
                "week": weeks[page.external_id],
            }
        )[0]["week"]
        assert week_from_page(page, external_ids) == expected, page.external_id
        assert json.loads(page.live_revision.content["days"]) == list(page.days.raw_data), page.external_id


def run_for(database, path):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="acervo.settings.test", PYTHONPATH=str(ROOT))
    data_dir = tempfile.mkdtemp(prefix="acervo-bench-")
    env["ACERVO_TEST_DATA_DIR"] = data_dir
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
    else:
        recreate_database(POSTGRES_URL)
        env["DATABASE_URL"] = POSTGRES_URL
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--plans", type=int, default=6, help="one record in N is a weekly plan (0: none)")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    path = Path(tempfile.mkdtemp(prefix="acervo-bench-")) / "catalogo.jsonl"
    plans = generate(path, args.records, args.plans)
    print(f"{args.records} registros generados en {path} ({plans} planes semanales)")
    print(f"{'base de datos':<12} {'importación nueva':>28} {'reimportación':>26} {'memoria máx.':>14}")
    for database in args.databases.split(","):
        figures = run_for(database, path)
        fresh, again = figures["fresh"], figures["reimport"]
        print(
            f"{database:<12} {fresh['records_per_s']:>14} reg/s ({fresh['seconds']} s) "
            f"{again['records_per_s']:>10} reg/s ({again['seconds']} s) {figures['peak_rss_mb']:>10} MB"
        )


if __name__ == "__main__":
    main()
