"""Form widgets for the reading pages."""

from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class SuggestWidget(forms.NumberInput):
    """An id input for a large table, with a name box that suggests records as you type.

    The submitted value is the record's id (shareable, exact, one indexed lookup); the
    name box beside it asks a small JSON endpoint for at most ten matches and fills the
    id in (static/archive/suggest.js). Without JavaScript the id can still be typed, and
    the chosen record's name is shown under the field either way. No option list is
    ever rendered, whatever the size of the table.
    """

    template_name = "archive/widgets/suggest.html"

    def __init__(self, suggest_url_name: str, noun: str, attrs=None):
        self.suggest_url_name = suggest_url_name
        self.noun = noun
        super().__init__(attrs={"min": 1, "step": 1, "inputmode": "numeric", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["suggest_url"] = reverse(self.suggest_url_name)
        context["widget"]["noun"] = self.noun
        context["widget"]["chosen"] = getattr(self, "chosen", None)
        return context


class PlainSelect(forms.Select):
    """A select built in Python: Django's template per option costs ~40 ms for 249 countries."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "\n", '<option value="{}"{}>{}</option>',
            ((str(v), mark_safe(" selected") if str(v) == chosen else "", label) for v, label in self.choices),
        )
        return format_html('<select name="{}"{}>\n{}\n</select>', name, flatatt(attrs), options)
