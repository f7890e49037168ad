"""A slow per-username throttle on the admin login, beside django-axes' lock per username and address.

django-axes locks a username for one client address after five failures (settings, AXES_*), so a
guesser cannot lock an admin out from elsewhere. A guesser with many addresses gets five tries
from each; this throttle bounds that: once a username has LOGIN_THROTTLE_FAILURES failures within
LOGIN_THROTTLE_WINDOW from any addresses, a login for it is taken at most once per
LOGIN_THROTTLE_SECONDS — except from an address it has logged in from before, so admins at their
usual desks are never slowed. The cost, documented: during such an attack an admin at a new
address may have to wait a few seconds between tries. Failures and logins are django-axes'
records (AccessFailureLog, AccessLog), in the database, so every app server applies the same count.
"""

from __future__ import annotations

import math

from axes.helpers import get_client_ip_address
from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

# Message id (the Chinese text), translated when shown.
LOGIN_THROTTLED = gettext_noop("该用户名近期登录失败次数过多，请 {seconds} 秒后再试。")


def login_wait_seconds(*, username: str, client_address: str | None) -> int:
    """How long a login for `username` from `client_address` must wait; 0 when it may go ahead."""
    failures = AccessFailureLog.objects.filter(
        username=username, attempt_time__gte=timezone.now() - settings.LOGIN_THROTTLE_WINDOW
    )
    if failures.count() < settings.LOGIN_THROTTLE_FAILURES:
        return 0
    if client_address and AccessLog.objects.filter(username=username, ip_address=client_address).exists():
        return 0
    last_failure = failures.aggregate(last=Max("attempt_time"))["last"]
    waited = (timezone.now() - last_failure).total_seconds()
    return max(0, math.ceil(settings.LOGIN_THROTTLE_SECONDS - waited))


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing a throttled username before its password is tried."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None:
            seconds = login_wait_seconds(username=username, client_address=get_client_ip_address(self.request))
            if seconds:
                raise ValidationError(gettext(LOGIN_THROTTLED).format(seconds=seconds), code="throttled")
        return super().clean()
