"""Admin forms: uploading a report, the task list's bulk-action fields, merging departments."""

from django import forms
from django.conf import settings
from django.contrib.admin import helpers
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from tracker.models import Department, Task, TaskDepartment, Theme

# Message ids (the Chinese text, which tests import); translated when shown.
UPLOAD_NOTHING_GIVEN = gettext_noop("请选择一个文件，或把报告文本粘贴到文本框中。")
UPLOAD_BOTH_GIVEN = gettext_noop("请只选择文件或只粘贴文本，不要同时提供两者。")
UPLOAD_TOO_LARGE = gettext_noop("文件太大（{size}）：最大允许 {limit}。")


class ReportUploadForm(forms.Form):
    """A report file, or its text pasted; `clean()` leaves the bytes and a name in `cleaned_data`."""

    file = forms.FileField(label=_("报告文件"), required=False)
    text = forms.CharField(
        label=_("或粘贴报告文本"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80, "placeholder": _("从网页复制的报告全文")}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        if upload and text.strip():
            raise forms.ValidationError(gettext(UPLOAD_BOTH_GIVEN))
        if not upload and not text.strip():
            raise forms.ValidationError(gettext(UPLOAD_NOTHING_GIVEN))
        limit = settings.TRACKER_MAX_UPLOAD_BYTES
        if upload:
            if upload.size > limit:
                raise forms.ValidationError(size_error(upload.size, limit))
            cleaned["data"] = upload.read(limit + 1)
            cleaned["source_name"] = upload.name
            cleaned["is_pasted"] = False
        else:
            cleaned["data"] = text.encode("utf-8")
            cleaned["source_name"] = "粘贴的文本"
            cleaned["is_pasted"] = True
        if len(cleaned["data"]) > limit:
            raise forms.ValidationError(size_error(len(cleaned["data"]), limit))
        return cleaned


def size_error(size: int, limit: int) -> str:
    return gettext(UPLOAD_TOO_LARGE).format(size=filesizeformat(size), limit=filesizeformat(limit))


class ThemeChoiceField(forms.ModelChoiceField):
    """Themes of many reports share names; say whose each is."""

    def label_from_instance(self, theme):
        return f"{theme.report.period_text or theme.report} · {theme.name}"


class TaskActionForm(helpers.ActionForm):
    """The fields beside the task list's action menu that the bulk actions read."""

    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", "---------"), *Task.Status.choices])
    theme = ThemeChoiceField(
        label=_("项目"), required=False, queryset=Theme.objects.select_related("report").order_by("report", "ordinal")
    )
    department = forms.ModelChoiceField(label=_("单位"), required=False, queryset=Department.objects.all())
    role = forms.ChoiceField(label=_("角色"), required=False, choices=TaskDepartment.Role.choices)


class DepartmentMergeForm(forms.Form):
    target = forms.ModelChoiceField(label=_("合并到"), queryset=Department.objects.all())
