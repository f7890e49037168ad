"""What an imported report becomes in the database.

One `Report` per published table; its `Theme`s (项目) and `Task`s (任务) are
replaced whole when a corrected source of the same report is imported.
`Department`s and `Leader`s are shared across reports so a unit's tasks can be
followed from year to year.

Verbose names are translatable and their message ids are the Chinese text. Model names
carry a context ("model", "plural", "measure") because English needs a singular and a
plural, or two words, where Chinese has one.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tracker.parsing.metrics import AT_MOST, GROWTH, PERCENT


# A report's JSON columns: its counts (services.aggregates), the header as read, the fields an admin corrected.
REPORT_JSON_COLUMNS = ("stats", "columns", "corrected_fields")

# Newest period first; reports whose year or period was not read go last on every database.
REPORTS_NEWEST_FIRST = [
    F("year").desc(nulls_last=True),
    F("period_end_month").desc(nulls_last=True),
    F("published_on").desc(nulls_last=True),
    "-id",
]


class ReportQuerySet(models.QuerySet):
    def published(self) -> "ReportQuerySet":
        """Only reports an admin has published to the public site."""
        return self.filter(is_published=True)

    def with_task_counts(self) -> "ReportQuerySet":
        """Annotate `task_count` in the same query, so lists need no query per report: the count the services keep
        (Report.stats["tasks"], services.aggregates) rather than a count of each report's tasks per request."""
        return self.annotate(task_count=Coalesce(Cast(KT("stats__tasks"), models.IntegerField()), 0))

    def without_json_columns(self, *, keep: tuple[str, ...] = ()) -> "ReportQuerySet":
        """Without the JSON columns no list of reports shows (the counts, the header, the corrections), but those in
        `keep`: decoding them for every row was much of the time of a list's page."""
        return self.defer(*(column for column in REPORT_JSON_COLUMNS if column not in keep))

    def newest_first(self) -> "ReportQuerySet":
        """Newest period first; explicit because Meta.ordering is dropped from GROUP BY queries."""
        return self.order_by(*REPORTS_NEWEST_FIRST)

    def same_family(self, report: "Report") -> "ReportQuerySet":
        """Reports of the report's family: the same publisher's series of tables, quarter after quarter, year after year.

        A family is one publisher (发布机构) and the organisation part of the 信息索引号 ("K1493206-6" of
        "K1493206-6/2022-25614"): several districts' offices may all sign as "区府办", their index numbers differ.
        """
        prefix, separator, _ = report.index_no.partition("/")
        family = self.filter(publisher=report.publisher)
        if separator:
            return family.filter(index_no__startswith=f"{prefix}/")
        return family.exclude(index_no__contains="/")

    def before(self, report: "Report") -> "ReportQuerySet":
        """Reports whose period ends before the report's (none when its year or period is unknown)."""
        if report.year is None or report.period_end_month is None:
            return self.none()
        return self.filter(Q(year__lt=report.year) | Q(year=report.year, period_end_month__lt=report.period_end_month))

    def after(self, report: "Report") -> "ReportQuerySet":
        """Reports whose period ends after the report's (none when its year or period is unknown)."""
        if report.year is None or report.period_end_month is None:
            return self.none()
        return self.filter(Q(year__gt=report.year) | Q(year=report.year, period_end_month__gt=report.period_end_month))

    def oldest_first(self) -> "ReportQuerySet":
        """Oldest period first: a timeline's order."""
        return self.order_by("year", "period_end_month", "published_on", "id")


