"""Reading pages as a browser would, for assertions about their markup."""

from html.parser import HTMLParser


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag in the page, with its attributes."""
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def active_content(html: str) -> list[str]:
    """What in a page could run script: script elements, on* handlers, js: URLs."""
    found = []
    for tag, attrs in elements(html):
        if tag == "script":
            found.append(f"<script {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if value.strip().lower().startswith("javascript:"):
                found.append(f"<{tag} {name}={value}>")
    return found
