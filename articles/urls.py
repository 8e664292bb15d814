from django.contrib.sitemaps import views as sitemaps
from django.urls import path

from articles import feeds, views
from articles.sitemaps import SITEMAPS

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed/rss/", feeds.ArticlesFeed(), name="feed-rss"),
    path("feed/atom/", feeds.atom(feeds.ArticlesFeed)(), name="feed-atom"),
    path("sections/<slug:slug>/rss/", feeds.SectionFeed(), name="section-rss"),
    path(
        "sections/<slug:slug>/atom/",
        feeds.atom(feeds.SectionFeed)(),
        name="section-atom",
    ),
    path("tags/<slug:slug>/rss/", feeds.TagFeed(), name="tag-rss"),
    path("tags/<slug:slug>/atom/", feeds.atom(feeds.TagFeed)(), name="tag-atom"),
    path("authors/<slug:slug>/rss/", feeds.AuthorFeed(), name="author-rss"),
    path(
        "authors/<slug:slug>/atom/", feeds.atom(feeds.AuthorFeed)(), name="author-atom"
    ),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("preview/<str:token>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("archive/", views.ArchiveView.as_view(), name="archive"),
    path("search/", views.SearchView.as_view(), name="search"),
    path(
        "archive/<int:year>/<int:month>/",
        views.ArchiveMonthView.as_view(),
        name="archive-month",
    ),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "articles:sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", views.NewsSitemapView.as_view(), name="news-sitemap"),
]
