"""An admin edit and a re-import of the same report at once, on PostgreSQL: both succeed or the edit is refused
cleanly, never a deadlock (issue 18). SQLite serialises writers itself, so these need PostgreSQL."""

import copy
import dataclasses
import threading
import time

import pytest
from django.db import connection

from tracker import services
from tracker.models import Task
from tracker.services import importing, locks

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite has no row locks to order")


def corrected(parsed):
    changed = copy.deepcopy(parsed)
    for task in changed.tasks:
        task.progress += "（更正）"
    return dataclasses.replace(changed, content_hash="e" * 64)


def run_both(parsed, monkeypatch, *, hold_seconds: float):
    """Start a re-import that holds the report's lock `hold_seconds`, and meanwhile correct one of its tasks."""
    report = services.report_import(parsed=parsed, publish=True).report
    task = Task.objects.filter(report=report).order_by("seq").first()
    import_holds_lock = threading.Event()
    real_lock = importing.report_locked_by_source_key

    def lock_then_hold(**kwargs):
        locked = real_lock(**kwargs)
        import_holds_lock.set()
        time.sleep(hold_seconds)
        return locked

    monkeypatch.setattr(importing, "report_locked_by_source_key", lock_then_hold)
    results: dict[str, object] = {}

    def reimport():
        try:
            # --publish: the corrected file replaces the published version now (a pending revision would write no rows)
            results["import"] = services.report_import(parsed=corrected(parsed), publish=True).outcome
        except Exception as err:  # noqa: BLE001 - asserted below
            results["import"] = err
        finally:
            connection.close()

    def edit():
        import_holds_lock.wait(10)
        started = time.perf_counter()
        try:
            edited = Task.objects.get(pk=task.pk)
            edited.note = "管理员备注"
            services.task_correct(task=edited, fields=["note"])
            results["edit"] = "saved"
        except Exception as err:  # noqa: BLE001 - asserted below
            results["edit"] = err
        finally:
            results["edit_waited"] = time.perf_counter() - started
            connection.close()

    threads = [threading.Thread(target=reimport), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return task, results


def test_an_edit_during_a_reimport_waits_for_it_and_both_are_saved(parsed_2022, monkeypatch):
    task, results = run_both(parsed_2022, monkeypatch, hold_seconds=1.0)

    assert results["import"] == services.ImportOutcome.UPDATED
    assert results["edit"] == "saved"
    assert results["edit_waited"] >= 0.5  # it queued behind the import instead of interleaving with it
    saved = Task.objects.get(pk=task.pk)
    assert saved.note == "管理员备注" and "note" in saved.corrected_fields
    assert saved.progress.endswith("（更正）")


def test_an_edit_that_cannot_wait_long_enough_is_refused_cleanly(parsed_2022, monkeypatch):
    monkeypatch.setattr(locks, "EDIT_LOCK_WAIT_MS", 200)

    task, results = run_both(parsed_2022, monkeypatch, hold_seconds=2.0)

    assert results["import"] == services.ImportOutcome.UPDATED
    assert isinstance(results["edit"], services.ServiceError)
    assert str(results["edit"]) == services.REPORT_BUSY
    assert Task.objects.get(pk=task.pk).note == ""
