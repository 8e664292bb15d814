"""Blogger and WordPress exports read into one shape, before anything is written.

Both files are read with the standard library's expat parser, which never
fetches external entities or DTDs and (from expat 2.4.1) refuses entity
expansion attacks, so no extra XML library is needed. A file that is cut short
or is not an export raises ExportError before the database is touched.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

ATOM = "{http://www.w3.org/2005/Atom}"
APP = "{http://purl.org/atom/app#}"
THREAD = "{http://purl.org/syndication/thread/1.0}"
BLOGGER = "{http://schemas.google.com/blogger/2018}"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
WP_PREFIX = "{http://wordpress.org/export/"
DC = "{http://purl.org/dc/elements/1.1/}"


class ExportError(Exception):
    """The file is not an export we can read; nothing has been written."""


class Status:
    """What a post or comment was on the old blog, in our words."""

    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    DRAFT = "draft"
    PENDING = "pending"
    PRIVATE = "private"
    APPROVED = "approved"
    SPAM = "spam"
    REMOVED = "removed"


@dataclass
class Reply:
    """A reader's comment on a post, and which comment it answers."""

    source_id: str
    post_id: str
    author_name: str
    body_html: str
    created: datetime | None
    status: str
    parent_id: str = ""
    author_email: str = ""
    author_url: str = ""


@dataclass
class Post:
    source_id: str
    title: str
    body_html: str
    status: str
    published: datetime | None
    author_name: str
    old_link: str = ""
    slug: str = ""
    excerpt: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)


@dataclass
class Export:
    """Everything an export holds that becomes articles and comments."""

    platform: str
    site: str
    posts: list[Post] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    # What an image's URL was described as in the export (WordPress attachments).
    image_text: dict[str, dict] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def read_xml(path: Path) -> ET.Element:
    """The root element of `path`, or ExportError saying why it cannot be read."""
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as error:
        raise ExportError(
            _(
                "%(name)s is not complete, well-formed XML (%(error)s). It may "
                "have been cut short while downloading: export it again."
            )
            % {"name": path.name, "error": error}
        ) from None
    except OSError as error:
        raise ExportError(
            _("%(name)s cannot be read: %(error)s")
            % {"name": path.name, "error": error.strerror}
        ) from None


# Blogger ------------------------------------------------------------------


def parse_blogger(path: Path) -> Export:
    """Read a Blogger export, classic (kind categories) or newer (blogger:type)."""
    root = read_xml(path)
    if root.tag != f"{ATOM}feed":
        raise ExportError(
            _("%(name)s is not a Blogger export: it is not an Atom feed.")
            % {"name": path.name}
        )
    export = Export("blogger", _text(root, f"{ATOM}id"))
    for entry in root.iter(f"{ATOM}entry"):
        kind = _blogger_kind(entry)
        entry_id = _text(entry, f"{ATOM}id")
        if kind == "post":
            export.posts.append(_blogger_post(entry))
        elif kind == "comment":
            export.replies.append(_blogger_reply(entry))
        elif kind in ("page",):
            export.skipped.append(
                _("%(id)s: a page, not a post; pages are not imported.")
                % {"id": entry_id}
            )
        # Settings and template entries are the blog's, not content.
    if not export.posts and not export.replies and export.site.find("blog-") < 0:
        raise ExportError(
            _("%(name)s is an Atom feed but not a Blogger export.")
            % {"name": path.name}
        )
    return export


def _blogger_kind(entry: ET.Element) -> str:
    if (kind := _text(entry, f"{BLOGGER}type")) != "":
        return kind.lower()
    for category in entry.findall(f"{ATOM}category"):
        if category.get("scheme") == KIND_SCHEME:
            return category.get("term", "").rsplit("#", 1)[-1]
    return ""


BLOGGER_POST_STATUS = {
    "LIVE": Status.PUBLISHED,
    "DRAFT": Status.DRAFT,
    "SCHEDULED": Status.SCHEDULED,
    "SOFT_TRASHED": Status.REMOVED,
    "DELETED": Status.REMOVED,
}
BLOGGER_COMMENT_STATUS = {
    "LIVE": Status.APPROVED,
    "PENDING": Status.PENDING,
    "DRAFT": Status.PENDING,
    "SPAM": Status.SPAM,
    "SPAM_COMMENT": Status.SPAM,
    "SOFT_TRASHED": Status.REMOVED,
    "DELETED": Status.REMOVED,
}


