"""One lock order for every write to a report: its row first.

An import locks the report's row before it touches its tasks, and so does every admin edit
of a task, theme or figure of that report. Writers of one report therefore queue instead of
each holding rows the other wants: an admin edit during a 6,400-row re-import used to deadlock.
An edit waits at most EDIT_LOCK_WAIT for a running import, then is told to try again
(ServiceError REPORT_BUSY); the import itself waits as long as it takes.
"""

from __future__ import annotations

from django.db import OperationalError, connection, transaction

from tracker.models import Report
from tracker.services.errors import REPORT_BUSY, ServiceError

EDIT_LOCK_WAIT_MS = 5000


def report_lock(*, report_id: int, patient: bool = False) -> None:
    """Lock the report's row for the rest of the current transaction: an edit waits EDIT_LOCK_WAIT_MS at most
    (then ServiceError REPORT_BUSY); a `patient` writer (an import, a deletion) as long as it takes.

    SQLite has no row locks: there the whole database is the lock (settings: transaction_mode
    IMMEDIATE), and a writer waits for another up to the connection's timeout.
    """
    if connection.vendor != "postgresql":
        return
    wait_ms = None if patient else EDIT_LOCK_WAIT_MS
    try:
        # A savepoint of its own: a wait that times out rolls back only itself (and its SET LOCAL).
        with transaction.atomic(), connection.cursor() as cursor:
            if wait_ms is not None:
                cursor.execute("SET LOCAL lock_timeout = %s", [f"{int(wait_ms)}ms"])
            list(Report.objects.select_for_update().filter(pk=report_id).values_list("pk", flat=True))
            if wait_ms is not None:
                cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
    except OperationalError as err:
        if getattr(err.__cause__, "sqlstate", None) == "55P03":  # lock_not_available
            raise ServiceError(REPORT_BUSY) from err
        raise
