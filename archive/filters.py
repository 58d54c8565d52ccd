"""FilterSets of the reading pages: what a reader may filter and sort each list by.

Every filter names its field and lookup. Filters across a to-many relation
("meetings with a participant from Kazakhstan") run as EXISTS subqueries
(`RelatedExistsMixin`), so a record matching twice is still listed once and no
DISTINCT is needed. People, organizations and countries are chosen by id or code,
never from a rendered list of every row. Text searches delegate to the selectors.
"""

from __future__ import annotations

import django_filters as df
from django import forms
from django.db.models import Exists, F, OuterRef

from archive.browse import selectors
from archive.browse.widgets import PlainSelect, SuggestWidget
from archive.models import (
    AgreementKind, AgreementStatus, Country, Organization, OrganizationType, Person, Sector,
)
from archive.models.base import MAX_ID

DATE_INPUT = {"type": "date"}


class RelatedExistsMixin:
    """Filter on `<relation>__<field>__<lookup>` with EXISTS instead of a JOIN.

    `field_name` starts with a to-many relation of the FilterSet's model, e.g.
    `participants__country` on Meeting: one row per meeting, whatever matches. Participants and
    parties are those a reader sees (`selectors.visible_rows`): a rejected participant from
    Kazakhstan does not make a meeting one "with Kazakhstan".
    """

    def filter(self, qs, value):
        if value in df.constants.EMPTY_VALUES:
            return qs
        relation, _, rest = self.field_name.partition("__")
        rel = qs.model._meta.get_field(relation)  # a reverse foreign key, e.g. Meeting.participants
        related = selectors.visible_rows(rel.related_model).filter(
            **{rel.field.name: OuterRef("pk"), f"{rest}__{self.lookup_expr}": value})
        condition = Exists(related)
        return qs.exclude(condition) if self.exclude else qs.filter(condition)


class RecordChoiceField(forms.ModelChoiceField):
    """A record by id; an id no database column can hold (10**30, -1, 1e5) is simply not found."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and len(text) <= 19 and 0 < int(text) <= MAX_ID):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(text)


class RecordChoiceFilter(df.ModelChoiceFilter):
    field_class = RecordChoiceField


class RelatedRecordChoiceFilter(RelatedExistsMixin, RecordChoiceFilter):
    pass


class RelatedModelChoiceFilter(RelatedExistsMixin, df.ModelChoiceFilter):
    pass


class RelatedCharFilter(RelatedExistsMixin, df.CharFilter):
    pass


class SortFilter(df.ChoiceFilter):
    """`?sort=date` or `?sort=-date`, always ending in the id so that pages are stable.

    Descending sorts put records without a value last on both databases.
    """

    def __init__(self, *args, fields: dict[str, str], **kwargs):
        self.fields = fields  # {param: model field}
        choices = []
        for param, label in kwargs.pop("labels").items():
            choices.append((param, label))
        kwargs.setdefault("label", "Sort by")
        kwargs.setdefault("empty_label", None)
        # The first choice is the list's own order: the script leaves it out of shared URLs.
        kwargs.setdefault("widget", forms.Select(attrs={"data-default": choices[0][0]}))
        super().__init__(*args, choices=choices, **kwargs)

    def filter(self, qs, value):
        if value in df.constants.EMPTY_VALUES:
            return qs
        descending = value.startswith("-")
        field = self.fields[value.lstrip("-")]
        if descending:
            return qs.order_by(F(field).desc(nulls_last=True), "-id")
        return qs.order_by(F(field).asc(nulls_last=True), "id")


def id_filter(model, relation: str, url_name: str, noun: str, related: bool = True, **kwargs):
    cls = RelatedRecordChoiceFilter if related else RecordChoiceFilter
    return cls(
        field_name=relation, lookup_expr="exact", queryset=model.objects.live(),
        widget=SuggestWidget(url_name, noun), label=noun.capitalize(),
        error_messages={"invalid_choice": f"No {noun} with that id."}, **kwargs,
    )


def country_filter(relation: str, related: bool = True, label: str = "Country"):
    """Countries by ISO code (`?country=KZ`): a fixed list of 249 reference rows, so a select box."""
    cls = RelatedModelChoiceFilter if related else df.ModelChoiceFilter
    return cls(
        field_name=relation, lookup_expr="exact", queryset=Country.objects.order_by("name"),
        to_field_name="code", label=label, empty_label="any country", widget=PlainSelect,
        error_messages={"invalid_choice": "Unknown country code."},
    )


def date_filter(field: str, lookup: str, label: str):
    return df.DateFilter(field_name=field, lookup_expr=lookup, label=label, widget=forms.DateInput(attrs=DATE_INPUT))


def confidence_filter(lookup: str, label: str):
    """The extractor's confidence, 0 to 1: `?confidence_min=0.8` (at least) and `?confidence_below=0.5`."""
    return df.NumberFilter(field_name="confidence", lookup_expr=lookup, label=label, min_value=0, max_value=1,
                           max_digits=4, decimal_places=3,
                           widget=forms.NumberInput(attrs={"step": "0.05", "min": "0", "max": "1"}),
                           help_text="The extractor's confidence, from 0 to 1." if lookup == "gte" else "")


