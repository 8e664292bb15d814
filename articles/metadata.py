"""What machines read about a page: social cards and schema.org structured data.

Built from the models here, so templates only render it: Open Graph and
Twitter tags from a `SocialCard`, JSON-LD from plain dicts.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class SocialCard:
    title: str
    description: str
    type: str = "website"
    image_url: str = ""
    image_alt: str = ""
    published: object = None
    modified: object = None
    section: str = ""
    tags: list[str] = field(default_factory=list)


def article_card(article, request) -> SocialCard:
    image = _with_absolute_url(_image_source(article.lead_image), request)
    return SocialCard(
        title=article.headline,
        description=article.description,
        type="article",
        image_url=image.get("contentUrl", ""),
        image_alt=article.lead_image.alt_text if article.lead_image else "",
        published=article.pub_date,
        modified=article.updated_at or article.pub_date,
        section=article.section.name if article.section else "",
        tags=[tag.name for tag in article.tags.all()],
    )


def news_article(article, request) -> dict:
    """schema.org NewsArticle, with Google's image licence properties."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.description,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": _iso(article.pub_date),
        "dateModified": _iso(article.updated_at or article.pub_date),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in article.byline
        ],
        "publisher": publisher(request),
        "keywords": [tag.name for tag in article.tags.all()],
        "image": [
            _with_absolute_url(image, request) for image in _credited_images(article)
        ],
    }
    if article.section:
        data["articleSection"] = article.section.name
    if article.source_name:
        data["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": article.source_name,
            **({"url": article.source_url} if article.source_url else {}),
        }
    if corrections := list(article.corrections.all()):
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": _iso(correction.created_at),
            }
            for correction in corrections
        ]
    return data


def image_object(image, *, caption="") -> dict:
    """schema.org ImageObject, its contentUrl site-relative as stored bodies need."""
    data = {
        "@type": "ImageObject",
        **_image_source(image),
        "caption": caption or image.caption,
        "creditText": image.credit,
    }
    if image.copyright_notice:
        data["copyrightNotice"] = image.copyright_notice
    if image.licence_page:
        data["license"] = image.licence_page
    if acquire := image.licence_url or image.credit_url:
        data["acquireLicensePage"] = acquire
    return data


def publisher(request) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static("img/logo.png")),
            "width": 600,
            "height": 60,
        },
    }


def breadcrumbs(request, trail: list[tuple[str, str]]) -> dict:
    """schema.org BreadcrumbList from (name, path) pairs, front page first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(
                [(_("Front page"), "/"), *trail], start=1
            )
        ],
    }


def _credited_images(article) -> list[dict]:
    """Every image the article shows: the lead image, then the body's as stored."""
    lead = (
        [image_object(article.lead_image, caption=article.lead_caption)]
        if article.lead_image
        else []
    )
    return lead + article.body_images


def _image_source(image) -> dict:
    sources = image.sources("full") if image else None
    if sources is None:
        return {}
    return {
        "contentUrl": sources.fallback_url,
        "width": sources.width,
        "height": sources.height,
    }


def _with_absolute_url(image: dict, request) -> dict:
    if "contentUrl" not in image:
        return image
    return {**image, "contentUrl": request.build_absolute_uri(image["contentUrl"])}


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
