"""The parser's diagnostics as admins work through them: marked handled (已处理). Admin-only: no public page shows them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from tracker.models import ImportDiagnostic


@transaction.atomic
def diagnostics_resolve(*, diagnostics: Iterable[ImportDiagnostic]) -> int:
    """Mark diagnostics as handled; returns how many changed."""
    ids = [diagnostic.pk for diagnostic in diagnostics]
    return ImportDiagnostic.objects.filter(pk__in=ids, resolved=False).update(resolved=True)


@transaction.atomic
def diagnostics_reopen(*, diagnostics: Iterable[ImportDiagnostic]) -> int:
    """Put handled diagnostics back on the open list; returns how many changed."""
    ids = [diagnostic.pk for diagnostic in diagnostics]
    return ImportDiagnostic.objects.filter(pk__in=ids, resolved=True).update(resolved=False)


@transaction.atomic
def diagnostic_set_resolved(*, diagnostic: ImportDiagnostic, resolved: bool) -> ImportDiagnostic:
    """Mark one diagnostic handled, or open it again."""
    diagnostic.resolved = resolved
    diagnostic.save(update_fields=["resolved"])
    return diagnostic
