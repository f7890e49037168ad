"""Departments across reports: their aliases, and merging two names of one unit."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin
from tracker.forms import DepartmentMergeForm
from tracker.models import Department, DepartmentAlias, Leader

# Message ids (the Chinese text); translated when shown.
MERGED = gettext_noop("已把 {sources} 合并到 {target}；旧名称已成为别名，以后导入时自动归入 {target}。")


class DepartmentAliasInline(admin.TabularInline):
    model = DepartmentAlias
    extra = 0


@admin.register(Department)
class DepartmentAdmin(ActionsNeedChangePermissionMixin, admin.ModelAdmin):
    list_display = ["name", "task_count", "alias_names"]
    search_fields = ["name", "aliases__name"]
    inlines = [DepartmentAliasInline]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(task_count=Count("task_links")).prefetch_related("aliases")

    @admin.display(description=_("任务数"), ordering="task_count")
    def task_count(self, department):
        return department.task_count

    @admin.display(description=pgettext_lazy("plural", "别名"))
    def alias_names(self, department):
        return "、".join(alias.name for alias in department.aliases.all())

    @admin.action(description=_("把所选单位合并到另一个单位"), permissions=["change"])
    def merge(self, request, queryset):
        """First call shows the page to pick the target; the page posts back with "apply"."""
        form = DepartmentMergeForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            target = form.cleaned_data["target"]
            sources = [department for department in queryset if department.pk != target.pk]
            for source in sources:
                services.department_merge(source=source, target=target, user=request.user)
            names = "、".join(source.name for source in sources)
            self.message_user(request, gettext(MERGED).format(sources=names, target=target.name), messages.SUCCESS)
            return None
        return TemplateResponse(
            request,
            "admin/tracker/department/merge.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": gettext("合并单位"),
                "departments": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(DepartmentAlias)
class DepartmentAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "department"]
    search_fields = ["name", "department__name"]
    autocomplete_fields = ["department"]


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    search_fields = ["name"]
