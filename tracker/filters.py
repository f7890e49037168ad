"""FilterSets for the public task list; selectors apply them, views never touch querysets."""

from __future__ import annotations

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from tracker.charts import STATUS_GROUP_LABELS, STATUS_GROUPS, STATUS_LABELS
from tracker.departments_index import sort_key
from tracker.models import Department, DepartmentReportStat, Report, Task, TaskDepartment, Theme


# Sorting by status means most urgent first, not alphabetical by value.
STATUS_RANK = Case(
    *[
        When(status=status, then=Value(rank))
        for rank, status in enumerate(
            [
                Task.Status.BEHIND,
                Task.Status.NOT_STARTED,
                Task.Status.SUSPENDED,
                Task.Status.ON_TRACK,
                Task.Status.COMPLETED,
                Task.Status.UNKNOWN,
            ]
        )
    ],
    default=Value(9),
    output_field=IntegerField(),
)


class PlainSelect(forms.Select):
    """A <select> built in Python: through the template engine, a hundred department options cost ~20 ms a page."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = set(self.format_value(value))
        options = format_html_join(
            "",
            "<option value=\"{}\"{}>{}</option>",
            ((str(option), " selected" if str(option) in selected else "", label) for option, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class PinyinSelect(PlainSelect):
    """Department options in pinyin order (区财政局 under C, as in the department index), not in code-point order.

    Sorted as they render: the field keeps checking a value against its queryset, and reading the
    options costs no query more than the plain select.
    """

    def render(self, name, value, attrs=None, renderer=None):
        choices = [choice for choice in self.choices]  # not list(): it would ask the iterator its len(), a COUNT query
        empty = [choice for choice in choices if choice[0] == ""]
        named = sorted((choice for choice in choices if choice[0] != ""), key=lambda choice: sort_key(str(choice[1])))
        self.choices = [*empty, *named]
        return super().render(name, value, attrs, renderer)


class OptionRowsIterator(django_filters.fields.ModelChoiceIterator):
    """A model select's options read as (id, label) rows, not as model instances (OptionRowsChoiceField)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.option_rows(self.queryset)


class OptionRowsChoiceField(django_filters.fields.ModelChoiceField):
    """A ModelChoiceField whose options come from `option_rows(queryset)`, an iterable of (id, label).

    The task list offers every published report and every department on every page (hundreds of options in a city's
    decade of reports); building a model instance per option to read two fields of it was most of the form's cost.
    A chosen value is still checked against the queryset, as Django does.
    """

    iterator = OptionRowsIterator

    def __init__(self, *args, option_rows, **kwargs):
        self.option_rows = option_rows
        super().__init__(*args, **kwargs)


class OptionRowsChoiceFilter(django_filters.ModelChoiceFilter):
    """A ModelChoiceFilter with an OptionRowsChoiceField: give it `option_rows`."""

    field_class = OptionRowsChoiceField


def _report_options(reports: QuerySet[Report]):
    # The label is str(report): its title, or its source key when it has none.
    return ((pk, title or source_key) for pk, title, source_key in reports.values_list("pk", "title", "source_key"))


def _department_options(departments: QuerySet[Department]):
    return departments.values_list("pk", "name")


def _theme_label(theme: Theme) -> str:
    return f"{theme.name}（{theme.report.period_text}）" if theme.report.period_text else theme.name


class ThemeChoiceFilter(django_filters.ModelChoiceFilter):
    """The themes of the chosen report (or of the chosen theme's report); none before a report is chosen.

    Every report has its own ~20 themes, so offering all of them would put thousands of
    options in the form once years of reports are published. Labels say which report a
    theme belongs to: the same 项目 name recurs year after year.
    """

    def get_queryset(self, request):
        themes = Theme.objects.filter(report__is_published=True)
        report_id, theme_id = _id_param(self.parent, "report"), _id_param(self.parent, "theme")
        if report_id is not None:
            themes = themes.filter(report_id=report_id)
        elif theme_id is not None:
            themes = themes.filter(report__themes=theme_id)
        else:
            themes = themes.none()
        # The label names the report's period (_theme_label): only those fields of it.
        return themes.select_related("report").only(
            "id", "name", "report__id", "report__year", "report__quarter", "report__period_end_month", "report__period_label"
        ).order_by("ordinal")

    @property
    def field(self):
        field = super().field
        field.label_from_instance = _theme_label
        if _id_param(self.parent, "report") is None and _id_param(self.parent, "theme") is None:
            field.empty_label = _("全部项目（先选报告）")
        return field


class DepartmentChoiceFilter(OptionRowsChoiceFilter):
    """The departments with tasks in the chosen report, or in any published report."""

    def get_queryset(self, request):
        # The counts the services keep (DepartmentReportStat): no pass over every task link per request.
        counted = DepartmentReportStat.objects.filter(department=OuterRef("pk"), is_public=True)
        report_id = _id_param(self.parent, "report")
        if report_id is not None:
            counted = counted.filter(report_id=report_id)
        return Department.objects.filter(Exists(counted)).order_by("name")


def _id_param(filterset, name: str) -> int | None:
    """The query parameter `name` as an id, None when absent or not a number (the form then reports it)."""
    value = filterset.data.get(name) if filterset is not None and filterset.data else None
    return int(value) if value and str(value).isdigit() else None


