"""Writes of many rows in a bounded number of statements that still leave the models' history records.

Why not `queryset.delete()` and `bulk_update()` as they come: simple-history listens to every
tracked model's delete signal, so Django gives up its fast delete and removes the rows one by
one, writing a history row for each (deleting one report took 637 queries); and `bulk_update`
over thousands of rows builds one `CASE WHEN id = … THEN …` with a branch per row, evaluated for
every row — on PostgreSQL a 6,400-row re-import held such a statement for over ten minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connections, models, router
from django.utils import timezone

# Rows per statement of a bulk update: the CASE each statement evaluates has this many branches.
UPDATE_BATCH_SIZE = 200
INSERT_BATCH_SIZE = 500


def rows_update(model: type[models.Model], rows: Sequence[models.Model], fields: Sequence[str]) -> None:
    """Save these fields of the rows, UPDATE_BATCH_SIZE rows a statement.

    On PostgreSQL one `UPDATE … FROM (VALUES …)` per batch: each row is found by its key and given its own values,
    linear in the rows. Django's `bulk_update` builds a `CASE WHEN id = … THEN …` per field with a branch per row,
    and building it in Python cost more than the statement: 30-75 ms for the ~110 series links of an import at
    60,000 tasks. Elsewhere (SQLite, whose UPDATE … FROM needs 3.33 when Django asks for 3.31) `bulk_update`.
    """
    if not rows or not fields:
        return
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model.objects.bulk_update(rows, list(fields), batch_size=UPDATE_BATCH_SIZE)
        return
    key = model._meta.pk
    columns = [model._meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    # Every value cast to its column's type: PostgreSQL reads a VALUES list of parameters as text otherwise.
    casts = ", ".join(f"CAST(%s AS {field.cast_db_type(connection)})" for field in [key, *columns])
    assignments = ", ".join(f"{quote(field.column)} = new_values.{quote(field.column)}" for field in columns)
    names = ", ".join(quote(field.column) for field in [key, *columns])
    with connection.cursor() as cursor:
        for start in range(0, len(rows), UPDATE_BATCH_SIZE):
            batch = rows[start : start + UPDATE_BATCH_SIZE]
            params = []
            for row in batch:
                params.append(key.get_db_prep_value(row.pk, connection))
                params.extend(field.get_db_prep_save(getattr(row, field.attname), connection) for field in columns)
            cursor.execute(
                f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
                f"FROM (VALUES {', '.join(f'({casts})' for _ in batch)}) AS new_values ({names}) "
                f"WHERE {quote(model._meta.db_table)}.{quote(key.column)} = new_values.{quote(key.column)}",
                params,
            )


def deleted_history_create(model: type[models.Model], rows: Iterable[models.Model], *, user=None, reason: str = "") -> None:
    """One bulk insert of "-" (deleted) history records for these rows; simple-history has no bulk form of its own."""
    history_model = model.history.model
    now = timezone.now()
    records = [
        history_model(
            history_date=now,
            history_user=user,
            history_change_reason=reason,
            history_type="-",
            **{field.attname: getattr(row, field.attname) for field in history_model.tracked_fields},
        )
        for row in rows
    ]
    history_model.objects.bulk_create(records, batch_size=INSERT_BATCH_SIZE)


def rows_delete(queryset: models.QuerySet, *, user=None, reason: str = "") -> int:
    """Delete the rows in one DELETE, after one bulk insert of their history records (when the model keeps history).

    The caller deletes children first: this skips Django's cascade (that is what makes it fast).
    `_raw_delete` is the statement Django's own fast delete runs.
    """
    model = queryset.model
    if not hasattr(model, "history"):
        return queryset._raw_delete(queryset.db)
    rows = list(queryset)
    deleted_history_create(model, rows, user=user, reason=reason)
    deleted = 0
    for start in range(0, len(rows), INSERT_BATCH_SIZE):  # bounded statements: SQLite limits the parameters of one
        batch = model.objects.filter(pk__in=[row.pk for row in rows[start : start + INSERT_BATCH_SIZE]])
        deleted += batch._raw_delete(batch.db)
    return deleted