CONFIDENCE_RANGE = ("confidence_min", "confidence_below", "No record is at least that confident and below it.")


class UndatedFilter(df.BooleanFilter):
    """`?undated=on`: only the records without a date; the date range is then set aside."""

    def __init__(self, field: str, noun: str):
        super().__init__(field_name=field, lookup_expr="isnull", label=f"Only undated {noun}",
                         widget=forms.CheckboxInput)

    def filter(self, qs, value):
        return qs.filter(**{f"{self.field_name}__isnull": True}) if value else qs


class BrowseFilterSet(df.FilterSet):
    """Applies the text search after the other filters and the sort last; shows chosen records' names.

    The search decides how to order its matches from how many there are, so it must
    see the list already narrowed by the other filters.
    """

    APPLIED_LAST = ("q", "sort")
    DATE_RANGE = ("date_from", "date_to")

    def filter_queryset(self, queryset):
        for name, field in self.form.fields.items():
            if isinstance(field.widget, SuggestWidget):
                field.widget.chosen = self.form.cleaned_data.get(name)
        data = dict(self.form.cleaned_data)
        if data.get("undated"):
            data.update(dict.fromkeys(self.DATE_RANGE))  # no undated record lies in a range
        return self._apply(queryset, data)

    def _apply(self, queryset, data: dict):
        for name in sorted(data, key=lambda n: self.APPLIED_LAST.index(n) + 1 if n in self.APPLIED_LAST else 0):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def set_aside_undated(self):
        """The undated records a date range leaves out that match every other filter, or None when no
        range is given (or the form is invalid). Not evaluated here: the view counts it."""
        if "undated" not in self.filters or not self.is_bound or not self.is_valid():
            return None
        data = dict(self.form.cleaned_data)
        if data.get("undated") or not any(data.get(name) for name in self.DATE_RANGE):
            return None
        data.update(dict.fromkeys(self.DATE_RANGE), undated=True)
        if "sort" in data:
            data["sort"] = None
        return self._apply(self.queryset, data)

    def undated_params(self) -> dict:
        """The query string that shows those undated records: the other filters kept, the range dropped."""
        return {"undated": "on", **dict.fromkeys(self.DATE_RANGE)}


class RangeCheckedForm(forms.Form):
    """Rejects a range whose start is after its end (or, for a range that excludes its end, not before
    it), naming the end field."""

    ranges: tuple = (("date_from", "date_to", "The end date is before the start date."), CONFIDENCE_RANGE)
    open_ended = ("confidence_below",)  # `lt`: the start must be below it

    def clean(self):
        data = super().clean()
        for low, high, message in self.ranges:
            if data.get(low) is None or data.get(high) is None:
                continue
            if data[low] > data[high] or (high in self.open_ended and data[low] == data[high]):
                self.add_error(high, message)
        return data


class AgreementForm(RangeCheckedForm):
    ranges = RangeCheckedForm.ranges + (("value_min", "value_max", "The maximum is below the minimum."),)


class MeetingFilter(BrowseFilterSet):
    q = df.CharFilter(label="Text", method="filter_text", max_length=200,
                      help_text="Words in the topic, the place or a participant's name.")
    date_from = date_filter("date", "gte", "From")
    date_to = date_filter("date", "lte", "To")
    undated = UndatedFilter("date", "meetings")
    country = country_filter("participants__country")
    person = id_filter(Person, "participants__person", "archive:person-suggest", "person")
    organization = id_filter(Organization, "participants__organization", "archive:organization-suggest", "organization")
    location = df.CharFilter(field_name="location", lookup_expr="icontains", label="Place", max_length=200)
    confidence_min = confidence_filter("gte", "Confidence at least")
    confidence_below = confidence_filter("lt", "Confidence below")
    sort = SortFilter(
        fields={"date": "date", "location": "location"},
        labels={"-date": "newest first", "date": "oldest first", "location": "place A–Z", "-location": "place Z–A"},
    )

    class Meta:
        form = RangeCheckedForm
        fields = []

    def filter_text(self, queryset, name, value):
        return selectors.meetings_matching(queryset, value)


