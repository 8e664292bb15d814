"""How long moving in a 1,000-post blog takes: a WordPress export, imported twice.

Usage: python -m bench.imports [--posts 1000] [--comments 5]

Writes a WXR file of made-up posts (three paragraphs each, a credited image
in every fifth, `--comments` comments a post with replies two deep, some
pending and some spam) to a temporary directory, then imports it into a
throwaway test database (a SQLite file under var/bench/, or a test database
beside DATABASE_URL's on PostgreSQL) with production settings, without
fetching images. It prints the counts and the seconds, then the seconds of a
second run of the same file, which must add nothing.
"""

import argparse
import io
import json
import os
import secrets
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from bench.server import VAR, in_process_environment

os.environ.update(in_process_environment())

CATEGORIES = ["Roads", "Schools", "Council", "Weather", "Culture"]
TAGS = ["bridges", "budget", "flooding", "libraries", "buses", "farms"]
STATUSES = ["1"] * 8 + ["0", "spam"]


def main():
    options = _arguments()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    VAR.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(
            VAR / f"imports-{secrets.token_hex(4)}.sqlite3"
        )
    test_name = connection.creation.create_test_db(verbosity=0)
    try:
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "blog.xml"
            path.write_text(_wxr(options.posts, options.comments), "utf-8")
            first, output = _timed(call_command, "import_wordpress", path)
            second, again = _timed(call_command, "import_wordpress", path)
            counts = _counts()
    finally:
        connection.creation.destroy_test_db(test_name, verbosity=0)
    # The counts; the guesses that follow them name every held post.
    print(output.split("Guessed")[0].rstrip())
    print(
        f"{connection.vendor}, {options.posts} posts, "
        f"{options.posts * options.comments} comments: imported in {first:.1f} s "
        f"({options.posts / first:.0f} posts a second); again in {second:.1f} s, "
        f"adding nothing: {'yes' if 'already imported' in again else 'NO'}"
    )
    print(f"in the database: {counts}")
    result = {
        "database": connection.vendor,
        "posts": options.posts,
        "comments": options.posts * options.comments,
        "seconds": round(first, 2),
        "again_seconds": round(second, 2),
        "counts": counts,
    }
    (VAR / f"imports-{connection.vendor}.json").write_text(json.dumps(result, indent=2))


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=5)
    return parser.parse_args()


def _timed(command, *args):
    out = io.StringIO()
    began = time.perf_counter()
    command(*args, stdout=out)
    return time.perf_counter() - began, out.getvalue()


def _counts() -> dict[str, int]:
    from articles.models import Article, Section, Tag
    from comments.models import Comment
    from imports.models import OldLink
    from media.models import Image

    models = (Article, Section, Tag, Image, Comment, OldLink)
    return {model.__name__: model.objects.count() for model in models}


def _wxr(posts: int, comments: int) -> str:
    items = "\n".join(_item(n, comments) for n in range(1, posts + 1))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Gazette</title><link>https://bench.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>
<wp:author><wp:author_login>desk</wp:author_login>
<wp:author_display_name>Bench Desk</wp:author_display_name></wp:author>
{items}
</channel></rss>"""


def _item(n: int, comments: int) -> str:
    day = f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
    paragraphs = "".join(
        f"<p>Paragraph {p} of story {n}: the council met about the "
        f"bridge,&nbsp;the buses and the budget for the coming year.</p>"
        for p in range(3)
    )
    if n % 5 == 0:
        paragraphs += (
            f'<figure><img src="https://bench.example.org/img/{n}.jpg" '
            f'alt="Picture {n}"/><figcaption>Scene {n}. Photo: Bench Wire'
            "</figcaption></figure>"
        )
    body = escape(paragraphs)
    threads = "".join(_comment(n, c) for c in range(comments))
    return f"""<item><title>Story number {n} about the valley</title>
<link>https://bench.example.org/{day.replace("-", "/")}/story-{n}/</link>
<dc:creator>desk</dc:creator><content:encoded>{body}</content:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date_gmt>{day} 08:00:00</wp:post_date_gmt>
<wp:post_name>story-{n}</wp:post_name>
<wp:status>{"draft" if n % 10 == 0 else "publish"}</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category">{CATEGORIES[n % len(CATEGORIES)]}</category>
<category domain="post_tag">{TAGS[n % len(TAGS)]}</category>
{threads}</item>"""


def _comment(post: int, index: int) -> str:
    comment_id = post * 100 + index
    parent = comment_id - 1 if index % 3 else 0
    return f"""<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>
<wp:comment_author>Reader {index}</wp:comment_author>
<wp:comment_date_gmt>2023-06-01 10:{index:02d}:00</wp:comment_date_gmt>
<wp:comment_content>Comment {index} on story {post}.</wp:comment_content>
<wp:comment_approved>{STATUSES[(post + index) % len(STATUSES)]}</wp:comment_approved>
<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"""


if __name__ == "__main__":
    main()
