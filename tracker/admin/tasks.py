"""Tasks and themes: correcting what the parser read, one task at a time or in bulk.

Every save goes through a service: the task's fields through `services.task_correct`, its
departments, leaders and figures (the inlines) through `task_departments_set`,
`task_leaders_set` and `task_metrics_save`, a theme through `theme_update`. They record the
corrected fields so that a re-import of the report keeps them; simple-history records each
edit (who, when, before and after) under the "历史" button.
"""

from django.contrib import admin, messages
from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin, ServiceErrorsAsMessagesMixin
from tracker.forms import TaskActionForm
from tracker.models import Department, Metric, Task, TaskDepartment, TaskLeader, Theme

# Message ids (the Chinese text); translated when shown.
ACTION_NEEDS_STATUS = gettext_noop("请先在操作菜单旁的“状态”中选择要设置的状态。")
ACTION_NEEDS_THEME = gettext_noop("请先在操作菜单旁的“项目”中选择要移入的项目。")
ACTION_NEEDS_DEPARTMENT = gettext_noop("请先在操作菜单旁的“单位”中选择单位和角色。")

CORRECTED_FIELD_LABELS = {
    **{field.name: field.verbose_name for field in Task._meta.get_fields() if hasattr(field, "verbose_name")},
    "departments": _("责任单位"),
    "leaders": _("领导"),
}

def tasks_updated_message(count: int) -> str:
    return ngettext("已更新 {count} 项任务。", "已更新 {count} 项任务。", count).format(count=count)