class AgreementFilter(BrowseFilterSet):
    q = df.CharFilter(label="Text", method="filter_text", max_length=200, help_text="Words in the title or a party.")
    # A column of the agreement itself: no row can match twice, so no DISTINCT (which made PostgreSQL
    # sort every proposed agreement before it could read the first 10,001 in order).
    status = df.MultipleChoiceFilter(
        field_name="status", lookup_expr="exact", choices=AgreementStatus.choices,
        widget=forms.CheckboxSelectMultiple, label="Status", distinct=False,
    )
    kind = df.ChoiceFilter(field_name="kind", lookup_expr="exact", choices=AgreementKind.choices,
                           label="Kind", empty_label="any kind")
    country = country_filter("parties__country", label="Party country")
    organization = id_filter(Organization, "parties__organization", "archive:organization-suggest", "organization")
    # One sector joins one row per agreement (the pair is unique), so no DISTINCT is needed.
    sector = df.ModelChoiceFilter(field_name="sectors", lookup_expr="exact", queryset=Sector.objects.order_by("name"),
                                  to_field_name="name", label="Sector", empty_label="any sector", distinct=False,
                                  error_messages={"invalid_choice": "Unknown sector."})
    date_from = date_filter("date", "gte", "From")
    date_to = date_filter("date", "lte", "To")
    undated = UndatedFilter("date", "agreements")
    value_min = df.NumberFilter(field_name="value_usd", lookup_expr="gte", label="Value from (USD)",
                                min_value=0, max_digits=20, decimal_places=2)
    value_max = df.NumberFilter(field_name="value_usd", lookup_expr="lte", label="Value to (USD)",
                                min_value=0, max_digits=20, decimal_places=2)
    confidence_min = confidence_filter("gte", "Confidence at least")
    confidence_below = confidence_filter("lt", "Confidence below")
    sort = SortFilter(
        fields={"date": "date", "title": "title", "value": "value_usd", "status": "status"},
        labels={"-date": "newest first", "date": "oldest first", "title": "title A–Z", "-value": "largest value",
                "value": "smallest value", "status": "status"},
    )

    class Meta:
        form = AgreementForm
        fields = []

    def filter_text(self, queryset, name, value):
        return selectors.agreements_matching(queryset, value)


class PersonFilter(BrowseFilterSet):
    name = df.CharFilter(label="Name", method="filter_name", max_length=200, help_text="Also finds other spellings.")
    country = country_filter("country", related=False)
    organization = id_filter(Organization, "roles__organization", "archive:organization-suggest", "organization")
    role = RelatedCharFilter(field_name="roles__title", lookup_expr="icontains", label="Role", max_length=200,
                             help_text="A title held, e.g. Foreign Minister.")
    confidence_min = confidence_filter("gte", "Confidence at least")
    confidence_below = confidence_filter("lt", "Confidence below")
    sort = SortFilter(fields={"name": "name", "country": "country__name"},
                      labels={"name": "name A–Z", "-name": "name Z–A", "country": "country"})

    class Meta:
        form = RangeCheckedForm
        fields = []

    def filter_name(self, queryset, name, value):
        return selectors.people_named(queryset, value)


class OrganizationFilter(BrowseFilterSet):
    name = df.CharFilter(label="Name", method="filter_name", max_length=200, help_text="Name, acronym or other names.")
    type = df.ChoiceFilter(field_name="org_type", lookup_expr="exact", choices=OrganizationType.choices,
                           label="Type", empty_label="any type")
    country = country_filter("country", related=False)
    confidence_min = confidence_filter("gte", "Confidence at least")
    confidence_below = confidence_filter("lt", "Confidence below")
    sort = SortFilter(fields={"name": "name", "type": "org_type", "country": "country__name"},
                      labels={"name": "name A–Z", "-name": "name Z–A", "type": "type", "country": "country"})

    class Meta:
        form = RangeCheckedForm
        fields = []

    def filter_name(self, queryset, name, value):
        return selectors.organizations_named(queryset, value)


class ArticleFilter(BrowseFilterSet):
    q = df.CharFilter(label="Search", method="filter_text", max_length=200,
                      help_text='Words in the title or text; "exact phrase", -exclude, or.')
    outlet = df.ChoiceFilter(field_name="outlet", lookup_expr="exact", choices=lambda: [(o, o) for o in selectors.outlets()],
                             label="Outlet", empty_label="any outlet")
    date_from = date_filter("published", "gte", "Published from")
    date_to = date_filter("published", "lte", "Published to")
    undated = UndatedFilter("published", "articles")
    sort = SortFilter(fields={"published": "published", "title": "title", "outlet": "outlet"},
                      labels={"-published": "newest first", "published": "oldest first", "title": "title A–Z",
                              "outlet": "outlet"})

    class Meta:
        form = RangeCheckedForm
        fields = []

    match_count = None  # how many articles the text search matched, counted up to its cap

    def filter_text(self, queryset, name, value):
        queryset, self.match_count = selectors.articles_matching(queryset, value)
        return queryset
