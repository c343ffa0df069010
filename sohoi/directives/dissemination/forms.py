"""The session form; every rule is checked again by `services`."""

from __future__ import annotations

from typing import Any

from django import forms

from sohoi.core.widgets import DateWidget

from .models import DisseminationSession


class SessionForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = DisseminationSession
        fields = ["unit", "held_on", "form", "title", "materials", "planned_cadres", "actual_cadres", "planned_party",
                  "actual_party", "planned_members", "actual_members", "planned_others", "actual_others", "note"]
        widgets = {"held_on": DateWidget(),
                   "materials": forms.Textarea(attrs={"rows": 2}), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, units=None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
        if self.instance.pk:
            del self.fields["unit"]
            self.fields["version"].initial = self.instance.version
        for name, field in self.fields.items():
            if name.startswith(("planned_", "actual_")):
                field.required = False
                field.initial = 0
                field.widget.attrs["min"] = 0

    def data_dict(self) -> dict[str, Any]:
        return {k: (0 if v is None and k.startswith(("planned_", "actual_")) else v)
                for k, v in self.cleaned_data.items() if k not in ("version", "unit")}
