"""Reports: the list with publish/unpublish, and the upload → preview → confirm import pages."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin, ServiceErrorsAsMessagesMixin
from tracker.admin import report_import
from tracker.forms import ReportUploadForm
from tracker.models import Report
from tracker.parsing import ParseError

# Message ids (the Chinese text, which tests import); translated when shown.
IMPORT_CANCELLED = gettext_noop("已取消导入，没有保存任何内容。")
IMPORT_EXPIRED = gettext_noop("预览已过期或已处理，请重新上传。")
IMPORT_DONE = {
    services.ImportOutcome.CREATED: gettext_noop("已导入为草稿：{report}（{rows}）。检查无误后请在报告列表中发布。"),
    services.ImportOutcome.UPDATED: gettext_noop("已用更正版更新：{report}（{rows}）。人工更正过的字段已保留。"),
    services.ImportOutcome.UNCHANGED: gettext_noop("这个文件以前已导入过，没有任何改动：{report}。"),
    services.ImportOutcome.REREAD: gettext_noop("解析器已更新，已重新读取这个文件：{report}（{rows}）。人工更正过的字段已保留。"),
}


@admin.register(Report)
class ReportAdmin(ServiceErrorsAsMessagesMixin, ActionsNeedChangePermissionMixin, SimpleHistoryAdmin):
    change_list_template = "admin/tracker/report/change_list.html"
    list_display = ["title", "period_text", "task_count", "is_published", "published_at", "imported_at"]
    list_display_links = ["title"]
    list_filter = ["is_published", "year"]
    search_fields = ["title", "index_no", "source_name"]
    actions = ["publish", "unpublish"]
    readonly_fields = [field.name for field in Report._meta.fields if field.name != "id"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(task_count=Count("tasks"))

    @admin.display(description=_("任务数"), ordering="task_count")
    def task_count(self, report):
        return report.task_count

    @admin.display(description=_("统计期"))
    def period_text(self, report):
        return report.period_text

    def has_add_permission(self, request):
        # Reports are only ever added by importing; the "add" permission is what allows the import page.
        return False

    def has_import_permission(self, request) -> bool:
        return request.user.has_perm("tracker.add_report")

    @admin.action(description=_("发布所选报告（公开网站可见）"), permissions=["change"])
    def publish(self, request, queryset):
        for report in queryset:
            services.report_publish(report=report, user=request.user)
        count = len(queryset)
        message = ngettext("已发布 {count} 份报告。", "已发布 {count} 份报告。", count)
        self.message_user(request, message.format(count=count), messages.SUCCESS)

    @admin.action(description=_("撤回所选报告（改回草稿）"), permissions=["change"])
    def unpublish(self, request, queryset):
        for report in queryset:
            services.report_unpublish(report=report, user=request.user)
        count = len(queryset)
        message = ngettext("已撤回 {count} 份报告（公开网站不再显示）。", "已撤回 {count} 份报告（公开网站不再显示）。", count)
        self.message_user(request, message.format(count=count), messages.SUCCESS)

    def delete_model(self, request, obj):
        services.report_delete(report=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for report in queryset:
            services.report_delete(report=report, user=request.user)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_import": self.has_import_permission(request)}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="tracker_report_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """One page, three steps: the form; the preview (nothing written); confirm or cancel."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("导入报告"),
            "max_upload_bytes": report_import.max_upload_bytes(),
            "accepted_formats": report_import.accepted_formats(),
        }
        form = ReportUploadForm()
        if request.method == "POST" and "cancel" in request.POST:
            report_import.pending_discard(request)
            self.message_user(request, gettext(IMPORT_CANCELLED), messages.INFO)
            return redirect(reverse("admin:tracker_report_changelist"))
        if request.method == "POST" and "confirm" in request.POST:
            pending = report_import.pending_take(request, token=request.POST.get("token", ""))
            if pending is None:
                self.message_user(request, gettext(IMPORT_EXPIRED), messages.ERROR)
                return redirect(reverse("admin:tracker_report_import"))
            try:
                result = services.report_import(parsed=report_import.parse(pending), user=request.user)
            except (ParseError, services.ServiceError) as err:
                self.message_user(request, str(err), messages.ERROR)
                return redirect(reverse("admin:tracker_report_import"))
            rows = result.row_changes.summary()
            message = gettext(IMPORT_DONE[result.outcome]).format(report=result.report, rows=rows)
            self.message_user(request, message, messages.SUCCESS)
            return redirect(reverse("admin:tracker_report_change", args=[result.report.pk]))
        if request.method == "POST":
            form = ReportUploadForm(request.POST, request.FILES)
            if form.is_valid():
                pending = report_import.Pending(
                    data=form.cleaned_data["data"],
                    source_name=form.cleaned_data["source_name"],
                    is_pasted=form.cleaned_data["is_pasted"],
                )
                try:
                    parsed = report_import.parse(pending)
                except ParseError as err:
                    form.add_error(None, err.message)
                else:
                    context.update(report_import.preview_context(pending, parsed))
                    context["token"] = report_import.pending_keep(request, pending)
        context["form"] = form
        return TemplateResponse(request, "admin/tracker/report/import.html", context)
