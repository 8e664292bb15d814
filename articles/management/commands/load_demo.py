"""Fill the site with demo sections, authors, illustrated articles and accounts.

The content lives in articles/demo/content.toml; the pictures are drawn at run
time. Everything is looked up by slug (accounts by username) and only what is
missing is created, so running the command again changes nothing.
"""

import secrets
import tomllib
from collections import Counter
from datetime import timedelta
from importlib import resources

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils import timezone

from articles.demo import illustrations
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
from media.models import Image, Licence
from media.renditions import delete_renditions

# Username -> the group that will give the account its role's permissions.
ACCOUNTS = {"writer": "Writers", "editor": "Editors", "moderator": "Moderators"}

# Article fields taken from the content file as they are, when present.
ARTICLE_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "lead_image_caption",
    "source_name",
    "source_url",
    "is_featured",
    "comments_open",
)

# What the summary counts, in the order it reports them.
SUMMARY = ("sections", "authors", "tags", "articles", "images", "groups", "accounts")


class Command(BaseCommand):
    help = (
        "Load demo sections, authors, tags and illustrated articles, and one "
        "account per role. Safe to run again: only what is missing is created."
    )

    def handle(self, *args, **options):
        content = tomllib.loads(
            (resources.files("articles.demo") / "content.toml").read_text("utf-8")
        )
        self.now = timezone.now()
        self.created = Counter()
        self.new_images: list[Image] = []
        try:
            with transaction.atomic():
                self.load(content)
        except BaseException:
            self.discard_files()
            raise
        self.report()

    def load(self, content: dict) -> None:
        """Create whatever part of the demo content is missing."""
        self.passwords: dict[str, str | None] = {}
        users = {
            name: self.load_account(name, group) for name, group in ACCOUNTS.items()
        }
        self.sections = {
            entry["slug"]: self.get_or_create(Section, entry, "sections")
            for entry in content["sections"]
        }
        self.authors = {
            entry["slug"]: self.load_author(entry, users)
            for entry in content["authors"]
        }
        self.tags = {
            entry["slug"]: self.get_or_create(Tag, entry, "tags")
            for entry in content["tags"]
        }
        self.load_articles(content["articles"])

    def get_or_create(self, model: type[models.Model], fields: dict, counter: str):
        """The row with `fields["slug"]`, created from `fields` if missing."""
        row, created = model.objects.get_or_create(slug=fields["slug"], defaults=fields)
        self.created[counter] += created
        return row

    def load_account(self, username: str, group_name: str):
        """The staff user `username`, created in its role's group if missing.

        A new account gets a random password, kept to be shown once; an existing
        one is left exactly as it is.
        """
        group, created = Group.objects.get_or_create(name=group_name)
        self.created["groups"] += created
        User = get_user_model()
        if user := User.objects.filter(username=username).first():
            self.passwords[username] = None
            return user
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username, email=f"{username}@example.com", password=password, is_staff=True
        )
        user.groups.add(group)
        self.passwords[username] = password
        self.created["accounts"] += 1
        return user

    def load_author(self, entry: dict, users: dict) -> Author:
        """The author `entry` describes, signed in by its demo account if free."""
        fields = {key: value for key, value in entry.items() if key != "user"}
        author = self.get_or_create(Author, fields, "authors")
        user = users.get(entry.get("user"))
        # Either side may have been linked elsewhere by hand: leave that alone.
        if user and author.user_id is None and not hasattr(user, "author"):
            author.user = user
            author.save(update_fields=["user"])
        return author

    def load_articles(self, entries: list[dict]) -> None:
        """Create the articles whose slugs are not taken yet."""
        taken = set(
            Article.objects.filter(
                slug__in=[entry["slug"] for entry in entries]
            ).values_list("slug", flat=True)
        )
        missing = [entry for entry in entries if entry["slug"] not in taken]
        if missing:
            self.stdout.write(f"Drawing and adding {len(missing)} articles…")
        for entry in missing:
            self.create_article(entry)

    def create_article(self, entry: dict) -> Article:
        """One article with its lead image, bylines, tags and body blocks."""
        slug = entry["slug"]
        article = Article.objects.create(
            **{name: entry[name] for name in ARTICLE_FIELDS if name in entry},
            **self.dates(entry),
            section=self.sections[entry["section"]],
            status=Article.Status(entry["status"]),
            lead_image=self.create_image(entry["lead_image"], name=slug),
        )
        for position, author in enumerate(entry["authors"]):
            Byline.objects.create(
                article=article, author=self.authors[author], position=position
            )
        article.tags.set([self.tags[tag] for tag in entry["tags"]])
        for index, block in enumerate(entry["body"], start=1):
            self.create_block(article, block, ordering=index * 10)
        self.created["articles"] += 1
        return article

    def dates(self, entry: dict) -> dict:
        """pub_date (and updated_at) from `days_ago` and `hour`, relative to now."""
        if "days_ago" not in entry:
            return {}
        day = timezone.localtime(self.now) - timedelta(days=entry["days_ago"])
        pub_date = day.replace(hour=entry["hour"], minute=0, second=0, microsecond=0)
        dates = {"pub_date": pub_date}
        if hours := entry.get("updated_hours"):
            dates["updated_at"] = min(pub_date + timedelta(hours=hours), self.now)
        return dates

    def create_block(self, article: Article, block: dict, *, ordering: int) -> None:
        """One body block: rich `text`, a pull `quote` or a library `image`."""
        place = {"parent": article, "region": "body", "ordering": ordering}
        if "text" in block:
            RichText.objects.create(**place, text=block["text"].strip())
        elif "quote" in block:
            PullQuote.objects.create(
                **place, quote=block["quote"], attribution=block.get("attribution", "")
            )
        elif "image" in block:
            image = self.create_image(block["image"], name=f"{article.slug}-{ordering}")
            ImageBlock.objects.create(
                **place, image=image, caption=block.get("caption", "")
            )
        else:
            raise CommandError(f"Unknown body block in {article.slug}: {block}")

    def create_image(self, spec: dict, *, name: str) -> Image:
        """Draw an illustration, add it to the library and make its renditions."""
        image = Image(
            alt_text=spec["alt_text"],
            caption=spec["caption"],
            credit=spec["credit"],
            credit_url=spec.get("credit_url", ""),
            licence=Licence(spec["licence"]),
            copyright_notice=spec.get("copyright_notice", "").format(
                year=self.now.year
            ),
        )
        picture = illustrations.draw(spec["motif"], spec["palette"], key=name)
        self.new_images.append(image)
        # A named ContentFile, or the ImageField cannot read width and height.
        filename = f"{name}.jpg"
        image.file.save(filename, ContentFile(picture, name=filename), save=True)
        image.create_renditions()
        self.created["images"] += 1
        return image

    def discard_files(self) -> None:
        """Delete the files this run stored; the rollback has undone their rows."""
        for image in self.new_images:
            if image.file:
                delete_renditions(image.file.storage, image.renditions)
                image.file.delete(save=False)

    def report(self) -> None:
        """Show new passwords once, how to reset the others, then the counts."""
        new = {name: password for name, password in self.passwords.items() if password}
        if new:
            self.stdout.write("Demo accounts (passwords are shown this once):")
            for username, password in new.items():
                self.stdout.write(f"  {username:<10} {password}")
        for username in [name for name in self.passwords if name not in new]:
            self.stdout.write(
                f"Account {username!r} already exists; "
                f"`python manage.py changepassword {username}` sets a new password."
            )
        counts = [_count(self.created[noun], noun) for noun in SUMMARY]
        counts = [count for count in counts if count]
        if counts:
            self.stdout.write(self.style.SUCCESS(f"Created {_join(counts)}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already loaded."))


def _count(number: int, noun: str) -> str:
    """'3 articles', '1 article', or '' for none (every noun here is plural in s)."""
    if not number:
        return ""
    return f"{number} {noun if number > 1 else noun.removesuffix('s')}"


def _join(items: list[str]) -> str:
    """'a, b and c'."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"
