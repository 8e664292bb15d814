"""A blog post's HTML turned into our body blocks.

Blog HTML is a loose run of paragraphs, line breaks, wrapped images and
caption tables. It is read into a small tree, then walked at the top level:
text gathers into rich-text blocks (sanitised later by RichText itself), each
image becomes an image block, and the lines that credit an image or the
article's source are taken out of the text and put where they belong.
"""

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

# Contents dropped entirely: code, styling and embeds are not text.
DROPPED = {"script", "style", "noscript", "iframe", "object", "embed", "template"}
VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area"}
BLOCK = {
    "p", "div", "figure", "table", "tbody", "tr", "td", "th", "ul", "ol", "li",
    "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "center",
    "pre", "hr", "dl", "thead", "caption",
}  # fmt: skip
# "Image Credit: Google", "Photo: Reuters", "Picture by Jane Doe", "© AFP".
CREDIT = re.compile(
    r"^(?:(?:image|photo|picture|pic|photograph|illustration)\s*(?:credit)?s?"
    r"|credits?)\s*(?:[:\uff1a\-\u2013\u2014]|\bby\b)\s*(?P<who>.+?)\s*\.?$"
    r"|^[©]\s*(?P<copy>.+?)\s*\.?$",
    re.IGNORECASE,
)
# "(Courtesy: Al-Jazeera)" or "Source: Reuters" as the closing line.
SOURCE = re.compile(
    r"^\(?\s*(?:courtesy|source|via)\s*[:\uff1a\-\u2013\u2014]?\s*(?P<who>.+?)\s*\.?\s*\)?\s*\.?$",
    re.IGNORECASE,
)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    def text(self) -> str:
        """The node's visible text, spaces (non-breaking ones too) collapsed."""
        return plain(self.raw_text())

    def raw_text(self) -> str:
        return "".join(
            child if isinstance(child, str) else child.raw_text()
            for child in self.children
        )

    def images(self) -> list["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                found.extend([child] if child.tag == "img" else child.images())
        return found

    def html(self) -> str:
        """The node written out again; RichText's sanitiser decides what stays."""
        inner = "".join(
            escape(child, quote=False) if isinstance(child, str) else child.html()
            for child in self.children
        )
        if self.tag == "#root":
            return inner
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in self.attrs.items())
        return (
            f"<{self.tag}{attrs}>"
            if self.tag in VOID
            else (f"<{self.tag}{attrs}>{inner}</{self.tag}>")
        )

    def lines(self) -> list[str]:
        """The text split where a reader sees a new line (br or a block)."""
        lines, current = [], []

        def walk(node):
            for child in node.children:
                if isinstance(child, str):
                    current.append(child)
                elif child.tag == "br" or child.tag in BLOCK:
                    lines.append("".join(current))
                    current.clear()
                    walk(child)
                    lines.append("".join(current))
                    current.clear()
                else:
                    walk(child)

        walk(self)
        lines.append("".join(current))
        return [plain(line) for line in lines if plain(line)]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            self.dropping += 1
            return
        if self.dropping:
            return
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and tag not in DROPPED and not self.dropping:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag in VOID:
            return
        # Close up to the matching open tag; a stray end tag is ignored.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if not self.dropping:
            self.stack[-1].children.append(data)