class TaskDepartmentInline(admin.TabularInline):
    model = TaskDepartment
    fields = ["position", "department", "role"]
    ordering = ["position"]
    autocomplete_fields = ["department"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("department")  # its name is each row's label


class TaskLeaderInline(admin.TabularInline):
    model = TaskLeader
    fields = ["position", "leader"]
    ordering = ["position"]
    autocomplete_fields = ["leader"]
    extra = 0


class MetricInline(admin.StackedInline):
    """Targets and actuals read by the parser; editing one locks it so re-imports keep it.

    Stacked, three short rows per figure: as a table its ten columns made the form 2,360 px wide.
    """

    model = Metric
    fields = [
        ("label", "kind", "position"),
        ("target", "comparator", "unit", "target_text"),
        ("actual", "actual_unit", "completion"),
        ("confidence", "confidence_reason"),
        ("review", "locked"),
    ]
    readonly_fields = ["target_text", "confidence", "confidence_reason"]
    ordering = ["position"]
    extra = 0


class DoubtfulPairsFilter(admin.SimpleListFilter):
    """Tasks with pairs the parser doubted and no admin has accepted or rejected yet (待核)."""

    title = _("待核指标")
    parameter_name = "doubtful"

    def lookups(self, request, model_admin):
        return [("yes", _("有待核指标"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(Exists(Metric.objects.filter(task=OuterRef("pk")).doubtful()))
        return queryset


@admin.register(Task)
class TaskAdmin(ServiceErrorsAsMessagesMixin, ActionsNeedChangePermissionMixin, SimpleHistoryAdmin):
    action_form = TaskActionForm
    actions = ["set_status", "move_to_theme", "add_department", "link_series", "unlink_series"]
    inlines = [TaskDepartmentInline, TaskLeaderInline, MetricInline]
    list_display = ["seq", "short_content", "theme", "lead_departments", "status", "doubtful_count", "is_corrected", "report_period"]
    list_display_links = ["seq", "short_content"]
    list_filter = ["report", "status", DoubtfulPairsFilter, "theme", ("departments", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["report", "theme"]
    list_per_page = 50
    search_fields = ["content", "progress", "note", "departments__name", "leaders__name"]
    search_help_text = _("在工作内容、进展、备注、单位和领导中查找")
    fieldsets = [
        (None, {"fields": ["report", "seq", "source_seq", "source_lines", "theme"]}),
        (_("内容"), {"fields": ["content", "progress", "completion_text", "note"]}),
        (_("状态"), {"fields": ["status", "status_reason"]}),
        (_("更正"), {"fields": ["corrected_field_names"]}),
        (_("任务系列"), {"fields": ["series_tasks"]}),
    ]
    readonly_fields = ["report", "seq", "source_seq", "source_lines", "corrected_field_names", "series_tasks"]

    class Media:
        css = {"all": ["css/admin-task-form.css"]}

    def get_queryset(self, request):
        doubtful = Metric.objects.filter(task=OuterRef("pk")).doubtful().order_by().values("task").annotate(n=Count("pk")).values("n")
        return (
            super().get_queryset(request)
            .prefetch_related("department_links__department")
            .annotate(doubtful_pairs=Coalesce(Subquery(doubtful), 0))
        )

    @admin.display(description=_("待核指标"), ordering="doubtful_pairs")
    def doubtful_count(self, task):
        return task.doubtful_pairs or ""

    @admin.display(description=_("工作内容"))
    def short_content(self, task):
        return task.content if len(task.content) <= 60 else f"{task.content[:60]}…"

    @admin.display(description=_("牵头单位"))
    def lead_departments(self, task):
        links = task.department_links.all()  # prefetched: no query per row
        return "、".join(link.department.name for link in links if link.role == TaskDepartment.Role.LEAD)

    @admin.display(description=_("已人工更正"), boolean=True)
    def is_corrected(self, task):
        return bool(task.corrected_fields)

    @admin.display(description=_("报告期"), ordering="report")
    def report_period(self, task):
        return task.report.period_text or task.report.title

    @admin.display(description=_("人工更正过的字段（重新导入时保留）"))
    def corrected_field_names(self, task):
        if not task.corrected_fields:
            return gettext("无")
        separator = pgettext("list separator", "、")
        return separator.join(str(CORRECTED_FIELD_LABELS.get(name, name)) for name in task.corrected_fields)

    @admin.display(description=_("原文行号"))
    def source_lines(self, task):
        return gettext("第 {first}–{last} 行").format(first=task.first_line, last=task.last_line)

    @admin.display(description=_("同一任务在各期报告中"))
    def series_tasks(self, task):
        """The task's series, oldest report first, each linked to its change page (and its match score)."""
        if task.series_id is None:
            return gettext("无")
        members = Task.objects.filter(series_id=task.series_id).select_related("report").order_by(
            "report__year", "report__period_end_month", "report_id"
        )
        items = format_html_join(
            "",
            "<li><a href=\"{}\">{}</a> {}{}</li>",
            (
                (
                    reverse("admin:tracker_task_change", args=[member.pk]),
                    f"{member.report.period_text or member.report.title} · {member}",
                    gettext("（本任务）") if member.pk == task.pk else "",
                    gettext(" 匹配度 {score}").format(score=member.series_score) if member.series_score is not None else "",
                )
                for member in members
            ),
        )
        help_text = gettext("在任务列表中选中几期报告中的同一任务，用操作“连成同一任务系列”或“移出任务系列”更正。")
        return format_html("<ul>{}</ul><p class=\"help\">{}</p>", items, help_text)

    def has_add_permission(self, request):
        return False  # tasks come from imports

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "theme":
            task_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
            task = Task.objects.filter(pk=task_id).first() if task_id else None
            if task is not None:
                kwargs["queryset"] = Theme.objects.filter(report_id=task.report_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        services.task_correct(task=obj, fields=form.changed_data, user=request.user)

    def save_formset(self, request, form, formset, change):
        """Each inline's rows go to its service as plain values.

        `formset.save(commit=False)` writes nothing; it sorts the rows into new, changed and
        deleted, which the services take and the admin's change message reads.
        """
        task = form.instance
        formset.save(commit=False)
        if not (formset.new_objects or formset.changed_objects or formset.deleted_objects):
            return
        if formset.model is Metric:
            reviewed = [(metric, metric.review) for metric, fields in formset.changed_objects if fields == ["review"] and metric.review]
            if reviewed:  # only the 核对 choice changed: the review service (it also judges the status again)
                services.metrics_review(decisions=reviewed, user=request.user)
            edited = [(metric, fields) for metric, fields in formset.changed_objects if not (fields == ["review"] and metric.review)]
            edited += [(metric, ["label"]) for metric in formset.new_objects]
            if edited or formset.deleted_objects:
                services.task_metrics_save(task=task, edited=edited, deleted=formset.deleted_objects, user=request.user)
            return
        deleted = {id(row) for row in formset.deleted_objects}
        rows = [f.instance for f in formset.forms if f.instance.pk or f.instance in formset.new_objects]
        rows = sorted((row for row in rows if id(row) not in deleted), key=lambda row: row.position or 0)
        if formset.model is TaskDepartment:
            services.task_departments_set(task=task, links=[(row.department, row.role) for row in rows], user=request.user)
        elif formset.model is TaskLeader:
            services.task_leaders_set(task=task, leaders=[row.leader for row in rows], user=request.user)

    @admin.action(description=_("设置所选任务的状态"), permissions=["change"])
    def set_status(self, request, queryset):
        status = request.POST.get("status")
        if status not in Task.Status.values:
            self.message_user(request, gettext(ACTION_NEEDS_STATUS), messages.ERROR)
            return
        count = services.tasks_set_status(tasks=queryset, status=status, user=request.user)
        self.message_user(request, tasks_updated_message(count), messages.SUCCESS)

    @admin.action(description=_("把所选任务移到另一个项目"), permissions=["change"])
    def move_to_theme(self, request, queryset):
        theme = Theme.objects.filter(pk=request.POST.get("theme") or None).first()
        if theme is None:
            self.message_user(request, gettext(ACTION_NEEDS_THEME), messages.ERROR)
            return
        count = services.tasks_move_to_theme(tasks=queryset, theme=theme, user=request.user)
        self.message_user(request, tasks_updated_message(count), messages.SUCCESS)

    @admin.action(description=_("给所选任务添加单位（或改变其角色）"), permissions=["change"])
    def add_department(self, request, queryset):
        department = Department.objects.filter(pk=request.POST.get("department") or None).first()
        role = request.POST.get("role")
        if department is None or role not in TaskDepartment.Role.values:
            self.message_user(request, gettext(ACTION_NEEDS_DEPARTMENT), messages.ERROR)
            return
        count = services.tasks_add_department(tasks=queryset, department=department, role=role, user=request.user)
        self.message_user(request, tasks_updated_message(count), messages.SUCCESS)


    @admin.action(description=_("把所选任务连成同一任务系列（各期报告中的同一任务）"), permissions=["change"])
    def link_series(self, request, queryset):
        count = services.tasks_series_link(tasks=queryset, user=request.user)
        self.message_user(request, tasks_updated_message(count), messages.SUCCESS)

    @admin.action(description=_("把所选任务移出任务系列"), permissions=["change"])
    def unlink_series(self, request, queryset):
        count = services.tasks_series_unlink(tasks=queryset, user=request.user)
        self.message_user(request, tasks_updated_message(count), messages.SUCCESS)


@admin.register(Theme)
class ThemeAdmin(ServiceErrorsAsMessagesMixin, admin.ModelAdmin):
    list_display = ["ordinal", "number", "name", "report"]
    list_display_links = ["name"]
    list_filter = ["report"]
    list_select_related = ["report"]
    search_fields = ["name"]
    fields = ["report", "ordinal", "number", "name"]
    readonly_fields = ["report", "ordinal"]

    def has_add_permission(self, request):
        return False  # themes come from imports

    def has_delete_permission(self, request, obj=None):
        return False  # a theme goes when no task uses it (at the next import); tasks move with "把所选任务移到另一个项目"

    def save_model(self, request, obj, form, change):
        services.theme_update(theme=obj, fields=form.changed_data, user=request.user)
