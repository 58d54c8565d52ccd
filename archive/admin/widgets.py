"""Admin pieces that keep pages at a bounded number of queries on a large archive."""

from __future__ import annotations

from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet


class KnownLabelAutocomplete(AutocompleteSelect):
    """An autocomplete that renders the selected record's label from a loaded instance, not a query per row."""

    known_labels: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.known_labels is None or any(v not in self.known_labels for v in selected):
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required:
            default[1].append(self.create_option(name, "", "", False, 0))
        for v in selected:
            default[1].append(self.create_option(name, v, self.known_labels[v], set(selected), len(default[1])))
        return [default]


class LabelledInlineFormSet(BaseInlineFormSet):
    """Gives each row's autocomplete the label of the record it already links to (select_related)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if form.instance.pk:  # the row's own label ("Role: <person>") must not query its parent again
            setattr(form.instance, self.fk.name, self.instance)
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, KnownLabelAutocomplete):
                related = getattr(form.instance, name, None) if form.instance.pk else None
                widget.known_labels = {str(related.pk): str(related)} if related is not None else {}
        return form
