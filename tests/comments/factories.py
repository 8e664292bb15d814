import factory

from comments.models import Comment
from tests.articles.factories import ArticleFactory


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved reader comment."""

    class Meta:
        model = Comment

    article = factory.LazyAttribute(
        lambda c: c.parent.article if c.parent else ArticleFactory()
    )
    parent = None
    author_name = factory.Sequence(lambda n: f"Reader {n}")
    author_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    body = factory.Sequence(lambda n: f"A thought about this, number {n}.")
    status = Comment.Status.APPROVED
    ip_address = "192.0.2.10"
    depth = factory.LazyAttribute(lambda c: c.parent.depth + 1 if c.parent else 0)
