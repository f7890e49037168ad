"""config/gunicorn.conf.py: read by gunicorn itself, with and without WEB_CONCURRENCY."""

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRINT_CONFIG = (
    "from gunicorn.config import Config; from gunicorn.app.base import Application; "
    "c = Config(); ns = {}; exec(open('config/gunicorn.conf.py').read(), ns); "
    "[c.set(k, v) for k, v in ns.items() if k in c.settings]; "
    "print(c.bind, c.workers, c.accesslog)"
)


def gunicorn_config(**variables: str) -> str:
    env = {name: value for name, value in os.environ.items() if name not in ("WEB_CONCURRENCY", "GUNICORN_BIND")}
    loaded = subprocess.run(
        [sys.executable, "-c", PRINT_CONFIG], cwd=PROJECT_DIR, env={**env, **variables}, capture_output=True, text=True
    )
    assert loaded.returncode == 0, loaded.stderr
    return loaded.stdout.strip()


def test_it_binds_to_localhost_with_two_workers_per_core_plus_one_and_logs_to_stdout():
    assert gunicorn_config() == f"['127.0.0.1:8000'] {2 * multiprocessing.cpu_count() + 1} -"


def test_web_concurrency_sets_the_worker_count():
    assert gunicorn_config(WEB_CONCURRENCY="3") == "['127.0.0.1:8000'] 3 -"


def test_the_wsgi_application_loads_its_views_then_hides_them_from_the_garbage_collector():
    # A full collection walking ~300,000 loaded objects paused a worker 100-250 ms every few dozen requests.
    script = (
        "import gc, sys; import config.wsgi; "
        "print(gc.get_freeze_count() > 100_000, 'tracker.views' in sys.modules, 'rest_framework' in sys.modules)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    loaded = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_DIR, env=env, capture_output=True, text=True)

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["True", "True", "True"]
