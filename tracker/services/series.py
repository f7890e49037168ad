"""Following a task through the reports: the same task in each quarter of a year, and in later years where it recurs.

Every task belongs to a `TaskSeries`. When a report's rows are created or its reading applied
(`importing`), `report_series_link` matches its tasks with those of the previous report of its
family (`ReportQuerySet.same_family`: the same publisher's tables, quarter after quarter) by theme
and content, and a matched task joins the series of the task it continues, with the similarity as
its `series_score`; an unmatched one starts a series of its own. A report imported out of order (Q2
after Q3) also re-links the report after it, so the chain runs through it.

When a task changes series, the tasks of later reports that continued it (its successors: the
members of its old series after its report) move with it, so a chain is never cut in two by a
re-import. A series holds at most one task per report.

An admin links tasks by hand (`tasks_series_link`) or takes one out (`tasks_series_unlink`): a
correction ("series" in `Task.corrected_fields`) that automatic linking and re-imports leave alone.

Matching (`series_matches`) is a pure function: the same content first, then the most alike pairs,
each new task compared only with the few earlier tasks that share the most three-character pieces
with it (and the one at its 序号), as `matching.match_rows` does: near-linear in the rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction

from tracker.models import Report, Task, TaskSeries
from tracker.services import bulk
from tracker.services.corrections import CORRECTION_REASON, _lock_reports, _with_corrected
from tracker.services.errors import SERIES_NEEDS_TWO_TASKS, SERIES_SAME_REPORT, ServiceError
from tracker.services.matching import COMMON_PIECE_TASKS, MOVED_ROW_CANDIDATES, _pieces, similarity
from tracker.services.public_pages import public_pages_changed

# How alike two tasks' contents must be to be one task in two reports: a task keeps its theme from quarter
# to quarter and is often reworded a little ("新建学校3所" → "新建中小学校3所"); across themes only a near copy.
SAME_THEME_MIN_SIMILARITY = 0.6
OTHER_THEME_MIN_SIMILARITY = 0.8


@dataclass(frozen=True)
class SeriesKey:
    """What series matching reads of a task: its 序号, theme name and content."""

    seq: int
    theme: str
    content: str


def series_matches(previous: Sequence[SeriesKey], current: Sequence[SeriesKey]) -> dict[int, tuple[int, float]]:
    """{index in `current`: (index in `previous`, similarity 0..1)} for the tasks that continue an earlier one.

    The same content (same theme first) pairs at 1.0; then the most alike pairs first, at least
    SAME_THEME_MIN_SIMILARITY alike in the same theme or OTHER_THEME_MIN_SIMILARITY in another.
    """
    matches: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    by_content: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(previous):
        by_content[key.content].append(index)
    for index, key in enumerate(current):
        same = [candidate for candidate in by_content.get(key.content, ()) if candidate not in taken]
        if same:
            chosen = next((candidate for candidate in same if previous[candidate].theme == key.theme), same[0])
            matches[index] = (chosen, 1.0)
            taken.add(chosen)

    left = [index for index in range(len(previous)) if index not in taken]
    if not left or len(matches) == len(current):
        return matches
    by_seq = {previous[index].seq: index for index in left}
    index_of_piece: dict[str, list[int]] = defaultdict(list)
    for index in left:
        for piece in _pieces(previous[index].content):
            index_of_piece[piece].append(index)
    telling = {piece: indexes for piece, indexes in index_of_piece.items() if len(indexes) <= COMMON_PIECE_TASKS}
    candidates: list[tuple[float, int, int]] = []
    for index, key in enumerate(current):
        if index in matches:
            continue
        shared = Counter(candidate for piece in _pieces(key.content) for candidate in telling.get(piece, ()))
        nearby = {candidate for candidate, _ in shared.most_common(MOVED_ROW_CANDIDATES)}
        if key.seq in by_seq:
            nearby.add(by_seq[key.seq])
        for candidate in nearby:
            minimum = SAME_THEME_MIN_SIMILARITY if previous[candidate].theme == key.theme else OTHER_THEME_MIN_SIMILARITY
            ratio = similarity(previous[candidate].content, key.content, minimum=minimum)
            if ratio >= minimum:
                candidates.append((-ratio, index, candidate))
    for negative_ratio, index, candidate in sorted(candidates):
        if index not in matches and candidate not in taken:
            matches[index] = (candidate, round(-negative_ratio, 3))
            taken.add(candidate)
    return matches


def previous_in_family(report: Report) -> Report | None:
    """The report of the same family whose period ends last before this one's, published or not."""
    return Report.objects.same_family(report).before(report).newest_first().first()


