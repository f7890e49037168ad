"""Column layouts admins confirmed: the way a header is read, remembered by its signature for the next file."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from tracker.models import ColumnLayout
from tracker.parsing import ROLE_NAMES
from tracker.services.errors import UNKNOWN_COLUMN_ROLE, ServiceError


def known_layouts() -> dict[str, list[str]]:
    """{header signature: column roles} of every confirmed layout, as the parser's `known_layouts` takes them."""
    return dict(ColumnLayout.objects.values_list("header_signature", "columns"))


@transaction.atomic
def column_layout_remember(
    *, header_signature: str, columns: Sequence[str], labels: Sequence[str], source_name: str = "", user=None
) -> ColumnLayout:
    """Remember (or replace) the roles of a header's columns; every name must be one the parser knows."""
    unknown = [name for name in columns if name not in ROLE_NAMES]
    if unknown or not header_signature:
        raise ServiceError(UNKNOWN_COLUMN_ROLE.format(names="、".join(unknown) or "—"))
    layout, _ = ColumnLayout.objects.update_or_create(
        header_signature=header_signature,
        defaults={"columns": list(columns), "labels": list(labels), "source_name": source_name[:255], "confirmed_by": user},
    )
    return layout


@transaction.atomic
def column_layout_forget(*, layout: ColumnLayout, user=None) -> None:
    """Forget a confirmed layout: the next file with that header is read as the reader sees it."""
    layout.delete()
