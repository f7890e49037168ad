"""Admin behaviour shared by the tracker's model admins."""

from django.core.exceptions import PermissionDenied


class ActionsNeedChangePermissionMixin:
    """Answer 403 to a bulk action from someone who may not change the model.

    Django's own answer is to ignore the action ("no action selected") and redirect,
    which reads like success to a script and hides a missing permission from the tests.
    """

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "action" in request.POST and not self.has_change_permission(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)