def next_in_family(report: Report) -> Report | None:
    """The report of the same family whose period ends first after this one's, published or not."""
    return Report.objects.same_family(report).after(report).oldest_first().first()


def _period_key(year: int | None, month: int | None) -> tuple[int, int]:
    return (year or 0, month or 0)


@transaction.atomic
def report_series_link(*, report: Report) -> int:
    """Link the report's tasks to the previous report of its family, and the next report's tasks to it.

    Called by the import services when a report's rows are created or its reading applied, inside
    their transaction. Returns how many tasks changed series.
    """
    changed = _link_to_previous(report)
    following = next_in_family(report)
    if following is not None:
        changed += _link_to_previous(following)
    return changed


def _link_to_previous(report: Report) -> int:
    tasks = list(
        Task.objects.filter(report=report).select_related("theme").only(
            "id", "seq", "content", "series_id", "series_score", "corrected_fields", "report_id", "theme__name"
        )
    )
    if not tasks:
        return 0
    previous = previous_in_family(report)
    by_hand = [task for task in tasks if "series" in task.corrected_fields]
    automatic = [task for task in tasks if "series" not in task.corrected_fields]
    held_by_hand = {task.series_id for task in by_hand if task.series_id is not None}
    earlier: list[Task] = []
    if previous is not None:
        earlier = [
            task
            for task in Task.objects.filter(report=previous).select_related("theme").only("id", "seq", "content", "series_id", "theme__name")
            if task.series_id is None or task.series_id not in held_by_hand
        ]
    matches = series_matches(
        [SeriesKey(task.seq, task.theme.name if task.theme else "", task.content) for task in earlier],
        [SeriesKey(task.seq, task.theme.name if task.theme else "", task.content) for task in automatic],
    )
    # Tasks imported before series existed have none: the earlier ones a new task continues get theirs now.
    _series_give([earlier[index] for index, _ in matches.values() if earlier[index].series_id is None])

    wanted: dict[int, tuple[int | None, float | None]] = {}  # task id: (series id, None for a new one; score)
    for index, task in enumerate(automatic):
        if index in matches:
            earlier_index, score = matches[index]
            wanted[task.id] = (earlier[earlier_index].series_id, score)
        else:
            wanted[task.id] = (task.series_id, None)
    members = _other_members(report, [task.series_id for task in tasks if task.series_id is not None])
    report_key = _period_key(report.year, report.period_end_month)
    # A task that continues nothing in the previous report leaves a series that has a task there (it was linked
    # to a row it no longer resembles). One whose series skips the previous report keeps it: a task missing
    # from one quarter's table stays linked to the quarters before the gap.
    previous_id = previous.pk if previous is not None else None
    for task in automatic:
        series_id, score = wanted[task.id]
        if score is None and (series_id is None or any(member[1] == previous_id for member in members.get(series_id, ()))):
            wanted[task.id] = (None, None)
    fresh = [task for task in automatic if wanted[task.id][0] is None]
    new_series = TaskSeries.objects.bulk_create([TaskSeries() for _ in fresh], batch_size=bulk.INSERT_BATCH_SIZE)
    for task, series in zip(fresh, new_series, strict=True):
        wanted[task.id] = (series.id, wanted[task.id][1])

    changed: list[Task] = []
    moves: dict[int, int] = {}  # old series id: new series id, for the successors
    for task in automatic:
        series_id, score = wanted[task.id]
        if task.series_id == series_id and task.series_score == score:
            continue
        if task.series_id is not None and task.series_id != series_id:
            moves[task.series_id] = series_id
        task.series_id, task.series_score = series_id, score
        changed.append(task)
    successors = _successors(members, moves, report_key)
    bulk.rows_update(Task, changed + successors, ["series", "series_score"])
    if changed or successors:
        published = Report.objects.filter(
            pk__in={report.pk, *(task.report_id for task in successors)}, is_published=True
        ).exists()
        if published:
            public_pages_changed()
    return len(changed) + len(successors)


