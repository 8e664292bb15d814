from django.urls import path

from comments import feeds, views

app_name = "comments"

urlpatterns = [
    path("post/<int:article_id>/", views.post, name="post"),
    path("post/<int:article_id>/tokens/", views.form_tokens, name="form-tokens"),
    path("<int:pk>/", views.permalink, name="permalink"),
    path("<int:pk>/report/", views.report, name="report"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feed/<slug:slug>/", feeds.ArticleCommentsFeed(), name="feed"),
]
