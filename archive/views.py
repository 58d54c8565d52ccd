"""The reading pages: thin views over `archive.browse.selectors` and `archive.filters`."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.mixins import AccessMixin
from django.http import Http404, HttpResponseBadRequest, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.generic import DetailView, TemplateView, View
from django_filters.views import FilterView

from archive import filters
from archive.browse import charts, exports, network, search, selectors
from archive.browse.search import clean_query, is_postgresql
from archive.models import Agreement, Article, Meeting, Organization, Person
from archive.models.base import MAX_ID
from archive.paging import CappedPaginator


class ReaderAccessMixin(AccessMixin):
    """Public read-only pages unless settings.ARCHIVE_PUBLIC_READ is off; then a login is required."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.ARCHIVE_PUBLIC_READ and not request.user.is_authenticated:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class StablePaginationMixin:
    """`?page=` and `?per_page=` that never fail: nonsense gives page 1, past the end gives the last page.

    Every list counts at most COUNT_CAP rows (`archive.paging`), unless it knows its exact count."""

    paginate_by = 25
    page_sizes = (10, 25, 50, 100)

    def get_paginate_by(self, queryset):
        size = self.request.GET.get("per_page", "")
        return int(size) if size.isdigit() and int(size) in self.page_sizes else self.paginate_by

    paginator_class = CappedPaginator

    def known_count(self, queryset):
        """The exact number of rows when the view has it already (saves the paginator a COUNT)."""
        return None

    def known_ids(self):
        """The ids of the list's first rows, in its order, when the view has read them already: the
        paginator counts them and fetches a page among them by id."""
        return None

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, known_count=self.known_count(queryset),
                                       known_ids=self.known_ids(), rows=self.get_queryset())
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


class ExportMixin:
    """The same list as a download when the query string says `format=`: csv or json for every list;
    participants / parties (long-format CSV), graphml and gexf where the list declares them."""

    export: exports.Export
    long_export: tuple[str, exports.Export] | None = None  # ("participants", MEETING_PARTICIPANTS)
    network_members: str = ""  # the rows' list of participants or parties, for graphml / gexf

    def formats(self) -> list[str]:
        extra = [self.long_export[0]] if self.long_export else []
        return ["csv", "json", *extra, *(["graphml", "gexf"] if self.network_members else [])]

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt is None:
            return super().get(request, *args, **kwargs)
        if fmt not in self.formats():
            return HttpResponseBadRequest(f"format must be one of: {', '.join(self.formats())}")
        offset = request.GET.get("offset", "0")
        if not (offset.isascii() and offset.isdigit() and len(offset) <= 12):
            return HttpResponseBadRequest("offset must be a whole number of records, 0 or more")
        filterset = self.get_filterset(self.get_filterset_class())
        if not filterset.is_valid():
            return exports.invalid_filter_response(filterset.errors.get_json_data())
        part = exports.window(filterset.qs, int(offset))
        query = {k: v for k, v in request.GET.lists() if k not in ("format", "page", "per_page", "offset")}
        base_url = request.build_absolute_uri("/")[:-1]
        following = request.GET.copy()
        following["offset"] = str(part.next_offset or 0)
        next_url = request.build_absolute_uri(f"{request.path}?{following.urlencode()}")
        if fmt in ("graphml", "gexf"):
            what = f"{self.export.name}: {request.GET.urlencode()}"
            return network.network_response(self.export, self.network_members, part, fmt, what, base_url, next_url)
        export = self.long_export[1] if self.long_export and fmt == self.long_export[0] else self.export
        return exports.export_response(export, part, "json" if fmt == "json" else "csv", query, base_url, next_url)


def query_with(request, changes: dict) -> str:
    """The current query string with `changes` applied (None removes a parameter), from the first page."""
    query = request.GET.copy()
    for key, value in {**changes, "page": None}.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}"


class BrowseListView(ReaderAccessMixin, ExportMixin, StablePaginationMixin, FilterView):
    selector = None  # () -> the list's base queryset, in its default order
    default_sort = ""  # the `sort` value that order corresponds to, for the column headings
    facet_kind = ""  # which counts to show beside the filters (selectors.facets)
    paginator_class = CappedPaginator  # a list of a million rows is not counted in full

    def get_queryset(self):
        return self.selector()

    def show_facets(self) -> bool:
        return bool(self.facet_kind)

    def facet_rows(self) -> list[dict] | None:
        """The filtered list's first COUNT_CAP + 1 rows (`selectors.facet_rows`, one query), which its
        count, facets and timeline are counted from; None when the list shows no facets or the filters
        are invalid."""
        if not hasattr(self, "_facet_rows"):
            valid = not self.filterset.is_bound or self.filterset.is_valid()
            self._facet_rows = (selectors.facet_rows(self.facet_kind, self.filterset.qs)
                                if valid and self.show_facets() else None)
        return self._facet_rows

    def known_ids(self):
        rows = self.facet_rows()
        return None if rows is None else [row["pk"] for row in rows]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = any(
            v for k, v in self.request.GET.items() if k not in ("page", "per_page", "sort"))
        context["page_sizes"] = self.page_sizes
        context["default_sort"] = self.default_sort
        context["noun"] = self.filterset.queryset.model._meta.verbose_name_plural
        context["noun_one"] = self.filterset.queryset.model._meta.verbose_name
        context["formats"] = self.formats()
        if not self.filterset.is_bound or self.filterset.is_valid():
            set_aside = self.filterset.set_aside_undated()
            if set_aside is not None:
                context["undated_count"] = set_aside.order_by().count()
                context["undated_url"] = query_with(self.request, self.filterset.undated_params())
            if self.facet_rows() is not None:
                counted = selectors.facet_sample(self.facet_rows())
                context["facets_counted"] = min(len(counted), getattr(context.get("paginator"), "count", len(counted)))
                context["facets"] = [
                    (facet, [(option, query_with(self.request, option.params),
                              all(self.request.GET.get(k) == v for k, v in option.params.items() if v))
                             for option in facet.options])
                    for facet in selectors.facets(self.facet_kind, counted) if facet.options]
        return context


