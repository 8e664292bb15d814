from django.contrib.sitemaps import views as sitemaps
from django.urls import path

from articles import feeds, views
from articles.sitemaps import SITEMAPS
from newsroom.pagecache import reader_page

app_name = "articles"

urlpatterns = [
    path("", reader_page(views.HomeView.as_view()), name="home"),
    path("feed/rss/", reader_page(feeds.ArticlesFeed()), name="feed-rss"),
    path("feed/atom/", reader_page(feeds.atom(feeds.ArticlesFeed)()), name="feed-atom"),
    path(
        "sections/<slug:slug>/rss/",
        reader_page(feeds.SectionFeed()),
        name="section-rss",
    ),
    path(
        "sections/<slug:slug>/atom/",
        reader_page(feeds.atom(feeds.SectionFeed)()),
        name="section-atom",
    ),
    path("tags/<slug:slug>/rss/", reader_page(feeds.TagFeed()), name="tag-rss"),
    path(
        "tags/<slug:slug>/atom/",
        reader_page(feeds.atom(feeds.TagFeed)()),
        name="tag-atom",
    ),
    path(
        "authors/<slug:slug>/rss/", reader_page(feeds.AuthorFeed()), name="author-rss"
    ),
    path(
        "authors/<slug:slug>/atom/",
        reader_page(feeds.atom(feeds.AuthorFeed)()),
        name="author-atom",
    ),
    path(
        "articles/<slug:slug>/",
        reader_page(views.ArticleDetailView.as_view()),
        name="detail",
    ),
    path("preview/<str:token>/", views.ArticlePreviewView.as_view(), name="preview"),
    path(
        "sections/<slug:slug>/",
        reader_page(views.SectionView.as_view()),
        name="section",
    ),
    path("tags/<slug:slug>/", reader_page(views.TagView.as_view()), name="tag"),
    path(
        "authors/<slug:slug>/", reader_page(views.AuthorView.as_view()), name="author"
    ),
    path("archive/", reader_page(views.ArchiveView.as_view()), name="archive"),
    path("search/", reader_page(views.SearchView.as_view()), name="search"),
    path(
        "archive/<int:year>/<int:month>/",
        reader_page(views.ArchiveMonthView.as_view()),
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
