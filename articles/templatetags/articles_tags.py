import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.navigation import menu_sections

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