def _series_give(tasks: list[Task]) -> None:
    """A series of its own for each task (tasks imported before series existed)."""
    created = TaskSeries.objects.bulk_create([TaskSeries() for _ in tasks], batch_size=bulk.INSERT_BATCH_SIZE)
    for task, series in zip(tasks, created, strict=True):
        task.series_id = series.id
    bulk.rows_update(Task, tasks, ["series"])


def _other_members(report: Report, series_ids: Iterable[int]) -> dict[int, list[tuple]]:
    """{series id: [(task id, report id, year, period end month), ...]} of the series' tasks in other reports."""
    members: dict[int, list[tuple]] = defaultdict(list)
    ids = sorted(set(series_ids))
    for start in range(0, len(ids), bulk.INSERT_BATCH_SIZE):
        rows = (
            Task.objects.filter(series_id__in=ids[start : start + bulk.INSERT_BATCH_SIZE])
            .exclude(report=report)
            .values_list("series_id", "id", "report_id", "report__year", "report__period_end_month")
        )
        for series_id, *member in rows:
            members[series_id].append(tuple(member))
    return members


def _successors(members: dict[int, list[tuple]], moves: dict[int, int], report_key: tuple[int, int]) -> list[Task]:
    """The tasks of later reports that continued a task which changed series, with their new series set."""
    successors = []
    for old_series, new_series in moves.items():
        for task_id, report_id, year, month in members.get(old_series, ()):
            if _period_key(year, month) > report_key:
                successors.append(Task(id=task_id, report_id=report_id, series_id=new_series))
    return successors


def _tasks_save_series(tasks: Sequence[Task], *, user) -> None:
    bulk.rows_update(Task, tasks, ["series", "series_score", "corrected_fields"])
    Task.history.bulk_history_create(
        tasks, update=True, default_user=user, default_change_reason=CORRECTION_REASON, batch_size=bulk.INSERT_BATCH_SIZE
    )
    if Report.objects.filter(pk__in={task.report_id for task in tasks}, is_published=True).exists():
        public_pages_changed()


@transaction.atomic
def tasks_series_link(*, tasks: Iterable[Task], user=None) -> int:
    """An admin's link: these tasks (of different reports) are one task followed through the reports.

    They join the series of the earliest of them; a task of one of their reports already in that series
    (linked automatically to the wrong row) leaves it for a series of its own. A correction: kept on re-import.
    """
    tasks = list(Task.objects.filter(pk__in=[task.pk for task in tasks]).select_related("report"))
    if len(tasks) < 2:
        raise ServiceError(SERIES_NEEDS_TWO_TASKS)
    if len({task.report_id for task in tasks}) < len(tasks):
        raise ServiceError(SERIES_SAME_REPORT)
    _lock_reports(task.report_id for task in tasks)
    tasks.sort(key=lambda task: (_period_key(task.report.year, task.report.period_end_month), task.report_id))
    if tasks[0].series_id is None:
        _series_give([tasks[0]])
    series_id = tasks[0].series_id
    report_ids = {task.report_id for task in tasks}
    selected = {task.id for task in tasks}
    displaced = list(Task.objects.filter(series_id=series_id, report_id__in=report_ids).exclude(id__in=selected).only("id", "report_id"))
    _series_give(displaced)
    for task in tasks:
        task.series_id, task.series_score = series_id, None
        _with_corrected(task, ["series"])
    _tasks_save_series(tasks, user=user)
    return len(tasks)


@transaction.atomic
def tasks_series_unlink(*, tasks: Iterable[Task], user=None) -> int:
    """An admin's unlink: each task leaves its series for one of its own (the others stay linked). Kept on re-import."""
    tasks = list(Task.objects.filter(pk__in=[task.pk for task in tasks]))
    _lock_reports(task.report_id for task in tasks)
    created = TaskSeries.objects.bulk_create([TaskSeries() for _ in tasks])
    for task, series in zip(tasks, created, strict=True):
        task.series_id, task.series_score = series.id, None
        _with_corrected(task, ["series"])
    _tasks_save_series(tasks, user=user)
    return len(tasks)
