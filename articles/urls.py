from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<str:token>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    path(
        "archive/<int:year>/<int:month>/",
        views.ArchiveMonthView.as_view(),
        name="archive-month",
    ),
]
