"""The reading pages: lists with filters (and ?format=csv|json), detail pages, search, suggestions."""

from django.urls import path

from archive import views
from archive.browse import selectors

app_name = "archive"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", views.favicon, name="favicon"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/suggest", views.SuggestView.as_view(suggest=selectors.suggest_people), name="person-suggest"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/suggest", views.SuggestView.as_view(suggest=selectors.suggest_organizations),
         name="organization-suggest"),
    path("organizations/<int:pk>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<int:pk>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
]
