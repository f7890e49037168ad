"""Reports: the list with publish/unpublish, and the upload → preview → confirm import pages."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin, ServiceErrorsAsMessagesMixin
from tracker.admin import judging, report_import, revision_views
from tracker.forms import ReportUploadForm
from tracker.models import REPORT_CORRECTABLE_FIELDS, Report, ReportRevision
from tracker.parsing import ParseError

# Message ids (the Chinese text, which tests import); translated when shown.
IMPORT_CANCELLED = gettext_noop("已取消导入，没有保存任何内容。")
REVISION_DONE = {
    "publish": gettext_noop("已发布第 {number} 版：公开网站现在显示这一版。"),
    "discard": gettext_noop("已放弃第 {number} 版：报告保持原样。"),
    "restore": gettext_noop("已恢复第 {number} 版：报告现在显示这一版的内容，人工更正保留。"),
}
IMPORT_EXPIRED = gettext_noop("预览已过期或已处理，请重新上传。")
IMPORT_DONE = {
    services.ImportOutcome.CREATED: gettext_noop("已导入为草稿：{report}（{rows}）。检查无误后请在报告列表中发布。"),
    services.ImportOutcome.UPDATED: gettext_noop("已用更正版更新：{report}（{rows}）。人工更正过的字段已保留。"),
    services.ImportOutcome.PENDING: gettext_noop(
        "已保存为待发布的修订：{report}（{rows}）。公开网站仍显示原来的版本；请在下方比较后发布或放弃。"
    ),
    services.ImportOutcome.UNCHANGED: gettext_noop("这个文件以前已导入过，没有任何改动：{report}。"),
    services.ImportOutcome.REREAD: gettext_noop("解析器已更新，已重新读取这个文件：{report}（{rows}）。人工更正过的字段已保留。"),
}


@admin.register(Report)
class ReportAdmin(ServiceErrorsAsMessagesMixin, ActionsNeedChangePermissionMixin, SimpleHistoryAdmin):
    change_list_template = "admin/tracker/report/change_list.html"
    change_form_template = "admin/tracker/report/change_form.html"
    list_display = ["title", "period_text", "task_count", "is_published", "has_pending_revision", "published_at", "imported_at"]
    list_display_links = ["title"]
    list_filter = ["is_published", "year"]
    search_fields = ["title", "index_no", "source_name"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (_("报告信息（可更正，重新导入时保留）"), {"fields": list(REPORT_CORRECTABLE_FIELDS)}),
        (_("来源"), {"fields": ["source_name", "source_key", "content_hash", "layout", "columns", "parser_version", "corrected_fields"]}),
        (_("发布"), {"fields": ["is_published", "published_at", "imported_at", "updated_at"]}),
    ]
    readonly_fields = [
        field.name for field in Report._meta.fields if field.name not in ("id", *REPORT_CORRECTABLE_FIELDS)
    ]

    def get_queryset(self, request):
        pending = ReportRevision.objects.filter(report=OuterRef("pk"), state=ReportRevision.State.PENDING)
        return super().get_queryset(request).annotate(task_count=Count("tasks"), pending_revision=Exists(pending))

    @admin.display(description=_("有待发布的修订"), boolean=True, ordering="pending_revision")
    def has_pending_revision(self, report):
        return report.pending_revision

    def save_model(self, request, obj, form, change):
        services.report_update_metadata(report=obj, fields=form.changed_data, user=request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        revisions = ReportRevision.objects.filter(report_id=object_id).select_related("created_by", "applied_by").defer("source", "reading")
        extra_context = {**(extra_context or {}), "revisions": revisions}
        return super().change_view(request, object_id, form_url, extra_context)

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
            path(
                "<int:report_id>/judge/",
                self.admin_site.admin_view(lambda request, report_id: judging.judge_view(self, request, report_id)),
                name="tracker_report_judge",
            ),
            path(
                "<int:report_id>/revisions/<int:number>/",
                self.admin_site.admin_view(self.revision_view),
                name="tracker_report_revision",
            ),
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
                parsed = report_import.parse(pending)
                result = services.report_import(parsed=parsed, user=request.user, source=pending.data)
                if pending.steered:  # the admin said how to read this header: read it so next time
                    services.column_layout_remember(
                        header_signature=parsed.header_signature, columns=parsed.layout.split("|"),
                        labels=parsed.columns, source_name=pending.source_name, user=request.user,
                    )
            except (ParseError, services.ServiceError) as err:
                self.message_user(request, str(err), messages.ERROR)
                return redirect(reverse("admin:tracker_report_import"))
            rows = result.row_changes.summary()
            message = gettext(IMPORT_DONE[result.outcome]).format(report=result.report, rows=rows)
            self.message_user(request, message, messages.SUCCESS)
            return redirect(reverse("admin:tracker_report_change", args=[result.report.pk]))
        if request.method == "POST" and "reread" in request.POST:
            pending = report_import.pending_get(request, token=request.POST.get("token", ""))
            if pending is None:
                self.message_user(request, gettext(IMPORT_EXPIRED), messages.ERROR)
                return redirect(reverse("admin:tracker_report_import"))
            context.update(self._preview(request, report_import.steering_from(request.POST, pending), form))
            return TemplateResponse(request, "admin/tracker/report/import.html", context | {"form": form})
        if request.method == "POST":
            form = ReportUploadForm(request.POST, request.FILES)
            if form.is_valid():
                pending = report_import.Pending(
                    data=form.cleaned_data["data"],
                    source_name=form.cleaned_data["source_name"],
                    is_pasted=form.cleaned_data["is_pasted"],
                )
                context.update(self._preview(request, pending, form))
        context["form"] = form
        return TemplateResponse(request, "admin/tracker/report/import.html", context)

    def _preview(self, request, pending, form) -> dict:
        """Read the upload (as steered so far) and lay out the preview; with no header found, the lines to pick one from."""
        try:
            # A long table's figures and statuses are read only for the rows the preview shows (see preview_context).
            parsed = report_import.parse(pending, judge=False)
        except ParseError as err:
            if not err.candidates:
                form.add_error(None, err.message)
                return {}
            return {
                "no_header": err.message,
                "source_name": pending.source_name,
                "token": report_import.pending_keep(request, pending),
                **report_import.steering_context(None, pending, err.candidates),
            }
        return {
            **report_import.preview_context(pending, parsed, judged=False),
            **report_import.steering_context(parsed, pending),
            "token": report_import.pending_keep(request, pending),
        }

    def revision_view(self, request, report_id: int, number: int):
        """One revision of a report: what it changes against the report's rows, and publish / discard / restore."""
        revision = get_object_or_404(ReportRevision.objects.select_related("report", "created_by", "applied_by"), report_id=report_id, number=number)
        if not self.has_view_permission(request, revision.report):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request, revision.report):
                raise PermissionDenied
            action = request.POST.get("action")
            service = {"publish": services.revision_publish, "discard": services.revision_discard, "restore": services.revision_restore}.get(action)
            if service is None:
                raise PermissionDenied
            service(revision=revision, user=request.user)
            self.message_user(request, gettext(REVISION_DONE[action]).format(number=revision.number), messages.SUCCESS)
            return redirect(reverse("admin:tracker_report_change", args=[report_id]))
        comparison = revision_views.diff_context(
            services.rows_diff(report=revision.report, parsed=services.importing.revision_reading(revision))
        )
        context = {
            **self.admin_site.each_context(request),
            **comparison,
            "opts": self.model._meta,
            "title": gettext("第 {number} 版").format(number=revision.number),
            "revision": revision,
            "report": revision.report,
            "can_change": self.has_change_permission(request, revision.report),
        }
        return TemplateResponse(request, "admin/tracker/report/revision.html", context)