class Report(models.Model):
    title = models.CharField(_("标题"), max_length=500)
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("季度"), null=True, blank=True)
    period_end_month = models.PositiveSmallIntegerField(
        _("截止月份"), null=True, blank=True, help_text=_("统计期的最后一个月，用于计算序时进度")
    )
    period_label = models.CharField(_("统计期"), max_length=100, blank=True)
    publisher = models.CharField(_("发布机构"), max_length=200, blank=True)
    index_no = models.CharField(_("信息索引号"), max_length=100, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    source_name = models.CharField(_("源文件"), max_length=255, blank=True)
    content_hash = models.CharField(_("内容哈希 (SHA-256)"), max_length=64, unique=True)
    source_key = models.CharField(
        _("报告标识"),
        max_length=600,
        unique=True,
        help_text=_("信息索引号；没有索引号时为 标题|年份|截止月份。同一标识再次导入时更新而非新建。"),
    )
    layout = models.CharField(_("表格版式"), max_length=200, blank=True)
    parser_version = models.PositiveSmallIntegerField(
        _("解析器版本"), default=1, help_text=_("读取此报告的解析器版本；解析器更新后，再次导入同一文件会重新读取。")
    )
    columns = models.JSONField(_("表头"), default=list, blank=True)
    # Counts the public pages show, kept by the write services (`services.aggregates`), not counted per request:
    # {"tasks": n, "themes": n, "departments": n, "status": {"completed": n, ...}}.
    stats = models.JSONField(_("统计"), default=dict, blank=True, editable=False)
    # Metadata an admin corrected (names from REPORT_CORRECTABLE_FIELDS): a re-import keeps them.
    corrected_fields = models.JSONField(_("人工更正的字段"), default=list, blank=True)
    is_published = models.BooleanField(_("已发布"), default=False)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    imported_at = models.DateTimeField(_("首次导入时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(verbose_name=_("报告修改记录"), excluded_fields=["updated_at", "stats"])

    class Meta:
        verbose_name = pgettext_lazy("model", "报告")
        verbose_name_plural = pgettext_lazy("plural", "报告")
        ordering = REPORTS_NEWEST_FIRST
        constraints = [
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="report_quarter_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(period_end_month__isnull=True) | Q(period_end_month__gte=1, period_end_month__lte=12),
                name="report_period_end_month_1_to_12",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.source_key

    @property
    def period_text(self) -> str:
        """The period as people say it, e.g. "2022年 三季度"."""
        year = f"{self.year}年" if self.year else ""
        label = self.period_label or (f"1–{self.period_end_month}月" if self.period_end_month else "")
        return " ".join(part for part in (year, label) if part)


# Report metadata an admin may correct (the diagnostics ask for a title, a year or a period); the
# source key is not among them: it stays what the file says, so the next import finds the report.
REPORT_CORRECTABLE_FIELDS = ("title", "year", "quarter", "period_end_month", "period_label", "publisher", "index_no", "published_on")


class ReportRevision(models.Model):
    """One reading of a report's source file, kept whole to be compared, published, discarded or restored.

    The report's tasks hold the reading of its `current` revision, with the admins' corrections on
    top. A corrected file for a published report becomes a `pending` revision: the public site keeps
    showing the report as it is until an admin publishes the revision (its reading is then applied to
    the tasks, corrections kept) or discards it. Earlier current revisions stay as `previous` and can be
    restored the same way. A draft report has no pending revisions: a new reading applies at once.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("待发布")
        CURRENT = "current", _("当前")
        PREVIOUS = "previous", _("已被取代")
        DISCARDED = "discarded", _("已放弃")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("报告"))
    number = models.PositiveIntegerField(_("修订号"))
    state = models.CharField(_("状态"), max_length=10, choices=State.choices)
    source_name = models.CharField(_("源文件"), max_length=255, blank=True)
    content_hash = models.CharField(_("内容哈希 (SHA-256)"), max_length=64)
    parser_version = models.PositiveSmallIntegerField(_("解析器版本"))
    # The file as received: its lines are shown beside the diagnostics, and it is the record of what was published.
    source = models.BinaryField(_("原始文件"), editable=False)
    # The parser's reading (parse_report JSON), as the preview showed it: applying it needs no second reading.
    reading = models.JSONField(_("解析结果"), editable=False)
    # What the reading changed, by 序号, against the report as it stood when the revision was stored.
    row_changes = models.JSONField(_("行变化"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("导入人")
    )
    applied_at = models.DateTimeField(_("生效时间"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("发布人")
    )

    class Meta:
        verbose_name = pgettext_lazy("model", "报告修订")
        verbose_name_plural = pgettext_lazy("plural", "报告修订")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="revision_unique_number_per_report"),
            models.UniqueConstraint(
                fields=["report"], condition=Q(state="current"), name="revision_one_current_per_report"
            ),
            models.UniqueConstraint(
                fields=["report"], condition=Q(state="pending"), name="revision_one_pending_per_report"
            ),
        ]

    def __str__(self) -> str:
        return gettext("第 {number} 版（{state}）").format(number=self.number, state=self.get_state_display())


class Theme(models.Model):
    """A 项目 heading that groups tasks, e.g. "(一) 经济社会发展主要预期目标"."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="themes", verbose_name=_("报告"))
    ordinal = models.PositiveSmallIntegerField(_("顺序"))
    number = models.CharField(_("编号"), max_length=20, blank=True, help_text=_("“(一)”中的“一”"))
    name = models.CharField(_("名称"), max_length=500)

    class Meta:
        verbose_name = pgettext_lazy("model", "项目")
        verbose_name_plural = pgettext_lazy("plural", "项目")
        ordering = ["report", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["report", "name"], name="theme_unique_name_per_report"),
            models.UniqueConstraint(fields=["report", "ordinal"], name="theme_unique_ordinal_per_report"),
        ]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A 责任单位; the parser already gives one canonical spelling per unit."""

    name = models.CharField(_("名称"), max_length=200, unique=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "单位")
        verbose_name_plural = pgettext_lazy("plural", "单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DepartmentAlias(models.Model):
    """Another name of a unit (e.g. after a merge); imports map it to its department."""

    name = models.CharField(_("别名"), max_length=200, unique=True)
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("对应单位")
    )

    class Meta:
        verbose_name = pgettext_lazy("model", "单位别名")
        verbose_name_plural = pgettext_lazy("plural", "单位别名")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} → {self.department}"


class Leader(models.Model):
    """A person named as 牵头领导 / 分管领导; kept apart from departments."""

    name = models.CharField(_("姓名"), max_length=100, unique=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "领导")
        verbose_name_plural = pgettext_lazy("plural", "领导")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TaskSeries(models.Model):
    """One task followed through the reports: the same task in each quarter of a year, and in later years where it recurs.

    Tasks join a series when a report is imported (matched to the previous report's tasks by theme
    and content, with a score) or when an admin links them by hand (a correction: "series").
    """

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("model", "任务系列")
        verbose_name_plural = pgettext_lazy("plural", "任务系列")

    def __str__(self) -> str:
        return gettext("任务系列 {number}").format(number=self.pk)


# Task fields an admin may correct and a re-import then leaves alone;
# "departments" and "leaders" stand for the task's links, "series" for its place in a series.
CORRECTABLE_FIELDS = (
    "theme",
    "content",
    "progress",
    "completion_text",
    "note",
    "status",
    "status_reason",
    "departments",
    "leaders",
    "series",
)


class Task(models.Model):
    class Status(models.TextChoices):
        # Values equal the parser's `Status` values (a test checks they stay in step).
        COMPLETED = "completed", _("已完成")
        ON_TRACK = "on_track", _("正常推进")
        BEHIND = "behind", _("滞后")
        NOT_STARTED = "not_started", _("未开工")
        SUSPENDED = "suspended", _("暂停")
        UNKNOWN = "unknown", _("未知")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("报告"))
    seq = models.PositiveIntegerField(_("序号"), help_text=_("表中顺序，从 1 起"))
    source_seq = models.CharField(_("原序号"), max_length=20, blank=True, help_text=_("表中印的序号"))
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks", verbose_name=_("项目")
    )
    content = models.TextField(_("工作内容"))
    progress = models.TextField(_("进展情况"), blank=True)
    completion_text = models.CharField(_("完成进度"), max_length=100, blank=True)
    note = models.TextField(_("备注"), blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.UNKNOWN)
    status_reason = models.TextField(_("状态依据"), blank=True)
    first_line = models.PositiveIntegerField(_("起始行"))
    last_line = models.PositiveIntegerField(_("结束行"))
    departments = models.ManyToManyField(
        Department, through="TaskDepartment", related_name="tasks", verbose_name=_("责任单位")
    )
    leaders = models.ManyToManyField(Leader, through="TaskLeader", related_name="tasks", verbose_name=_("领导"))
    series = models.ForeignKey(
        TaskSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks", verbose_name=_("任务系列")
    )
    # How alike the task is to the one it continues in its series (0..1); None when it starts the series or an
    # admin linked it by hand.
    series_score = models.FloatField(_("系列匹配度"), null=True, blank=True)
    # Which fields an admin corrected (names from CORRECTABLE_FIELDS): a re-import keeps them.
    corrected_fields = models.JSONField(_("人工更正的字段"), default=list, blank=True)
    # What the parser last read for this row, so a re-import can tell a changed source row
    # from an admin's correction; {} for rows stored before this field existed.
    parsed_values = models.JSONField(_("解析原值"), default=dict, blank=True, editable=False)
    # Copies of the report's publication and period (`services.aggregates` keeps them), so the public task lists
    # are filtered and ordered on the task table alone: an index walks to the LIMIT instead of sorting every task.
    is_public = models.BooleanField(_("公开"), default=False, editable=False)
    period_key = models.PositiveIntegerField(_("统计期排序键"), default=0, editable=False, help_text=_("年份×100+截止月份"))

    history = HistoricalRecords(verbose_name=_("任务修改记录"), excluded_fields=["is_public", "period_key"])

    class Meta:
        verbose_name = pgettext_lazy("model", "任务")
        verbose_name_plural = pgettext_lazy("plural", "任务")
        ordering = ["report", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["report", "seq"], name="task_unique_seq_per_report"),
        ]
        indexes = [
            # The public task list's order: newest period first, then newest report, then table order.
            models.Index(
                F("period_key").desc(), F("report").desc(), "seq", condition=Q(is_public=True), name="task_public_newest_first"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seq}. {self.content[:40]}"


class TaskDepartment(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("牵头")
        CO = "co", _("配合")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="department_links", verbose_name=_("任务"))
    # PROTECT: a unit named in a report must be merged, not deleted.
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="task_links", verbose_name=_("单位")
    )
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices)
    position = models.PositiveSmallIntegerField(_("位次"), help_text=_("在单元格中的顺序，从 1 起"))

    history = HistoricalRecords(verbose_name=_("任务责任单位修改记录"))

    class Meta:
        verbose_name = pgettext_lazy("model", "任务责任单位")
        verbose_name_plural = pgettext_lazy("plural", "任务责任单位")
        ordering = ["task", "position"]
        constraints = [
            models.UniqueConstraint(fields=["task", "department"], name="taskdepartment_unique_department"),
            models.UniqueConstraint(fields=["task", "position"], name="taskdepartment_unique_position"),
        ]

    def __str__(self) -> str:
        return gettext("{department}（{role}）").format(department=self.department.name, role=self.get_role_display())


class TaskLeader(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="leader_links", verbose_name=_("任务"))
    leader = models.ForeignKey(
        Leader, on_delete=models.PROTECT, related_name="task_links", verbose_name=pgettext_lazy("model", "领导")
    )
    position = models.PositiveSmallIntegerField(_("位次"))

    history = HistoricalRecords(verbose_name=_("任务领导修改记录"))

    class Meta:
        verbose_name = pgettext_lazy("model", "任务领导")
        verbose_name_plural = pgettext_lazy("plural", "任务领导")
        ordering = ["task", "position"]
        constraints = [
            models.UniqueConstraint(fields=["task", "leader"], name="taskleader_unique_leader"),
        ]

    def __str__(self) -> str:
        return f"{self.leader_id} #{self.position}"


def period_key(year: int | None, period_end_month: int | None) -> int:
    """The order of a report's period as one number: 202209 for the report up to September 2022; 0 when unknown."""
    return (year or 0) * 100 + (period_end_month or 0)


class DepartmentReportStat(models.Model):
    """One department's tasks in one report, by status: counted by the write services when they change the report
    (`services.aggregates`), so a department's record across hundreds of reports is read, not counted, per request."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="report_stats", verbose_name=_("单位"))
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="department_stats", verbose_name=_("报告"))
    is_public = models.BooleanField(_("公开"), default=False)
    period_key = models.PositiveIntegerField(_("统计期排序键"), default=0)
    total = models.PositiveIntegerField(_("任务数"), default=0)
    lead = models.PositiveIntegerField(_("牵头"), default=0)
    completed = models.PositiveIntegerField(default=0)
    on_track = models.PositiveIntegerField(default=0)
    behind = models.PositiveIntegerField(default=0)
    not_started = models.PositiveIntegerField(default=0)
    suspended = models.PositiveIntegerField(default=0)
    unknown = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = pgettext_lazy("model", "单位统计")
        verbose_name_plural = pgettext_lazy("plural", "单位统计")
        constraints = [models.UniqueConstraint(fields=["department", "report"], name="departmentstat_unique_report")]
        indexes = [
            models.Index(
                "department", F("period_key").desc(), F("report").desc(), condition=Q(is_public=True),
                name="departmentstat_public_newest",
            ),
        ]

    def status_counts(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in Task.Status.values}


class ImportDiagnostic(models.Model):
    """A parser diagnostic kept for the admins, attached to the task whose lines contain it."""

    class Severity(models.TextChoices):
        # Values equal the parser's `Severity` values.
        ERROR = "error", _("错误")
        WARNING = "warning", _("警告")
        INFO = "info", _("提示")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="diagnostics", verbose_name=_("报告"))
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="diagnostics", verbose_name=_("任务")
    )
    line = models.PositiveIntegerField(_("行号"), null=True, blank=True)
    severity = models.CharField(_("级别"), max_length=10, choices=Severity.choices)
    code = models.CharField(_("代码"), max_length=50)
    message = models.TextField(_("说明"))
    resolved = models.BooleanField(_("已处理"), default=False)

    class Meta:
        verbose_name = pgettext_lazy("model", "导入诊断")
        verbose_name_plural = pgettext_lazy("plural", "导入诊断")
        ordering = ["report", F("line").asc(nulls_first=True), "id"]

    def __str__(self) -> str:
        where = gettext("第 {line} 行").format(line=self.line) if self.line else gettext("全文")
        return f"{where} {self.severity} {self.code}"


# The measure a unit names, for figures the parser calls an "amount": a metric in 公里 is a length, not money.
UNIT_KINDS = {
    **dict.fromkeys(["元", "美元", "欧元", "港元"], "money"),
    **dict.fromkeys(["公里", "千米", "米", "延米"], "length"),
    **dict.fromkeys(["平方米", "平方公里", "亩", "公顷"], "area"),
    **dict.fromkeys(["吨", "千克", "公斤"], "weight"),
    **dict.fromkeys(["立方米", "方"], "volume"),
    **dict.fromkeys(["千瓦", "千瓦时", "兆瓦", "度", "吨标准煤"], "energy"),
    **dict.fromkeys(["天", "小时", "分钟", "个工作日", "工作日"], "duration"),
}


def metric_kind(kind: str, unit: str) -> str:
    """The stored kind of a parsed figure: "amount" made specific by its unit (money, length, area…)."""
    if kind == "amount":
        return UNIT_KINDS.get(unit, kind)
    return kind


# Targets that are levels, not amounts done over the year: a growth rate, a share, a ceiling ("不高于", AT_MOST).
# They are compared with their target as they stand (as tracker/parsing/status.py does), never with the 序时进度.
LEVEL_KINDS = (PERCENT, GROWTH)


class MetricQuerySet(models.QuerySet):
    def trusted(self) -> "MetricQuerySet":
        """Pairs the public pages may show: confident ones an admin did not reject, and doubtful ones an admin accepted."""
        return self.filter(Q(confidence="confident") & ~Q(review="rejected") | Q(review="accepted"))

    def cumulative(self) -> "MetricQuerySet":
        """Pairs whose actual adds up over the year towards the target, both read (charts.is_cumulative, in SQL)."""
        return self.filter(
            Q(target__isnull=False, actual__isnull=False, completion__isnull=False)
            & ~Q(kind__in=LEVEL_KINDS)
            & ~Q(comparator=AT_MOST)
        )

    def doubtful(self) -> "MetricQuerySet":
        """Doubtful pairs no admin has decided on yet (待核)."""
        return self.filter(confidence="doubtful", review="")


class Metric(models.Model):
    """A target read from a task's content and the actual read from its progress (parser's `metrics`).

    `locked` is the admin's correction mark: a re-import replaces a task's unlocked metrics and
    keeps the locked ones, so a figure an official fixed by hand is never overwritten.
    Evidence offsets index the task's `content` (target) and `progress` (actual) as imported.
    """

    class Source(models.TextChoices):
        TEXT = "text", _("文字")
        COLUMNS = "columns", _("数字列")

    class Confidence(models.TextChoices):
        CONFIDENT = "confident", _("可信")
        DOUBTFUL = "doubtful", _("待核")

    class Review(models.TextChoices):
        ACCEPTED = "accepted", _("已接受")
        REJECTED = "rejected", _("已拒绝")

    class Kind(models.TextChoices):
        # The parser says "amount" for any measured quantity; the import names it by its unit (`kind_for_unit`).
        COUNT = "count", _("数量")
        AMOUNT = "amount", _("数额")
        MONEY = "money", _("金额")
        LENGTH = "length", _("长度")
        AREA = "area", _("面积")
        WEIGHT = "weight", _("重量")
        VOLUME = "volume", _("体积")
        ENERGY = "energy", _("能源")
        DURATION = "duration", _("时长")
        PERCENT = "percent", _("比例")
        GROWTH = "growth", _("增速")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="metrics", verbose_name=_("任务"))
    position = models.PositiveSmallIntegerField(_("位次"))
    label = models.CharField(_("指标"), max_length=200)
    target = models.FloatField(_("目标值"), null=True, blank=True)
    unit = models.CharField(pgettext_lazy("measure", "单位"), max_length=30, blank=True)
    comparator = models.CharField(_("比较"), max_length=4, blank=True, help_text=_("=、>= 或 <="))
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, blank=True)
    actual = models.FloatField(_("实际值"), null=True, blank=True)
    actual_unit = models.CharField(_("实际值单位"), max_length=30, blank=True)
    completion = models.FloatField(_("完成比例"), null=True, blank=True, help_text=_("实际/目标，1 为刚好完成"))
    target_start = models.PositiveIntegerField(_("目标依据起"), null=True, blank=True)
    target_end = models.PositiveIntegerField(_("目标依据止"), null=True, blank=True)
    actual_start = models.PositiveIntegerField(_("实际依据起"), null=True, blank=True)
    actual_end = models.PositiveIntegerField(_("实际依据止"), null=True, blank=True)
    locked = models.BooleanField(_("已锁定"), default=False, help_text=_("锁定后重新导入不会覆盖此指标"))
    # As the parser read it (issue 12): the target's words, its floor and range, where the pair was read.
    target_text = models.CharField(_("目标原文"), max_length=200, blank=True)
    floor = models.FloatField(_("底线值"), null=True, blank=True, help_text=_("“确保5%以上”中的 5：判断完成时用它"))
    approx = models.BooleanField(_("约数"), default=False, help_text=_("目标写作“左右”“约”"))
    range_high = models.FloatField(_("区间上限"), null=True, blank=True, help_text=_("“3-5个”中的 5"))
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.TEXT)
    confidence = models.CharField(_("可信度"), max_length=10, choices=Confidence.choices, default=Confidence.CONFIDENT)
    confidence_reason = models.TextField(_("存疑原因"), blank=True)
    # An admin's decision on a doubtful pair (a correction: the metric is locked with it).
    review = models.CharField(_("核对"), max_length=10, choices=Review.choices, blank=True, default="")
    history = HistoricalRecords(verbose_name=_("指标修改记录"))

    objects = MetricQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("model", "指标")
        verbose_name_plural = pgettext_lazy("plural", "指标")
        ordering = ["task", "position"]
        constraints = [
            models.UniqueConstraint(fields=["task", "position"], name="metric_unique_position"),
        ]

    def __str__(self) -> str:
        return self.label


class ColumnLayout(models.Model):
    """A column mapping an admin confirmed for a header layout, remembered so the next file with the same header
    (next quarter's from the same publisher) is read that way with no help (the parser's `known_layouts`)."""

    header_signature = models.CharField(_("表头特征"), max_length=64, unique=True)
    labels = models.JSONField(_("表头"), default=list)
    columns = models.JSONField(_("各列角色"), default=list, help_text=_("每列一个角色名：seq、content、lead……"))
    source_name = models.CharField(_("首次确认时的文件"), max_length=255, blank=True)
    confirmed_at = models.DateTimeField(_("确认时间"), auto_now=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("确认人")
    )

    class Meta:
        verbose_name = pgettext_lazy("model", "表格版式")
        verbose_name_plural = pgettext_lazy("plural", "表格版式")
        ordering = ["-confirmed_at"]

    def __str__(self) -> str:
        return " | ".join(self.labels) or self.header_signature


class ContentVersion(models.Model):
    """One row whose number changes with every write the public pages could show (see tracker.page_cache).

    It lives in the database, not in a cache server, so that several app servers sharing
    the database agree on it without sharing anything else.
    """

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "公开页面版本"
        verbose_name_plural = "公开页面版本"

    def __str__(self) -> str:
        return str(self.number)
