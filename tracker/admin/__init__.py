"""The admin: where officials import reports, check what the parser read, correct rows and publish.

One module per area; each registers its models on import. Every write goes through
`tracker.services`, so the admin and the management commands follow the same rules.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tracker.admin import departments, diagnostics, layouts, reports, tasks  # noqa: F401  (they register)
from tracker.admin.login_throttle import ThrottledAdminLoginForm

admin.site.site_header = _("进度看板 管理后台")
admin.site.site_title = _("进度看板")
admin.site.index_title = _("报告管理")
admin.site.login_form = ThrottledAdminLoginForm
