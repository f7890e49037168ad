"""What a write tells the public pages: "the data you show has changed", once per transaction, after it commits.

Every service that changes something a public page shows calls `public_pages_changed()`.
The stored pages' version (`tracker.page_cache`) then moves on once, when the outermost
transaction commits — however many services ran inside it — and not at all when it rolls back.

Moving it after the commit rather than inside the transaction is safe: a request reads the
version before it reads the data, so a page rendered from old data is stored under the old
number, which is never used again once the number moves. And it keeps the version row out
of the write's locks: an import and an admin edit no longer queue on that one row.
"""

from __future__ import annotations

from django.db import transaction

from tracker import page_cache


def _move_version() -> None:
    page_cache.content_changed()


def public_pages_changed(*, using: str | None = None) -> None:
    """Have the public pages' version move on when the current transaction commits (at once outside one)."""
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and any(callback is _move_version for _, callback, _ in connection.run_on_commit):
        return  # already promised for this transaction
    transaction.on_commit(_move_version, using=using)
