"""Departments across reports: their aliases, and merging two names of one unit."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker import services
from tracker.admin.permissions import ActionsNeedChangePermissionMixin, ServiceErrorsAsMessagesMixin
from tracker.forms import DepartmentMergeForm
from tracker.models import Department, DepartmentAlias, Leader

# Message ids (the Chinese text); translated when shown.
MERGED = gettext_noop("已把 {sources} 合并到 {target}；旧名称已成为别名，以后导入时自动归入 {target}。")


class DepartmentAliasInline(admin.TabularInline):
    model = DepartmentAlias
    extra = 0


@admin.register(Department)
class DepartmentAdmin(ServiceErrorsAsMessagesMixin, ActionsNeedChangePermissionMixin, admin.ModelAdmin):
    list_display = ["name", "task_count", "alias_names"]
    search_fields = ["name", "aliases__name"]
    inlines = [DepartmentAliasInline]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(task_count=Count("task_links")).prefetch_related("aliases")

    @admin.display(description=_("任务数"), ordering="task_count")
    def task_count(self, department):
        return department.task_count

    def has_add_permission(self, request):
        return False  # departments come from imports

    def has_delete_permission(self, request, obj=None):
        return False  # a unit named in reports is merged into another, never deleted (TaskDepartment PROTECTs it)

    def save_model(self, request, obj, form, change):
        services.department_rename(department=obj, name=form.cleaned_data["name"], user=request.user)

    def save_formset(self, request, form, formset, change):
        """The aliases inline: its rows become the department's other names, through the service."""
        formset.save(commit=False)
        deleted = {id(alias) for alias in formset.deleted_objects}
        names = [f.instance.name for f in formset.forms if f.instance.name and id(f.instance) not in deleted]
        services.department_aliases_set(department=form.instance, names=names, user=request.user)

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
            services.departments_merge(sources=sources, target=target, user=request.user)
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
class DepartmentAliasAdmin(ServiceErrorsAsMessagesMixin, admin.ModelAdmin):
    list_display = ["name", "department"]
    search_fields = ["name", "department__name"]
    autocomplete_fields = ["department"]

    def save_model(self, request, obj, form, change):
        services.department_alias_save(alias=obj, user=request.user)

    def delete_model(self, request, obj):
        services.department_alias_delete(alias=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for alias in queryset:
            services.department_alias_delete(alias=alias, user=request.user)


@admin.register(Leader)
class LeaderAdmin(ServiceErrorsAsMessagesMixin, admin.ModelAdmin):
    search_fields = ["name"]

    def has_add_permission(self, request):
        return False  # leaders come from imports

    def has_delete_permission(self, request, obj=None):
        return False  # named in tasks (TaskLeader PROTECTs them)

    def save_model(self, request, obj, form, change):
        services.leader_rename(leader=obj, name=form.cleaned_data["name"], user=request.user)
