"""Admin behaviour shared by the tracker's model admins."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect

from tracker.services import ServiceError


class ActionsNeedChangePermissionMixin:
    """Answer 403 to a bulk action from someone who may not change the model.

    Django's own answer is to ignore the action ("no action selected") and redirect,
    which reads like success to a script and hides a missing permission from the tests.
    """

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "action" in request.POST and not self.has_change_permission(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)


class ServiceErrorsAsMessagesMixin:
    """A write a service refuses (`ServiceError`) is shown as an error message on the same page, not a 500.

    The admin wraps each change, delete and bulk action in a transaction; the refusal rolls it
    back whole, then the admin is sent back to the page it came from with the service's words.
    """

    def _refused(self, request, error: ServiceError):
        self.message_user(request, str(error), messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except ServiceError as error:
            return self._refused(request, error)

    def changelist_view(self, request, *args, **kwargs):
        try:
            return super().changelist_view(request, *args, **kwargs)
        except ServiceError as error:
            return self._refused(request, error)

    def delete_view(self, request, *args, **kwargs):
        try:
            return super().delete_view(request, *args, **kwargs)
        except ServiceError as error:
            return self._refused(request, error)
