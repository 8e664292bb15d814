from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)
from django_ratelimit.core import is_ratelimited

from articles.models import Article
from comments import notifications, tokens
from comments.forms import CommentForm
from comments.models import Comment
from comments.policy import comments_are_open
from comments.services import comment_post, comment_report, comments_unsubscribe

# The ids of comments this browser posted that still await moderation, in a
# signed cookie: a reader who comments needs no session, no row of their own.
PENDING_COOKIE = "comments_pending"
PENDING_KEPT = 20


def pending_comment_ids(request) -> list[int]:
    try:
        value = request.get_signed_cookie(
            PENDING_COOKIE,
            salt=PENDING_COOKIE,
            max_age=settings.COMMENTS_PENDING_MAX_AGE,
        )
    except (KeyError, signing.BadSignature):
        return []
    return [int(pk) for pk in value.split(",") if pk.isdigit()]


def _remember_pending(request, response, comment) -> None:
    kept = [*pending_comment_ids(request), comment.pk][-PENDING_KEPT:]
    response.set_signed_cookie(
        PENDING_COOKIE,
        ",".join(map(str, kept)),
        salt=PENDING_COOKIE,
        max_age=settings.COMMENTS_PENDING_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


@never_cache
@require_GET
def form_tokens(request, article_id):
    """This reader's CSRF token and form token, for a form on a shared page."""
    article = get_object_or_404(
        Article.objects.published().for_comments(), pk=article_id
    )
    return JsonResponse({"csrf": get_token(request), "token": tokens.issue(article.pk)})


# The article page, form included, is the same for every reader (it may come
# from the page cache), so a post may arrive without this reader's CSRF token:
# when script could not fetch it, or there is no script. Such a post changes
# nothing; the reader gets their comment back, with a token, to post again.
@csrf_exempt
@require_POST
def post(request, article_id):
    article = get_object_or_404(
        Article.objects.published().for_comments(), pk=article_id
    )
    if _fails_csrf(request):
        return _form_page(
            request,
            _confirmation(request, article),
            status=403,
            problem=_(
                "Please check your comment and post it again: we ask once, to "
                "be sure it was you who sent it."
            ),
        )
    form = CommentForm(request.POST, article=article)
    if not comments_are_open(article):
        return _form_page(request, form, status=403, problem=_("Comments are closed."))
    if _posting_too_often(request):
        return _form_page(
            request,
            form,
            status=429,
            problem=_(
                "You have posted several comments in a short time. Please wait a "
                "few minutes, then post this one again: your text is below."
            ),
        )
    if not form.is_valid():
        return _form_page(request, form, status=400)
    if not tokens.consume(form.nonce):
        form.add_error(None, _("This form has already been posted."))
        form.renew_token()
        return _form_page(request, form, status=400)

    comment = comment_post(
        article=article,
        **{name: form.cleaned_data[name] for name in form.Meta.fields},
        ip=request.META.get("REMOTE_ADDR"),
        user_agent=request.headers.get("user-agent", ""),
        user=request.user if request.user.is_authenticated else None,
        is_trapped=form.is_trapped,
    )
    response = redirect(f"{article.get_absolute_url()}#{comment.anchor}")
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, _("Thanks, your comment is published."))
    else:
        _remember_pending(request, response, comment)
        messages.info(request, _("Thanks, your comment is awaiting moderation."))
    return response


def permalink(request, pk):
    """A comment's lasting address: its place on its article's page."""
    visible = Comment.objects.approved() | Comment.objects.filter(
        pk__in=pending_comment_ids(request)
    )
    comment = get_object_or_404(
        visible.filter(article__in=Article.objects.published()), pk=pk
    )
    return redirect(f"{comment.article.get_absolute_url()}#{comment.anchor}")


# A link on the article page, which every reader shares, leads here: the
# confirmation carries this reader's CSRF token.
@require_http_methods(["GET", "POST"])
def report(request, pk):
    comment = get_object_or_404(
        Comment.objects.approved().select_related("article"), pk=pk
    )
    if request.method == "GET":
        return render(request, "comments/report.html", {"comment": comment})
    if is_ratelimited(
        request,
        group="comments.report",
        key="ip",
        rate=settings.COMMENTS_REPORT_RATE,
        increment=True,
    ):
        return render(
            request,
            "comments/message.html",
            {
                "title": _("Too many reports"),
                "text": _("You have reported many comments lately. Please try later."),
                "article": comment.article,
            },
            status=429,
        )
    comment_report(comment=comment, ip=request.META.get("REMOTE_ADDR", ""))
    messages.info(request, _("Thanks for telling us. A moderator will take a look."))
    return redirect(f"{comment.article.get_absolute_url()}#{comment.anchor}")


# Mail clients unsubscribe with a bare POST (RFC 8058): the signed token in
# the address is what proves the request, and all it can do is stop emails.
@csrf_exempt
def unsubscribe(request, token):
    try:
        email = notifications.unsubscribe_email(token)
    except signing.BadSignature:
        return render(
            request,
            "comments/message.html",
            {
                "title": _("This link does not work"),
                "text": _("Please use the link from your latest email."),
            },
            status=404,
        )
    if request.method == "POST":
        comments_unsubscribe(email=email)
        return render(
            request,
            "comments/message.html",
            {
                "title": _("You are unsubscribed"),
                "text": _("We will send no more emails about replies to you."),
            },
        )
    return render(request, "comments/unsubscribe.html", {"email": email})


def _posting_too_often(request) -> bool:
    """Count this post against the address's and the email's allowance."""
    limits = [
        ("ip", settings.COMMENTS_RATE_PER_IP),
        (_email_key, settings.COMMENTS_RATE_PER_EMAIL),
    ]
    limited = [
        is_ratelimited(
            request, group="comments.post", key=key, rate=rate, increment=True
        )
        for key, rate in limits
    ]
    return any(limited)


def _email_key(group, request) -> str:
    return request.POST.get("author_email", "").strip().lower()


def _fails_csrf(request) -> bool:
    """Django's own CSRF check, made here rather than by the middleware."""
    check = CsrfViewMiddleware(lambda request: None)
    return check.process_view(request, None, (), {}) is not None


def _confirmation(request, article) -> CommentForm:
    """The reader's comment in a form of their own, ready to post again."""
    typed = {name: request.POST.get(name, "") for name in CommentForm.Meta.fields}
    token = tokens.reissue(request.POST.get("token", ""), article.pk)
    return CommentForm(article=article, initial=typed | {"token": token})


def _form_page(request, form, *, status, problem=""):
    """The reader's comment again, with what stopped it; nothing they typed is lost."""
    return render(
        request,
        "comments/form_page.html",
        {"form": form, "article": form.article, "problem": problem},
        status=status,
    )
