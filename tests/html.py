"""Reading pages as a browser would, for assertions about their markup."""

from html.parser import HTMLParser

from django.conf import settings


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


# Attributes whose value a browser follows or loads as an address.
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "xlink:href",
}


def _is_script_url(value: str) -> bool:
    # Browsers drop tabs, newlines and leading control characters in URLs.
    cleaned = "".join(c for c in value if c > " ").lower()
    return cleaned.startswith("javascript:")


# Script elements browsers never run: they only carry data.
DATA_BLOCKS = {"application/ld+json", "application/json"}


def active_content(html: str) -> list[str]:
    """What in a page could run script: script elements, on* handlers, js: URLs.

    Our own scripts, files among the static files, are left out.
    """
    found = []
    for tag, attrs in elements(html):
        if (
            tag == "script"
            and attrs.get("type", "") not in DATA_BLOCKS
            and not attrs.get("src", "").startswith(settings.STATIC_URL)
        ):
            found.append(f"<script {attrs}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and _is_script_url(value):
                found.append(f"<{tag} {name}={value}>")
    return found


class _FormValues(HTMLParser):
    """What a browser would submit from one form, before anyone edits it."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.values: dict[str, list[str]] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            value = attrs.get("value", "on" if checkable else "")
            self.values.setdefault(attrs["name"], []).append(value)
        elif tag == "select":
            self._select = attrs["name"]
            self.values.setdefault(self._select, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.values[self._textarea] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.values[self._textarea][0] = self.values[self._textarea][0].lstrip("\n")
            self._textarea = None


def form_values(html: str, form_id: str) -> dict[str, list[str]]:
    """The fields of form `form_id` as a browser would post them unchanged."""
    parser = _FormValues(form_id)
    parser.feed(html)
    return parser.values
