"""Static files in production: `collectstatic` with the manifest storage, then WhiteNoise serving the result.

Both run in child processes with DJANGO_DEBUG=0, as a server would; the test process itself uses the
plain storage (see STORAGES in config/settings.py).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "kQ7-xV2_pL9mN4bR8tY1wE6uI3oA5sD0fG7hJ2kZ9xC4vB1nM8",
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DJANGO_SETTINGS_MODULE": "config.settings",
}
FETCH_STATIC = """
import sys, django
django.setup()
from django.test import Client
from django.templatetags.static import static
url = static("vendor/chart.js/chart.umd.min.js")
response = Client().get(url, headers={"host": "example.org", "accept-encoding": "gzip"}, secure=True)
print(url, response.status_code, response["Cache-Control"], response.get("Content-Encoding", ""), sep="|")
"""


def run_production(args: list[str], static_root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION, "DJANGO_STATIC_ROOT": str(static_root)}
    env.pop("DJANGO_SSL_REDIRECT", None)
    return subprocess.run([sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120)


def test_collectstatic_hashes_chart_js_and_its_source_map_and_whitenoise_serves_them(tmp_path):
    collected = run_production(["manage.py", "collectstatic", "--noinput"], tmp_path)

    assert collected.returncode == 0, collected.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed_js = manifest["vendor/chart.js/chart.umd.min.js"]
    hashed_map = manifest["vendor/chart.js/chart.umd.min.js.map"]
    assert hashed_js != "vendor/chart.js/chart.umd.min.js"
    # The minified file points at the hashed map, so the browser's developer tools find it.
    assert (tmp_path / hashed_js).read_text().rstrip().endswith(f"sourceMappingURL={Path(hashed_map).name}")
    assert (tmp_path / (hashed_js + ".gz")).exists()
    assert "css/site.css" in manifest

    fetched = run_production(["-c", FETCH_STATIC], tmp_path)

    assert fetched.returncode == 0, fetched.stderr
    url, status, cache_control, encoding = fetched.stdout.strip().split("|")
    assert url == "/static/" + hashed_js
    assert status == "200"
    assert "immutable" in cache_control
    assert encoding == "gzip"