def parse_html(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def plain(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Text:
    html: str


@dataclass
class Picture:
    src: str
    alt: str
    caption: str = ""
    credit: str = ""


@dataclass
class Body:
    blocks: list[Text | Picture] = field(default_factory=list)
    source_name: str = ""
    source_url: str = ""
    guesses: list[str] = field(default_factory=list)

    @property
    def pictures(self) -> list[Picture]:
        return [block for block in self.blocks if isinstance(block, Picture)]

    def first_paragraph(self) -> str:
        for block in self.blocks:
            if isinstance(block, Text) and (text := parse_html(block.html).text()):
                return text
        return ""


def convert_body(html: str) -> Body:
    """Blocks for a post's HTML, its credits and source line taken out of the text."""
    body = Body()
    pending: list[Node | str] = []  # inline content still to become a paragraph

    def flush():
        while pending and (
            (isinstance(pending[-1], str) and not pending[-1].strip())
            or (isinstance(pending[-1], Node) and pending[-1].tag == "br")
        ):
            pending.pop()
        paragraph = Node("p", children=list(pending))
        pending.clear()
        if paragraph.text():
            body.blocks.append(Text(paragraph.html()))

    for child in _top_level(parse_html(html.replace("\r\n", "\n"))):
        if isinstance(child, Node) and child.images():
            flush()
            _add_pictures(body, child)
        elif isinstance(child, Node) and child.tag in BLOCK:
            flush()
            if child.text() and not _credit_after_picture(body, child):
                body.blocks.append(Text(child.html()))
        elif isinstance(child, Node) and child.tag == "br" and _ends_paragraph(pending):
            flush()
        else:
            pending.append(child)
    flush()
    _take_source_line(body)
    return body


def _top_level(root: Node) -> list:
    """The root's children, with wrappers that only hold blocks opened up."""
    flat = []
    for child in root.children:
        if (
            isinstance(child, Node)
            and child.tag in ("div", "section", "article", "center")
            and not child.images()
            and any(isinstance(c, Node) and c.tag in BLOCK for c in child.children)
        ):
            flat.extend(_top_level(child))
        else:
            flat.append(child)
    return flat


def _ends_paragraph(pending: list) -> bool:
    """A second line break in a row: Blogger's way of starting a paragraph."""
    tail = [
        item for item in pending if not (isinstance(item, str) and not item.strip())
    ]
    return bool(tail) and isinstance(tail[-1], Node) and tail[-1].tag == "br"


def _add_pictures(body: Body, node: Node) -> None:
    """Image blocks for each image in `node`; its other lines caption them."""
    lines = node.lines()
    for image in node.images():
        src = image.attrs.get("src", "")
        if not src:
            continue
        picture = Picture(src=src, alt=plain(image.attrs.get("alt", "")))
        picture.alt = picture.alt or plain(image.attrs.get("title", ""))
        _caption(picture, lines)
        body.blocks.append(picture)


def _caption(picture: Picture, lines: list[str]) -> None:
    caption = []
    for line in lines:
        if match := _credit(line):
            picture.credit = match
        elif (split := _split_credit(line)) is not None:
            caption.append(split[0])
            picture.credit = split[1]
        else:
            caption.append(line)
    picture.caption = " ".join(caption)


def _credit(line: str) -> str:
    match = CREDIT.match(line)
    return (match.group("who") or match.group("copy")) if match else ""


def _split_credit(line: str) -> tuple[str, str] | None:
    """'Boats in the harbour. Photo: Reuters' -> the caption and the credit."""
    sentences = re.split(r"(?<=[.!?])\s+", line)
    if len(sentences) > 1 and (credit := _credit(sentences[-1])):
        return " ".join(sentences[:-1]), credit
    return None


def _credit_after_picture(body: Body, node: Node) -> bool:
    """Take a caption and credit written as the paragraph right under an image.

    Only a paragraph with a credit line counts: an ordinary paragraph after a
    picture stays text.
    """
    if not body.blocks or not isinstance(body.blocks[-1], Picture):
        return False
    picture = body.blocks[-1]
    if picture.credit or node.tag not in ("p", "div"):
        return False
    lines = node.lines()
    if len(lines) > 3 or not any(
        _credit(line) or _split_credit(line) for line in lines
    ):
        return False
    before = picture.caption
    _caption(picture, lines)
    picture.caption = plain(f"{before} {picture.caption}")
    return True


def _take_source_line(body: Body) -> None:
    """A closing '(Courtesy: Al-Jazeera)' line says where the article came from."""
    texts = [block for block in body.blocks if isinstance(block, Text)]
    if not texts:
        return
    last = texts[-1]
    node = parse_html(last.html)
    paragraphs = [c for c in node.children if isinstance(c, Node)] or [node]
    lines = paragraphs[-1].lines()
    if not lines or not (match := SOURCE.match(lines[-1])):
        return
    body.source_name = match.group("who").strip("() ")
    links = [n for n in _descendants(paragraphs[-1]) if n.tag == "a"]
    if links and links[-1].attrs.get("href", "").startswith(("http://", "https://")):
        body.source_url = links[-1].attrs["href"]
    if len(lines) == 1:
        paragraphs[-1].children.clear()
    else:
        _drop_last_line(paragraphs[-1])
    remaining = node.html() if node.text() else ""
    if remaining:
        last.html = remaining
    else:
        body.blocks.remove(last)


def _drop_last_line(node: Node) -> None:
    """Cut the children after the last line break (the source line)."""
    for index in range(len(node.children) - 1, -1, -1):
        child = node.children[index]
        if isinstance(child, Node) and child.tag == "br":
            del node.children[index:]
            return


def _descendants(node: Node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from _descendants(child)


def missing_credit_note(src: str) -> str:
    return _("no credit line under the image %(src)s") % {"src": src}
