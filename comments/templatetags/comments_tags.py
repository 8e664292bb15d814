from django import template
from django.conf import settings
from django.utils.html import Urlizer, linebreaks
from django.utils.safestring import SafeString, mark_safe

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


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article):
    """The conversation under an article, and the form to join it."""
    request = context["request"]
    comments = list(
        Comment.objects.for_thread(article, also_pending=pending_comment_ids(request))
    )
    replying_to = _replying_to(request, comments)
    is_open = comments_are_open(article)
    return {
        "article": article,
        "threads": build_threads(comments),
        "is_open": is_open,
        "form": CommentForm(
            article=article, initial={"parent": replying_to}, shared=True
        )
        if is_open
        else None,
        "replying_to": replying_to,
        "max_depth": settings.COMMENTS_MAX_DEPTH,
        "request": request,
    }


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
