from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import (
    Article,
    Author,
    Byline,
    ImageBlock,
    PullQuote,
    RichText,
    Section,
    Tag,
)
from tests.media.factories import ImageFactory


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    bio = "Covers the things that matter."


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article from an hour ago, with a section and a credited image."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Something happened, part {n}")
    slug = factory.Sequence(lambda n: f"something-happened-{n}")
    standfirst = "What happened, and why it matters."
    section = factory.SubFactory(SectionFactory)
    lead_image = factory.SubFactory(ImageFactory)
    status = Article.Status.PUBLISHED
    pub_date = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(article, create, extracted, **kwargs):
        if create:
            authors = [AuthorFactory()] if extracted is None else extracted
            for position, author in enumerate(authors):
                Byline.objects.create(article=article, author=author, position=position)

    @factory.post_generation
    def tags(article, create, extracted, **kwargs):
        if create and extracted:
            article.tags.set(extracted)


def add_every_block(article):
    """Give an article a body with one block of each kind, in order."""
    RichText.objects.create(
        parent=article,
        region="body",
        ordering=10,
        text="<h2>The talks</h2><p>Both sides met.</p>"
        '<ol type="a"><li>one point</li><li>another point</li></ol>',
    )
    ImageBlock.objects.create(
        parent=article,
        region="body",
        ordering=20,
        image=ImageFactory(credit="Wire Photo/Ana Lind"),
        caption="Delegates arrive",
    )
    PullQuote.objects.create(
        parent=article,
        region="body",
        ordering=30,
        quote="Talking is where it starts.",
        attribution="A minister",
    )
