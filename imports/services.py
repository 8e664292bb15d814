"""Writing an export into Newsroom: articles, their images, comments, old links.

One transaction for the whole export: a file that fails half-way leaves
nothing behind. Each post and comment also gets a savepoint, so one that
cannot be converted is reported and skipped without undoing the others.
Everything made is remembered in ImportedItem, which is how a second run of
the same export knows what it has already brought in.
"""

import hashlib
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import PurePosixPath
from urllib.error import URLError
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PillowImage

from articles.models import Article, Author, Byline, ImageBlock, RichText, Section, Tag
from comments.models import Comment
from comments.services import refresh_comment_counts
from imports.bodies import Picture, Text, convert_body, parse_html
from imports.models import ImportedItem, OldLink, normalise_path
from imports.sources import Export, Post, Reply, Status
from media.models import Image
from media.renditions import delete_renditions
from media.uploads import clean_upload

# What the summary counts, in its order, and how it names each count.
COUNTS = {
    "articles": gettext_lazy("articles published (or scheduled)"),
    "drafts": gettext_lazy("drafts"),
    "in_review": gettext_lazy("articles in review"),
    "held": gettext_lazy("of them held for review: images to complete"),
    "sections": gettext_lazy("sections created"),
    "tags": gettext_lazy("tags created"),
    "authors": gettext_lazy("authors created"),
    "images_fetched": gettext_lazy("images fetched"),
    "images_placeholder": gettext_lazy("image placeholders"),
    "comments_approved": gettext_lazy("comments approved"),
    "comments_pending": gettext_lazy("comments pending"),
    "comments_spam": gettext_lazy("comments spam"),
    "comments_removed": gettext_lazy("comments removed"),
    "redirects": gettext_lazy("old addresses redirected"),
    "already": gettext_lazy("already imported, left as they are"),
    "skipped": gettext_lazy("skipped"),
}
ARTICLE_STATUS = {
    Status.PUBLISHED: Article.Status.PUBLISHED,
    Status.SCHEDULED: Article.Status.PUBLISHED,
    Status.DRAFT: Article.Status.DRAFT,
    Status.PRIVATE: Article.Status.DRAFT,
    Status.PENDING: Article.Status.IN_REVIEW,
}
COMMENT_STATUS = {
    Status.APPROVED: Comment.Status.APPROVED,
    Status.PENDING: Comment.Status.PENDING,
    Status.SPAM: Comment.Status.SPAM,
    Status.REMOVED: Comment.Status.REMOVED,
}
# Addresses Blogger gives anonymous commenters instead of theirs.
NO_EMAIL = {"noreply@blogger.com", "anonymous@blogger.com"}
LABELS_AS = ("sections", "tags")
FETCH_TIMEOUT_SECONDS = 20
CONTENT_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif",
                 "image/webp": "webp", "image/avif": "avif"}  # fmt: skip


class Skip(Exception):
    """An entry that cannot be converted; the message says why."""


