"""One of every public page, with the content that makes each worth checking."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.articles.factories import (
    ArticleFactory,
    AuthorFactory,
    SectionFactory,
    TagFactory,
    add_every_block,
)
from tests.comments.factories import CommentFactory

PAGE_NAMES = [
    "home",
    "article, comments open",
    "article, comments closed",
    "section",
    "tag",
    "author",
    "archive",
    "archive month",
    "search with results",
    "search without results",
    "search, empty",
    "not found",
    "report a comment",
]


def build_tour() -> dict[str, str]:
    """A small newsroom; returns the address of each page type in it by name."""
    world = SectionFactory(name="World", slug="world")
    author = AuthorFactory(name="Ines Halloran", slug="ines-halloran")
    tag = TagFactory(name="Rivers", slug="rivers")
    lead = ArticleFactory(
        headline="Neighbours reopen talks over the shared river",
        section=world,
        authors=[author],
        tags=[tag],
        is_featured=True,
        source_name="Al-Jazeera",
    )
    add_every_block(lead)
    first = CommentFactory(
        article=lead, author_name="Amina Yusuf", body="Good to see them talking again."
    )
    CommentFactory(parent=first, body="Let us hope it lasts this time.")
    ArticleFactory.create_batch(4, section=world, authors=[author], tags=[tag])
    closed = ArticleFactory(
        headline="Old harbour wall gets its stones back",
        section=world,
        comments_open=False,
        pub_date=timezone.now() - timedelta(days=3),
    )
    month = timezone.localtime(lead.pub_date)
    search = reverse("articles:search")
    addresses = [
        reverse("articles:home"),
        lead.get_absolute_url(),
        closed.get_absolute_url(),
        world.get_absolute_url(),
        tag.get_absolute_url(),
        author.get_absolute_url(),
        reverse("articles:archive"),
        reverse(
            "articles:archive-month", kwargs={"year": month.year, "month": month.month}
        ),
        f"{search}?q=river",
        f"{search}?q=zeppelin",
        search,
        "/no-such-page/",
        reverse("comments:report", kwargs={"pk": first.pk}),
    ]
    return dict(zip(PAGE_NAMES, addresses, strict=True))
