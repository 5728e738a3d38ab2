from typing import Any

from django import forms


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class PolicyUploadForm(forms.Form):
    policy_files = MultipleFileField(
        label="Your policy files",
        help_text=(
            "PDF, Word (.docx), OpenDocument (.odt), web page (.html), Markdown or text. "
            "You can choose several files, for example a safeguarding policy and a social media "
            "policy: we check them together."
        ),
        error_messages={
            "required": "Choose at least one file with your policy in it",
            "empty": "The file is empty. Choose the file that holds your policy",
        },
        widget=MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt,.html,.htm,.md,.txt"}),
    )