class TaskOrderingFilter(django_filters.OrderingFilter):
    """Sorts by the chosen column, then in table order, so pages never reshuffle between requests."""

    def filter(self, qs, value):
        ordering = [self.get_ordering_value(param) for param in value or [] if param]
        if not ordering:
            return qs
        return qs.annotate(status_rank=STATUS_RANK).order_by(*ordering, "-period_key", "-report_id", "seq")


# The headline's groups (on schedule = completed or on track; not started or suspended) first, each a link from
# the figures, then each status alone; "behind" and "unknown" are a group and a status at once.
STATUS_CHOICES = [
    ("on_schedule", STATUS_GROUP_LABELS["on_schedule"]),
    (Task.Status.COMPLETED.value, STATUS_LABELS[Task.Status.COMPLETED]),
    (Task.Status.ON_TRACK.value, STATUS_LABELS[Task.Status.ON_TRACK]),
    (Task.Status.BEHIND.value, STATUS_LABELS[Task.Status.BEHIND]),
    ("stalled", STATUS_GROUP_LABELS["stalled"]),
    (Task.Status.NOT_STARTED.value, STATUS_LABELS[Task.Status.NOT_STARTED]),
    (Task.Status.SUSPENDED.value, STATUS_LABELS[Task.Status.SUSPENDED]),
    (Task.Status.UNKNOWN.value, STATUS_LABELS[Task.Status.UNKNOWN]),
]


class TaskFilter(django_filters.FilterSet):
    """Report, theme, department with its role, status and a text search over content and progress."""

    report = OptionRowsChoiceFilter(
        label=_("报告"),
        # A decade of a city's reports is ~500 options on every page: read as rows (OptionRowsChoiceField). The chosen
        # report is read without its JSON columns (counts, header, corrections), which no page or download naming it reads.
        queryset=Report.objects.published().newest_first().without_json_columns(),
        option_rows=_report_options,
        empty_label=_("全部报告"),
        widget=PlainSelect,
    )
    theme = ThemeChoiceFilter(label=_("项目"), empty_label=_("全部项目"), widget=PlainSelect)
    department = DepartmentChoiceFilter(
        label=_("单位"),
        option_rows=_department_options,
        empty_label=_("全部单位"),
        widget=PinyinSelect,
        method="filter_department",
    )
    role = django_filters.ChoiceFilter(
        label=_("角色"),
        choices=[(TaskDepartment.Role.LEAD, _("牵头")), (TaskDepartment.Role.CO, _("配合"))],
        empty_label=_("牵头或配合"),
        widget=PlainSelect,
        method="filter_department",
    )
    status = django_filters.ChoiceFilter(
        label=_("状态"),
        choices=STATUS_CHOICES,
        empty_label=_("全部状态"),
        widget=PlainSelect,
        method="filter_status",
    )
    q = django_filters.CharFilter(label=_("搜索"), method="filter_text")
    sort = TaskOrderingFilter(
        label=_("排序"),
        fields=(
            ("period_key", "report"),
            ("seq", "seq"),
            ("theme__name", "theme"),
            ("status_rank", "status"),
        ),
        field_labels={"report": _("报告"), "seq": _("序号"), "theme": _("项目"), "status": _("状态")},
    )

    class Meta:
        model = Task
        fields = ["report", "theme", "department", "role", "status", "q"]

    def filter_department(self, queryset: QuerySet[Task], name: str, value) -> QuerySet[Task]:
        """Department and role filter one link together: "co-operates on" means this unit as 配合."""
        # Both fields route here; act once, on the first one with a value, reading both.
        department = self.form.cleaned_data.get("department")
        role = self.form.cleaned_data.get("role")
        first_set = "department" if department else "role"
        if name != first_set:
            return queryset
        links = TaskDepartment.objects.filter(task=OuterRef("pk"))
        if department:
            links = links.filter(department=department)
        if role:
            links = links.filter(role=role)
        return queryset.filter(Exists(links))

    def filter_status(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        """A status, or a group of statuses (STATUS_GROUPS: "on_schedule" is completed or on track)."""
        return queryset.filter(status__in=STATUS_GROUPS.get(value, (value,)))

    def filter_text(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        """Every word must occur in the content or the progress text; one filter, however many words."""
        terms = search_terms(value)
        if not terms:
            return queryset
        condition = Q()
        for term in terms:
            # A word with no letter that has a case (Chinese, digits) matches the same either way, and PostgreSQL's
            # LIKE is about three times faster than ILIKE, which lower-cases every row's text first.
            lookup = "icontains" if term.lower() != term.upper() else "contains"
            condition &= Q(**{f"content__{lookup}": term}) | Q(**{f"progress__{lookup}": term})
        return queryset.filter(condition)


# The search box is open to anyone: a query of thousands of words once took seconds to build and
# tied up every worker. Real searches are a few words; the rest is dropped.
SEARCH_MAX_CHARACTERS = 100
SEARCH_MAX_TERMS = 10
# A search counts and lists at most this many matches (tracker.pagination): counting every task holding a common
# word reads every task's text.
SEARCH_MAX_RESULTS = 1000


def search_terms(value: str) -> list[str]:
    """The words of a search, at most SEARCH_MAX_TERMS distinct ones from its first SEARCH_MAX_CHARACTERS characters."""
    words = value.replace("\x00", " ")[:SEARCH_MAX_CHARACTERS].split()
    return list(dict.fromkeys(words))[:SEARCH_MAX_TERMS]
