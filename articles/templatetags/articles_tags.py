from django import template

from articles.models import Section

register = template.Library()


@register.inclusion_tag("includes/section_menu.html", takes_context=True)
def section_menu(context):
    """The site's sections, marking the one the reader is in."""
    current = context.get("section") or getattr(context.get("article"), "section", None)
    return {
        "sections": Section.objects.all(),
        "current": getattr(current, "slug", None),
    }
