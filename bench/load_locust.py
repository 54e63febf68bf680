"""The traffic of bench/load_bench.py, for locust: run by that script, not on its own.

Each simulated client sends at most LOAD_BENCH_RATE requests per second: 70% search (the JSON API
and the /buscar/ page, half each), 20% resource pages, 10% progress writes by a signed-in learner
(PUT with its session cookie and CSRF token). What to ask for comes from LOAD_BENCH_CONFIG.
"""

import json
import os
import random
from pathlib import Path
from urllib.parse import quote

from locust import FastHttpUser, constant_throughput, task

CONFIG = json.loads(Path(os.environ["LOAD_BENCH_CONFIG"]).read_text(encoding="utf-8"))
RATE = float(os.environ.get("LOAD_BENCH_RATE", "5"))


class Visitor(FastHttpUser):
    wait_time = constant_throughput(RATE)

    def on_start(self):
        learner = random.choice(CONFIG["learners"])
        self.write_headers = {
            "Cookie": f"{CONFIG['session_cookie']}={learner['session']}; {CONFIG['csrf_cookie']}={learner['csrf']}",
            "X-CSRFToken": learner["csrf"],
            "Content-Type": "application/json",
        }

    def _query(self):
        return quote(random.choice(CONFIG["queries"]))

    @task(35)
    def search_api(self):
        self.client.get(f"/api/v1/search/?q={self._query()}", name="/api/v1/search/?q=…")

    @task(35)
    def search_page(self):
        self.client.get(f"/buscar/?q={self._query()}", name="/buscar/?q=…")

    @task(20)
    def resource_page(self):
        self.client.get(random.choice(CONFIG["resources"]), name="página de recurso")

    @task(10)
    def progress_write(self):
        lesson = random.choice(CONFIG["lessons"])
        body = json.dumps({"status": "in_progress", "position_seconds": random.randint(1, 3600)})
        self.client.put(
            f"/api/v1/lessons/{lesson}/progress/", data=body, headers=self.write_headers, name="avance (PUT)"
        )