@dataclass
class Summary:
    counts: Counter = field(default_factory=Counter)
    guesses: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The counts, then every guess and every skipped entry, for a person."""
        lines = [
            f"  {label}: {self.counts[key]}"
            for key, label in COUNTS.items()
            if self.counts[key] or key in ("articles", "skipped")
        ]
        if self.guesses:
            lines.append(_("Guessed, for an editor to check:"))
            lines.extend(f"  - {guess}" for guess in self.guesses)
        if self.skipped:
            lines.append(_("Skipped:"))
            lines.extend(f"  - {skip}" for skip in self.skipped)
        return lines


def export_import(
    export: Export,
    *,
    labels_as: str,
    default_section: str,
    fetch_images: bool = False,
    dry_run: bool = False,
) -> Summary:
    """Bring `export` in, all or nothing; with `dry_run`, only say what would happen."""
    importer = _Importer(
        export,
        labels_as=labels_as,
        default_section=default_section,
        fetch_images=fetch_images,
    )
    try:
        with transaction.atomic():
            importer.run()
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        importer.discard_files()
        raise
    if dry_run:
        importer.discard_files()
    return importer.summary


class _Importer:
    def __init__(self, export, *, labels_as, default_section, fetch_images):
        self.export = export
        self.labels_as = labels_as
        self.default_section_name = default_section
        self.fetch_images = fetch_images
        self.summary = Summary(skipped=list(export.skipped))
        self.summary.counts["skipped"] = len(export.skipped)
        self.named: dict[type, dict[str, models.Model]] = {}
        self.new_images: list[Image] = []
        self.images: dict[str, tuple[Image, bool]] = {}
        self.articles: dict[str, Article] = {}
        self.comments: dict[str, Comment] = {}
        self.known = self._known_items()

    # The run ------------------------------------------------------------

    def run(self) -> None:
        for post in self.export.posts:
            self._guarded(self._post, post, _("Post %(id)s “%(title)s”"))
        replies = {reply.source_id: reply for reply in self.export.replies}
        seen: set[str] = set()
        for reply in self.export.replies:
            self._reply(reply, replies, seen)
        touched = {c.article_id for c in self.comments.values()}
        refresh_comment_counts(touched)

    def _guarded(self, convert, entry, label) -> None:
        """Convert one entry in a savepoint; report and skip it if it cannot be."""
        name = label % {"id": entry.source_id, "title": getattr(entry, "title", "")}
        try:
            with transaction.atomic():
                convert(entry)
        except (Skip, ValueError, ValidationError, DatabaseError) as error:
            self.summary.counts["skipped"] += 1
            self.summary.skipped.append(f"{name}: {error}")

    def _guess(self, what: str, guess: str) -> None:
        self.summary.guesses.append(f"{what}: {guess}")

    # Remembering what came from where -----------------------------------

    def _known_items(self) -> dict[tuple[int, str], int]:
        rows = ImportedItem.objects.filter(
            source=self.export.platform, site=self.export.site[:200]
        ).values_list("content_type_id", "source_id", "object_id")
        return {(ct, source_id): pk for ct, source_id, pk in rows}

    def _existing(self, model: type[models.Model], source_id: str):
        ct = ContentType.objects.get_for_model(model)
        pk = self.known.get((ct.pk, source_id[:500]))
        return model._default_manager.filter(pk=pk).first() if pk else None

    def _remember(self, obj, source_id: str, *, note: str = "") -> None:
        ct = ContentType.objects.get_for_model(obj)
        ImportedItem.objects.update_or_create(
            source=self.export.platform,
            site=self.export.site[:200],
            content_type=ct,
            source_id=source_id[:500],
            defaults={
                "object_id": obj.pk,
                "needs_editing": bool(note),
                "note": note[:300],
            },
        )
        self.known[(ct.pk, source_id[:500])] = obj.pk

    # Posts ----------------------------------------------------------------

    def _post(self, post: Post) -> None:
        if article := self._existing(Article, post.source_id):
            self.articles[post.source_id] = article
            self.summary.counts["already"] += 1
            return
        what = _("“%(title)s”") % {"title": post.title or post.source_id}
        status = self._article_status(post, what)
        body = convert_body(post.body_html)
        headline = post.title or Truncator(body.first_paragraph()).chars(80)
        if not headline:
            raise Skip(_("it has neither a title nor any text."))
        if not post.title:
            self._guess(what, _("no title; the first words became the headline"))
        for guess in post.guesses:
            self._guess(what, guess)
        section, tags = self._labels(post, what)
        article = Article.objects.create(
            headline=headline[:200],
            slug=self._slug(post, headline, what),
            standfirst=Truncator(parse_html(post.excerpt).text()).chars(400),
            section=section,
            status=status,
            pub_date=post.published if status == Article.Status.PUBLISHED else None,
            source_name=body.source_name[:120],
            source_url=body.source_url[:200],
        )
        if status != Article.Status.PUBLISHED and post.published:
            # Kept so that publishing later shows the original date.
            article.pub_date = post.published
            article.save(update_fields=["pub_date"])
        Byline.objects.create(article=article, author=self._author(post, what))
        article.tags.set(tags)
        placeholders = self._blocks(article, body, what)
        if placeholders and status == Article.Status.PUBLISHED:
            article.status = Article.Status.IN_REVIEW
            article.save(update_fields=["status"])
            self.summary.counts["held"] += 1
            self._guess(
                what,
                _(
                    "held for review until its %(count)d placeholder image(s) "
                    "are replaced"
                )
                % {"count": placeholders},
            )
        self.summary.counts[_status_count(article.status)] += 1
        self._old_link(article, post, what)
        self._remember(
            article,
            post.source_id,
            note=_("images to complete") if placeholders else "",
        )
        self.articles[post.source_id] = article

    def _article_status(self, post: Post, what: str) -> str:
        if post.status == Status.REMOVED:
            raise Skip(_("it was in the bin on the old blog."))
        if post.status not in ARTICLE_STATUS:
            raise Skip(_("its status is not one we know."))
        if post.status == Status.PRIVATE:
            self._guess(what, _("private on the old blog; imported as a draft"))
        if (
            ARTICLE_STATUS[post.status] == Article.Status.PUBLISHED
            and not post.published
        ):
            self._guess(what, _("published without a date; imported as a draft"))
            return Article.Status.DRAFT
        return ARTICLE_STATUS[post.status]

    def _labels(self, post: Post, what: str) -> tuple[Section, list[Tag]]:
        categories = [c for c in post.categories if c.casefold() != "uncategorized"]
        tag_names = list(post.tags)
        section = None
        if self.labels_as == "sections" and categories:
            section = self._named(Section, categories[0], "sections")
            if len(categories) > 1:
                self._guess(
                    what,
                    _("several labels; “%(first)s” became its section, the rest tags")
                    % {"first": categories[0]},
                )
            tag_names = categories[1:] + tag_names
        elif self.labels_as == "tags":
            tag_names = categories + tag_names
        section = section or self._named(Section, self.default_section_name, "sections")
        tags = {tag.pk: tag for tag in (self._named(Tag, n, "tags") for n in tag_names)}
        return section, list(tags.values())

    def _author(self, post: Post, what: str) -> Author:
        name = post.author_name
        if not name:
            name = _("Unknown author")
            self._guess(
                what, _("no author given; bylined to “%(name)s”") % {"name": name}
            )
        return self._named(Author, name, "authors")

    def _named(self, model, name: str, counter: str):
        """The section, tag or author called `name`, created if there is none."""
        name = " ".join(name.split())[: model._meta.get_field("name").max_length]
        cache = self.named.setdefault(model, {})
        if (key := name.casefold()) not in cache:
            row = model.objects.filter(name__iexact=name).first()
            if row is None:
                slug = _free_slug(model, slugify(name) or f"{counter}-{_digest(name)}")
                row = model.objects.create(name=name, slug=slug)
                self.summary.counts[counter] += 1
            cache[key] = row
        return cache[key]

    def _slug(self, post: Post, headline: str, what: str) -> str:
        wanted = slugify(unquote(post.slug)) or slugify(headline)
        if not wanted:
            wanted = f"post-{_digest(post.source_id)}"
        slug = _free_slug(Article, wanted[:190])
        if slug != wanted:
            self._guess(what, _("its address is now “%(slug)s”") % {"slug": slug})
        return slug

    def _old_link(self, article: Article, post: Post, what: str) -> None:
        if not post.old_link:
            return
        path = normalise_path(post.old_link)[:500]
        old, created = OldLink.objects.get_or_create(
            path=path, defaults={"article": article}
        )
        if created:
            self.summary.counts["redirects"] += 1
        elif old.article_id != article.pk:
            self._guess(
                what, _("%(path)s already leads to another article") % {"path": path}
            )

    # Bodies and images ----------------------------------------------------

    def _blocks(self, article: Article, body, what: str) -> int:
        """Create the body blocks; returns how many images are placeholders."""
        placeholders = 0
        for index, block in enumerate(body.blocks, start=1):
            place = {"parent": article, "region": "body", "ordering": index * 10}
            if isinstance(block, Text):
                RichText.objects.create(**place, text=block.html)
                continue
            image, is_placeholder = self._image(block, article, what)
            placeholders += is_placeholder
            ImageBlock.objects.create(**place, image=image, caption=block.caption[:300])
        return placeholders

    def _image(
        self, picture: Picture, article: Article, what: str
    ) -> tuple[Image, bool]:
        """The library image for `picture`: fetched, or a placeholder to complete."""
        url = picture.src
        if url in self.images:
            return self.images[url]
        if (image := self._existing(Image, url)) is not None:
            is_placeholder = ImportedItem.objects.filter(
                object_id=image.pk,
                content_type=ContentType.objects.get_for_model(Image),
                needs_editing=True,
            ).exists()
            if (
                is_placeholder
                and self.fetch_images
                and self._replace_file(image, url, what)
            ):
                is_placeholder = False
            self.images[url] = (image, is_placeholder)
            return self.images[url]
        described = self.export.image_text.get(url, {})
        alt = picture.alt or described.get("alt", "")
        caption = picture.caption or described.get("caption", "")
        if not alt:
            alt = caption or _("Image from “%(headline)s”") % {
                "headline": article.headline
            }
            self._guess(what, _("no alt text for %(url)s") % {"url": url})
        credit = picture.credit
        if not credit:
            credit = _("Not known")
            self._guess(what, _("no credit line for %(url)s") % {"url": url})
        image = Image(alt_text=alt[:250], caption=caption[:300], credit=credit[:120])
        file = self._fetch(url, what) if self.fetch_images else None
        is_placeholder = file is None
        image.file.save(
            file.name if file else f"placeholder-{_digest(url)}.png",
            file or _placeholder_file(),
            save=True,
        )
        self.new_images.append(image)
        image.create_renditions()
        self.summary.counts[
            "images_placeholder" if is_placeholder else "images_fetched"
        ] += 1
        note = _("Placeholder for %(url)s") % {"url": url} if is_placeholder else ""
        self._remember(image, url, note=note)
        self.images[url] = (image, is_placeholder)
        return self.images[url]

    def _replace_file(self, image: Image, url: str, what: str) -> bool:
        """Put the fetched original in place of a placeholder from an earlier run."""
        if (file := self._fetch(url, what)) is None:
            return False
        image.file.save(file.name, file, save=True)
        self.new_images.append(image)
        image.create_renditions()
        self._remember(image, url)
        self.summary.counts["images_fetched"] += 1
        return True

    def _fetch(self, url: str, what: str) -> ContentFile | None:
        """The image at `url`, cleaned as an upload would be; None if it cannot be."""
        try:
            return fetch_image(url)
        except (OSError, URLError, ValidationError, ValueError) as error:
            reason = (
                "; ".join(error.messages)
                if isinstance(error, ValidationError)
                else error
            )
            self._guess(
                what,
                _("could not fetch %(url)s (%(reason)s); a placeholder stands in")
                % {"url": url, "reason": reason},
            )
            return None

    def discard_files(self) -> None:
        """Delete the files this run stored, when its rows are rolled back."""
        for image in self.new_images:
            if image.file:
                delete_renditions(image.file.storage, image.renditions)
                image.file.delete(save=False)

    # Comments -------------------------------------------------------------

    def _reply(self, reply: Reply, replies: dict[str, Reply], seen: set[str]) -> None:
        """Import `reply`, its parent first, unless done already."""
        if reply.source_id in seen:
            return
        seen.add(reply.source_id)
        parent = replies.get(reply.parent_id)
        if parent is not None:
            self._reply(parent, replies, seen)
        self._guarded(self._comment, reply, _("Comment %(id)s"))

    def _comment(self, reply: Reply) -> None:
        if comment := self._existing(Comment, reply.source_id):
            self.comments[reply.source_id] = comment
            self.summary.counts["already"] += 1
            return
        what = _("Comment %(id)s") % {"id": reply.source_id}
        article = self.articles.get(reply.post_id)
        if article is None:
            raise Skip(_("the post it belongs to was not imported."))
        if reply.status not in COMMENT_STATUS:
            raise Skip(_("its status is not one we know."))
        body = "\n".join(parse_html(reply.body_html).lines())
        if not body:
            raise Skip(_("it has no text."))
        parent = self.comments.get(reply.parent_id)
        if reply.parent_id and parent is None:
            self._guess(what, _("the comment it answers is missing; shown on its own"))
        while parent is not None and parent.depth >= settings.COMMENTS_MAX_DEPTH:
            parent = parent.parent
            self._guess(what, _("nested deeper than threads go here; moved up a level"))
        name = reply.author_name or _("Anonymous")
        email = "" if reply.author_email.lower() in NO_EMAIL else reply.author_email
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            depth=parent.depth + 1 if parent else 0,
            author_name=name[:80],
            author_email=email[:254],
            author_url=reply.author_url if len(reply.author_url) <= 200 else "",
            body=body,
            status=COMMENT_STATUS[reply.status],
            created_at=reply.created or article.pub_date or timezone.now(),
        )
        if reply.created is None:
            self._guess(what, _("no date; given its article's"))
        self.summary.counts[f"comments_{comment.status}"] += 1
        self._remember(comment, reply.source_id)
        self.comments[reply.source_id] = comment


def fetch_image(url: str) -> ContentFile:
    """Download an image and clean it exactly as an editor's upload is cleaned."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(_("not a web address"))
    request = urllib.request.Request(url, headers={"User-Agent": "Newsroom importer"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
        data = response.read(settings.MEDIA_MAX_UPLOAD_BYTES + 1)
        content_type = response.headers.get_content_type()
    name = PurePosixPath(unquote(urlsplit(url).path)).name or "image"
    if "." not in name and content_type in CONTENT_TYPES:
        name = f"{name}.{CONTENT_TYPES[content_type]}"
    return clean_upload(ContentFile(data, name=name))


def _placeholder_file() -> ContentFile:
    """A plain grey picture that holds an image's place until the real one comes."""
    buffer = BytesIO()
    PillowImage.new("RGB", (320, 240), "#d0d0d0").save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="placeholder.png")


def _free_slug(model: type[models.Model], wanted: str) -> str:
    slug, number = wanted, 1
    while model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{wanted}-{number}"
    return slug


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _status_count(status: str) -> str:
    return {
        Article.Status.PUBLISHED: "articles",
        Article.Status.DRAFT: "drafts",
        Article.Status.IN_REVIEW: "in_review",
    }[status]
