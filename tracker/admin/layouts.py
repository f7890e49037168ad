"""Column layouts admins confirmed in the import preview: listed, and forgotten when a publisher changes its table."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker import services
from tracker.admin.permissions import ServiceErrorsAsMessagesMixin
from tracker.models import ColumnLayout


@admin.register(ColumnLayout)
class ColumnLayoutAdmin(ServiceErrorsAsMessagesMixin, admin.ModelAdmin):
    list_display = ["header", "roles", "source_name", "confirmed_by", "confirmed_at"]
    readonly_fields = ["header_signature", "labels", "columns", "source_name", "confirmed_by", "confirmed_at"]

    @admin.display(description=_("表头"))
    def header(self, layout):
        return " | ".join(layout.labels)

    @admin.display(description=_("各列角色"))
    def roles(self, layout):
        return " | ".join(layout.columns)

    def has_add_permission(self, request):
        return False  # confirmed in the import preview

    def has_change_permission(self, request, obj=None):
        return False  # confirm a new reading in the import preview instead

    def delete_model(self, request, obj):
        services.column_layout_forget(layout=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for layout in queryset:
            services.column_layout_forget(layout=layout, user=request.user)
