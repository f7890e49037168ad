"""The parser's doubts, kept per report: filter them, open the task, mark them handled."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext
from django.utils.translation import gettext_lazy as _

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin
from tracker.models import ImportDiagnostic


@admin.register(ImportDiagnostic)
class ImportDiagnosticAdmin(ActionsNeedChangePermissionMixin, admin.ModelAdmin):
    list_display = ["line", "severity", "code", "message", "task_link", "resolved", "report"]
    list_filter = ["report", "severity", "code", "resolved"]
    list_select_related = ["report", "task"]
    search_fields = ["message", "code"]
    actions = ["mark_resolved"]
    readonly_fields = ["report", "task_link", "line", "severity", "code", "message"]
    fields = ["report", "task_link", "line", "severity", "code", "message", "resolved"]

    def has_add_permission(self, request):
        return False  # diagnostics come from imports

    def has_delete_permission(self, request, obj=None):
        return False  # an import replaces them; "标记为已处理" hides one from the open list

    def save_model(self, request, obj, form, change):
        services.diagnostic_set_resolved(diagnostic=obj, resolved=form.cleaned_data["resolved"])

    @admin.display(description=_("任务"))
    def task_link(self, diagnostic):
        if diagnostic.task_id is None:
            return "—"
        url = reverse("admin:tracker_task_change", args=[diagnostic.task_id])
        return format_html('<a href="{}">{}</a>', url, diagnostic.task)

    @admin.action(description=_("标记为已处理"), permissions=["change"])
    def mark_resolved(self, request, queryset):
        count = services.diagnostics_resolve(diagnostics=queryset)
        message = ngettext("已将 {count} 条诊断标记为已处理。", "已将 {count} 条诊断标记为已处理。", count)
        self.message_user(request, message.format(count=count), messages.SUCCESS)
