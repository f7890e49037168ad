"""gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi` (see docs/deploy.md).

Listens on localhost only: nginx in front terminates HTTPS and passes X-Forwarded-Proto.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The usual 2 × cores + 1 sync workers; pages spend their time in the database and templates.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * multiprocessing.cpu_count() + 1)
# An import of a 5 MB report parses in a few seconds; 60 s leaves room without letting a stuck worker linger.
timeout = 60
graceful_timeout = 30
# One line per request on stdout, for the service manager's journal.
accesslog = "-"
errorlog = "-"
# Recycle workers now and then, so a slow leak cannot grow for ever.
max_requests = 1000
max_requests_jitter = 100
