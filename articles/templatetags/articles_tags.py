import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.navigation import menu_sections
from newsroom import fragments

register = template.Library()


@register.inclusion_tag("includes/section_menu.html", takes_context=True)
def section_menu(context):
    """The site's sections, marking the one the reader is in."""
    current = context.get("section") or getattr(context.get("article"), "section", None)
    return {
        "sections": menu_sections(),
        "current": getattr(current, "slug", None),
    }


# What must not appear raw inside a <script> element, whatever the data says.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """Structured data as a JSON-LD <script>, safe for any text inside it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),
    )


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's one address: no query string but the page number past 1."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        return fragments.rendered(
            context["request"],
            self.name.resolve(context),
            [part.resolve(context) for part in self.parts],
            lambda: self.nodelist.render(context),
        )


@register.tag
def fragment(parser, token):
    """{% fragment "name" part ... %}: kept rendered for every reader.

    The parts name what the fragment shows (an article's id, say); see
    newsroom/fragments.py for how long it is kept.
    """
    name, *parts = token.split_contents()[1:]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        parser.compile_filter(name),
        [parser.compile_filter(part) for part in parts],
    )
