"""The parser's doubts, kept per report: read each beside its source lines, open the task, mark it handled.

The list shows what is still open by default; "已修正 / 不是问题" marks a diagnostic handled
(it then leaves the open list, and a re-import that says the same thing keeps it handled).
The source lines come from the file of the report's current revision, loaded once per page.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin, ServiceErrorsAsMessagesMixin
from tracker.admin.report_import import file_lines
from tracker.models import ImportDiagnostic, ReportRevision

# Lines shown before and after the one a diagnostic points at.
SOURCE_CONTEXT_LINES = 2


class OpenFilter(admin.SimpleListFilter):
    """Open diagnostics unless asked otherwise: the list is a to-do list."""

    title = _("处理情况")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("待处理")), ("resolved", _("已处理")), ("all", _("全部"))]

    def choices(self, changelist):
        value = self.value() or "open"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "open"
        if value == "open":
            return queryset.filter(resolved=False)
        if value == "resolved":
            return queryset.filter(resolved=True)
        return queryset


class DiagnosticChangeList(ChangeList):
    """After the page's rows are read, give each the source lines around it (one query for the page's files)."""

    def get_results(self, request):
        super().get_results(request)
        report_ids = {diagnostic.report_id for diagnostic in self.result_list}
        sources = dict(
            ReportRevision.objects.filter(report_id__in=report_ids, state=ReportRevision.State.CURRENT).values_list(
                "report_id", "source"
            )
        )
        lines = {report_id: file_lines(bytes(source)) for report_id, source in sources.items()}
        for diagnostic in self.result_list:
            diagnostic.source_excerpt = _excerpt(lines.get(diagnostic.report_id), diagnostic.line)


def _excerpt(lines: list[str] | None, line: int | None) -> list[tuple[int, str, bool]]:
    """(number, text, is_the_line) for the lines around `line`; [] when the file has no lines to show."""
    if not lines or not line or line > len(lines):
        return []
    first = max(1, line - SOURCE_CONTEXT_LINES)
    last = min(len(lines), line + SOURCE_CONTEXT_LINES)
    return [(number, lines[number - 1], number == line) for number in range(first, last + 1)]


@admin.register(ImportDiagnostic)
class ImportDiagnosticAdmin(ServiceErrorsAsMessagesMixin, ActionsNeedChangePermissionMixin, admin.ModelAdmin):
    list_display = ["where", "severity_badge", "message_and_source", "task_link"]
    list_display_links = None
    list_filter = [OpenFilter, "severity", "code", "report"]
    list_select_related = ["report", "task"]
    list_per_page = 50
    search_fields = ["message", "code"]
    actions = ["mark_resolved", "mark_open"]
    readonly_fields = ["report", "task_link", "line", "severity", "code", "message"]
    fields = ["report", "task_link", "line", "severity", "code", "message", "resolved"]

    class Media:
        css = {"all": ["css/admin-diagnostics.css"]}

    def get_changelist(self, request, **kwargs):
        return DiagnosticChangeList

    def has_add_permission(self, request):
        return False  # diagnostics come from imports

    def has_delete_permission(self, request, obj=None):
        return False  # an import replaces them; "已修正 / 不是问题" takes one off the open list

    def save_model(self, request, obj, form, change):
        services.diagnostic_set_resolved(diagnostic=obj, resolved=form.cleaned_data["resolved"])

    @admin.display(description=_("所在行"), ordering="line")
    def where(self, diagnostic):
        line = gettext("第 {line} 行").format(line=diagnostic.line) if diagnostic.line else gettext("全文")
        url = reverse("admin:tracker_importdiagnostic_change", args=[diagnostic.pk])
        return format_html('<a href="{}">{}</a><br><span class="report-name">{}</span>', url, line, diagnostic.report)

    @admin.display(description=_("级别"), ordering="severity")
    def severity_badge(self, diagnostic):
        return format_html(
            '<span class="badge severity-{}">{}</span><br><code class="badge code">{}</code>',
            diagnostic.severity,
            diagnostic.get_severity_display(),
            diagnostic.code,
        )

    @admin.display(description=_("说明与原文"))
    def message_and_source(self, diagnostic):
        excerpt = getattr(diagnostic, "source_excerpt", [])
        if not excerpt:
            return format_html('<p class="message">{}</p>', diagnostic.message)
        lines = format_html_join(
            "",
            '<span class="source-line{}"><span class="line-number">{}</span>{}</span>\n',
            ((" here" if here else "", number, text) for number, text, here in excerpt),
        )
        return format_html('<p class="message">{}</p><pre class="source">{}</pre>', diagnostic.message, lines)

    @admin.display(description=_("任务"))
    def task_link(self, diagnostic):
        if diagnostic.task_id is None:
            return "—"
        url = reverse("admin:tracker_task_change", args=[diagnostic.task_id])
        return format_html('<a href="{}">{}</a>', url, diagnostic.task)

    @admin.action(description=_("标记为已处理（已修正 / 不是问题）"), permissions=["change"])
    def mark_resolved(self, request, queryset):
        count = services.diagnostics_resolve(diagnostics=queryset)
        message = ngettext("已将 {count} 条诊断标记为已处理。", "已将 {count} 条诊断标记为已处理。", count)
        self.message_user(request, message.format(count=count), messages.SUCCESS)

    @admin.action(description=_("重新列为待处理"), permissions=["change"])
    def mark_open(self, request, queryset):
        count = services.diagnostics_reopen(diagnostics=queryset)
        message = ngettext("已将 {count} 条诊断重新列为待处理。", "已将 {count} 条诊断重新列为待处理。", count)
        self.message_user(request, message.format(count=count), messages.SUCCESS)