def _blogger_status(entry: ET.Element, statuses: dict, *, live: str) -> str:
    if status := _text(entry, f"{BLOGGER}status"):
        return statuses.get(status.upper(), "")
    draft = entry.find(f"{APP}control/{APP}draft")
    if draft is not None and (draft.text or "").strip() == "yes":
        return statuses["DRAFT"]
    return live


def _blogger_post(entry: ET.Element) -> Post:
    post = Post(
        source_id=_text(entry, f"{ATOM}id"),
        title=_text(entry, f"{ATOM}title"),
        body_html=_text(entry, f"{ATOM}content"),
        status=_blogger_status(entry, BLOGGER_POST_STATUS, live=Status.PUBLISHED),
        published=_iso_date(_text(entry, f"{ATOM}published")),
        author_name=_text(entry, f"{ATOM}author/{ATOM}name"),
        categories=[
            category.get("term", "")
            for category in entry.findall(f"{ATOM}category")
            if category.get("scheme") != KIND_SCHEME and category.get("term")
        ],
    )
    link = _text(entry, f"{BLOGGER}filename") or next(
        (
            link.get("href", "")
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel") == "alternate"
        ),
        "",
    )
    post.old_link = urlsplit(link).path
    post.slug = post.old_link.rsplit("/", 1)[-1].removesuffix(".html")
    return post


def _blogger_reply(entry: ET.Element) -> Reply:
    in_reply_to = entry.find(f"{THREAD}in-reply-to")
    post_id = _text(entry, f"{BLOGGER}parent") or (
        in_reply_to.get("ref", "") if in_reply_to is not None else ""
    )
    # A reply to a comment links to that comment's own feed address.
    parent_id = _text(entry, f"{BLOGGER}inReplyTo")
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel") == "related":
            parent_id = link.get("href", "").rstrip("/").rsplit("/", 1)[-1]
    if parent_id and not parent_id.startswith("tag:"):
        parent_id = f"{post_id.split('.post-')[0]}.post-{parent_id}"
    return Reply(
        source_id=_text(entry, f"{ATOM}id"),
        post_id=post_id,
        parent_id=parent_id,
        author_name=_text(entry, f"{ATOM}author/{ATOM}name"),
        author_url=_text(entry, f"{ATOM}author/{ATOM}uri"),
        author_email=_text(entry, f"{ATOM}author/{ATOM}email"),
        body_html=_text(entry, f"{ATOM}content"),
        created=_iso_date(_text(entry, f"{ATOM}published")),
        status=_blogger_status(entry, BLOGGER_COMMENT_STATUS, live=Status.APPROVED),
    )


# WordPress ------------------------------------------------------------------

WORDPRESS_POST_STATUS = {
    "publish": Status.PUBLISHED,
    "future": Status.SCHEDULED,
    "draft": Status.DRAFT,
    "auto-draft": Status.DRAFT,
    "pending": Status.PENDING,
    "private": Status.PRIVATE,
    "trash": Status.REMOVED,
}
WORDPRESS_COMMENT_STATUS = {
    "1": Status.APPROVED,
    "0": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.REMOVED,
    "post-trashed": Status.REMOVED,
}


def parse_wordpress(path: Path) -> Export:
    """Read a WordPress eXtended RSS (WXR) export, of any WXR version."""
    root = read_xml(path)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None or _wp(channel, "wxr_version") == "":
        raise ExportError(
            _("%(name)s is not a WordPress export (WXR): it has no wp:wxr_version.")
            % {"name": path.name}
        )
    site = _wp(channel, "base_blog_url") or _text(channel, "link")
    export = Export("wordpress", site)
    authors = {
        _wp(author, "author_login"): _wp(author, "author_display_name")
        for author in _wp_all(channel, "author")
    }
    for item in channel.iter("item"):
        kind = _wp(item, "post_type")
        if kind == "post":
            post = _wordpress_post(item, authors)
            export.posts.append(post)
            export.replies.extend(_wordpress_replies(item, post.source_id, export))
        elif kind == "attachment":
            url = _wp(item, "attachment_url")
            export.image_text[url] = {
                "alt": _meta(item, "_wp_attachment_image_alt"),
                "caption": _text(item, f"{_excerpt_ns(item)}encoded"),
            }
        elif kind not in ("nav_menu_item", "revision", "wp_global_styles"):
            export.skipped.append(
                _("%(id)s “%(title)s”: a %(kind)s, not a post; not imported.")
                % {
                    "id": _wp(item, "post_id"),
                    "title": _text(item, "title"),
                    "kind": kind,
                }
            )
    return export


