"""Admin registrations; plain for now, to be fitted to the admins' work later."""

from django.contrib import admin

from tracker.models import Department, ImportDiagnostic, Leader, Report, Task, Theme

admin.site.site_header = "进度看板 管理后台"
admin.site.site_title = "进度看板"

admin.site.register([Report, Theme, Department, Leader, Task, ImportDiagnostic])
