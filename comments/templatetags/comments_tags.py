from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import Urlizer, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from comments.forms import CommentForm
from comments.models import Comment
from comments.policy import comments_are_open
from comments.threads import build_threads
from comments.views import pending_comment_ids

register = template.Library()


class _CommentUrlizer(Urlizer):
    # Links in reader comments earn no ranking and open nothing of ours.
    url_template = '<a href="{href}" rel="nofollow ugc noopener">{url}</a>'


_urlize = _CommentUrlizer()


@register.filter
def comment_html(text: str) -> SafeString:
    """A comment's plain text as HTML: escaped, paragraphs kept, URLs linked."""
    # Safe: the urlizer escaped every character that is not part of a link.
    return mark_safe(linebreaks(_urlize(text, trim_url_limit=60, autoescape=True)))


@register.simple_tag(takes_context=True)
def comment_section(context, article) -> SafeString:
    """The conversation under an article, and the form to join it.

    As every reader without comments of their own awaiting moderation sees
    it, it is kept in the cache until the conversation or the article
    changes (see `_shared_section_key`); the form in it carries no reader's
    tokens (see comments.forms.CommentForm).
    """
    request = context["request"]
    pending = pending_comment_ids(request)
    if pending or "replyto" in request.GET:
        return _render_section(request, article, pending)
    key = _shared_section_key(article)
    section = cache.get(key)
    if section is None:
        section = _render_section(request, article, pending=[])
        cache.set(key, section, SHARED_SECTION_SECONDS)
    return section


# Well within the form token's validity (COMMENTS_FORM_MAX_AGE).
SHARED_SECTION_SECONDS = 60 * 60


def _shared_section_key(article) -> str:
    changed = [article.modified_at, article.comments_changed_at]
    version = "-".join(str(moment.timestamp()) for moment in changed if moment)
    is_open = comments_are_open(article)
    return f"comments:section:{get_language()}:{article.pk}:{version}:{is_open}"


def _render_section(request, article, pending) -> SafeString:
    comments = list(Comment.objects.for_thread(article, also_pending=pending))
    replying_to = _replying_to(request, comments)
    is_open = comments_are_open(article)
    form = (
        CommentForm(article=article, initial={"parent": replying_to}, shared=True)
        if is_open
        else None
    )
    return render_to_string(
        "comments/section.html",
        {
            "article": article,
            "threads": build_threads(comments),
            "is_open": is_open,
            "form": form,
            "replying_to": replying_to,
            "max_depth": settings.COMMENTS_MAX_DEPTH,
        },
        request=request,
    )


def _replying_to(request, comments) -> Comment | None:
    """The comment named by ?replyto=, if readers may reply to it."""
    wanted = request.GET.get("replyto", "")
    return next(
        (
            comment
            for comment in comments
            if str(comment.pk) == wanted
            and comment.status == Comment.Status.APPROVED
            and comment.depth < settings.COMMENTS_MAX_DEPTH
        ),
        None,
    )
