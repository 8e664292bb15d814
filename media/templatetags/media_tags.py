from django import template

register = template.Library()


@register.inclusion_tag("media/picture.html")
def picture(image, *, crop="full", sizes="100vw", priority=False):
    """A responsive <picture> of a library image's renditions.

    `priority` marks the image a reader sees first: fetched early, never lazily.
    """
    return {
        "image": image,
        "sources": image.sources(crop),
        "sizes": sizes,
        "priority": priority,
    }