class MeetingListView(BrowseListView):
    facet_kind = "meeting"
    default_sort = "-date"
    selector = staticmethod(selectors.meeting_list)
    filterset_class = filters.MeetingFilter
    export = exports.MEETINGS
    long_export = ("participants", exports.MEETING_PARTICIPANTS)
    network_members = "participants"
    template_name = "archive/meeting_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["timeline"] = charts.timeline(selectors.meetings_by_month(self.facet_rows() or []))
        return context


class AgreementListView(BrowseListView):
    facet_kind = "agreement"
    default_sort = "-date"
    selector = staticmethod(selectors.agreement_list)
    filterset_class = filters.AgreementFilter
    export = exports.AGREEMENTS
    long_export = ("parties", exports.AGREEMENT_PARTIES)
    network_members = "parties"
    template_name = "archive/agreement_list.html"


class PersonListView(BrowseListView):
    facet_kind = "person"
    default_sort = "name"
    selector = staticmethod(selectors.person_list)
    filterset_class = filters.PersonFilter
    export = exports.PEOPLE
    template_name = "archive/person_list.html"


class OrganizationListView(BrowseListView):
    facet_kind = "organization"
    default_sort = "name"
    selector = staticmethod(selectors.organization_list)
    filterset_class = filters.OrganizationFilter
    export = exports.ORGANIZATIONS
    template_name = "archive/organization_list.html"


class ArticleListView(BrowseListView):
    facet_kind = "article"
    default_sort = "-published"
    selector = staticmethod(selectors.article_list)
    filterset_class = filters.ArticleFilter
    export = exports.ARTICLES
    template_name = "archive/article_list.html"

    def known_count(self, queryset):
        # A text search counted its matches when it chose their order (up to MATCH_COUNT_CAP).
        return self.filterset.match_count

    def get_paginator(self, queryset, per_page, *args, **kwargs):
        paginator = super().get_paginator(queryset, per_page, *args, **kwargs)
        if self.filterset.match_count is not None:
            paginator.cap = search.MATCH_COUNT_CAP
        return paginator

    def show_facets(self) -> bool:
        # Counting by outlet and year would run the full-text match over every hit a second time.
        return not (self.filterset.is_bound and self.filterset.form.cleaned_data.get("q"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.filterset.form.cleaned_data.get("q") if self.filterset.is_valid() else ""
        if q:
            context["snippets"] = selectors.article_snippets([a.id for a in context["object_list"]], q)
            context["ranked"] = "rank" in self.object_list.query.annotations
            context["rank_limited"] = not context["ranked"] and is_postgresql()
            context["explicit_sort"] = bool(self.filterset.form.cleaned_data.get("sort"))
        return context


class RecordDetailView(ReaderAccessMixin, DetailView):
    """A live record's page; a merged record redirects to the one it was merged into, a rejected one is 404."""

    page = None  # (record) -> the page's related rows

    def get_object(self, queryset=None):
        pk = self.kwargs["pk"]
        record = selectors.live_or_merged(self.model, pk).first() if pk <= MAX_ID else None
        if record is None:
            raise Http404(f"No {self.model._meta.verbose_name} {pk}")
        return record

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if getattr(self.object, "merged_into_id", None):
            kept = self.object.resolved()
            return redirect(f"archive:{self.model._meta.model_name}-detail", pk=kept.pk)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.page(self.object))
        return context


class PersonDetailView(RecordDetailView):
    model = Person
    page = staticmethod(selectors.person_page)
    template_name = "archive/person_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["graph"] = charts.ego_graph(context["counterparts"])
        return context


class OrganizationDetailView(RecordDetailView):
    model = Organization
    page = staticmethod(selectors.organization_page)
    template_name = "archive/organization_detail.html"


class MeetingDetailView(RecordDetailView):
    model = Meeting
    page = staticmethod(selectors.meeting_page)
    template_name = "archive/meeting_detail.html"


class AgreementDetailView(RecordDetailView):
    model = Agreement
    page = staticmethod(selectors.agreement_page)
    template_name = "archive/agreement_detail.html"


class ArticleDetailView(RecordDetailView):
    model = Article
    page = staticmethod(selectors.article_page)
    template_name = "archive/article_detail.html"

    def get_object(self, queryset=None):
        pk = self.kwargs["pk"]
        record = Article.objects.filter(pk=pk).first() if pk <= MAX_ID else None
        if record is None:
            raise Http404(f"No article {pk}")
        return record


class SuggestView(ReaderAccessMixin, View):
    """`?q=` -> up to ten live records as JSON, for the id fields' name boxes."""

    suggest = None

    def get(self, request):
        return JsonResponse({"results": self.suggest(clean_query(request.GET.get("q", "")))})


class SearchView(ReaderAccessMixin, TemplateView):
    template_name = "archive/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("q", "")
        q = clean_query(raw)
        context["q"] = q
        context["raw_q"] = raw.strip()[:200].replace("\x00", "")
        context["kinds"] = [("people", "People"), ("organizations", "Organizations"), ("agreements", "Agreements"),
                            ("meetings", "Meetings"), ("articles", "Articles")]
        if q:
            context.update(selectors.search_everything(q))
        return context


def favicon(request):
    """The icon's static URL, looked up per request: the hashed name exists only after collectstatic."""
    return HttpResponsePermanentRedirect(static("archive/favicon.svg"))


class HomeView(ReaderAccessMixin, TemplateView):
    template_name = "archive/home.html"