def _wordpress_post(item: ET.Element, authors: dict[str, str]) -> Post:
    login = _text(item, f"{DC}creator")
    post = Post(
        source_id=_wp(item, "post_id"),
        title=_text(item, "title"),
        body_html=_text(item, f"{CONTENT}encoded"),
        status=WORDPRESS_POST_STATUS.get(_wp(item, "status"), ""),
        published=None,
        author_name=authors.get(login) or login,
        old_link=urlsplit(_text(item, "link")).path,
        slug=_wp(item, "post_name"),
        excerpt=_text(item, f"{_excerpt_ns(item)}encoded"),
        categories=_terms(item, "category"),
        tags=_terms(item, "post_tag"),
    )
    post.published = _wordpress_date(item, "post_date", post)
    if post.old_link in ("", "/") or "?" in _text(item, "link"):
        post.old_link = ""
    return post


def _wordpress_replies(item: ET.Element, post_id: str, export: Export) -> list[Reply]:
    replies = []
    for comment in _wp_all(item, "comment"):
        comment_id = _wp(comment, "comment_id")
        kind = _wp(comment, "comment_type")
        if kind in ("pingback", "trackback"):
            export.skipped.append(
                _("Comment %(id)s: a %(kind)s, not a reader's comment; not imported.")
                % {"id": comment_id, "kind": kind}
            )
            continue
        parent = _wp(comment, "comment_parent")
        replies.append(
            Reply(
                source_id=comment_id,
                post_id=post_id,
                parent_id="" if parent in ("", "0") else parent,
                author_name=_wp(comment, "comment_author"),
                author_email=_wp(comment, "comment_author_email"),
                author_url=_wp(comment, "comment_author_url"),
                body_html=_wp(comment, "comment_content"),
                created=_wordpress_date(comment, "comment_date"),
                status=WORDPRESS_COMMENT_STATUS.get(
                    _wp(comment, "comment_approved"), ""
                ),
            )
        )
    return replies


def _wordpress_date(element: ET.Element, name: str, post: Post | None = None):
    """The GMT time WordPress stored, else its local time taken as ours."""
    gmt = _wp(element, f"{name}_gmt")
    if gmt and not gmt.startswith("0000"):
        return datetime.fromisoformat(gmt).replace(tzinfo=UTC)
    local = _wp(element, name)
    if not local or local.startswith("0000"):
        return None
    if post is not None:
        post.guesses.append(
            _("no GMT time given: %(time)s taken as the site's time zone")
            % {"time": local}
        )
    return timezone.make_aware(datetime.fromisoformat(local))


def _terms(item: ET.Element, domain: str) -> list[str]:
    return [
        (category.text or "").strip()
        for category in item.findall("category")
        if category.get("domain") == domain and (category.text or "").strip()
    ]


def _meta(item: ET.Element, key: str) -> str:
    for meta in _wp_all(item, "postmeta"):
        if _wp(meta, "meta_key") == key:
            return _wp(meta, "meta_value")
    return ""


def _wp_children(element: ET.Element, name: str):
    # WXR 1.0, 1.1 and 1.2 differ only in the namespace's version.
    for child in element:
        tag = child.tag
        if (
            tag.startswith(WP_PREFIX)
            and tag.endswith(f"}}{name}")
            and "/excerpt/" not in tag
        ):
            yield child


def _wp_all(element: ET.Element, name: str) -> list[ET.Element]:
    return list(_wp_children(element, name))


def _wp(element: ET.Element, name: str) -> str:
    child = next(_wp_children(element, name), None)
    return (child.text or "").strip() if child is not None else ""


def _excerpt_ns(item: ET.Element) -> str:
    for child in item:
        if "/excerpt/}" in child.tag:
            return child.tag.rsplit("}", 1)[0] + "}"
    return "{http://wordpress.org/export/1.2/excerpt/}"


# Shared ------------------------------------------------------------------


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _iso_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=UTC)
