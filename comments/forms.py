from datetime import timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from comments import tokens
from comments.models import Comment

DUPLICATE_WINDOW_DAYS = 7


class CommentForm(forms.ModelForm):
    """A reader's comment, with the hidden checks that keep robots out."""

    token = forms.CharField(widget=forms.HiddenInput)
    # A field no person sees or fills: only robots that fill every field do.
    homepage = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = Comment
        fields = [
            "parent",
            "author_name",
            "author_email",
            "author_url",
            "body",
            "notify_on_reply",
        ]
        widgets = {
            "parent": forms.HiddenInput,
            "body": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"author_name": _("Name"), "author_email": _("Email")}
        help_texts = {
            "author_email": _("Never shown. Used only if you ask for reply emails."),
            "author_url": _("Optional."),
        }

    def __init__(self, *args, article, shared=False, **kwargs):
        """`shared`: the form is on a page kept for every reader (see helper)."""
        self.article = article
        super().__init__(*args, **kwargs)
        self.fields["author_email"].required = True
        body = self.fields["body"]
        body.validators += [
            MinLengthValidator(2),
            MaxLengthValidator(settings.COMMENTS_MAX_LENGTH),
        ]
        body.widget.attrs["maxlength"] = settings.COMMENTS_MAX_LENGTH
        if not self.is_bound and "token" not in self.initial:
            self.initial["token"] = tokens.issue(article.pk)
        self.shared = shared

    @cached_property
    def helper(self) -> FormHelper:
        """How crispy-forms lays the form out; built only when it is shown."""
        helper = FormHelper()
        helper.form_action = reverse(
            "comments:post", kwargs={"article_id": self.article.pk}
        )
        helper.form_id = "comment-form"
        helper.attrs = {"novalidate": ""}
        if self.shared:
            # No reader's CSRF token on a page every reader gets: the script
            # fetches one for the reader who starts writing; without script,
            # the post view asks the reader to confirm (comments.views.post).
            helper.disable_csrf = True
            helper.attrs["data-token-url"] = reverse(
                "comments:form-tokens", kwargs={"article_id": self.article.pk}
            )
        helper.layout = Layout(
            "parent",
            "token",
            Field("author_name", autocomplete="name"),
            Field("author_email", autocomplete="email"),
            Field("author_url", autocomplete="url"),
            "body",
            "notify_on_reply",
            Div("homepage", css_class="comment-form__trap", aria_hidden="true"),
            Submit("post", _("Post comment")),
        )
        return helper

    def clean_parent(self):
        """A reply answers an approved comment of this article, not too deep."""
        # Checked on the row the field has read rather than by narrowing the
        # field's queryset: most posts reply to nothing, and they are many.
        parent = self.cleaned_data["parent"]
        if parent is not None and not (
            parent.article_id == self.article.pk
            and parent.status == Comment.Status.APPROVED
            and parent.depth < settings.COMMENTS_MAX_DEPTH
        ):
            raise forms.ValidationError(
                self.fields["parent"].error_messages["invalid_choice"],
                code="invalid_choice",
            )
        return parent

    def clean(self):
        cleaned = super().clean()
        try:
            self.nonce = tokens.check(cleaned.get("token", ""), self.article.pk)
        except tokens.TokenError as error:
            self.renew_token()
            raise forms.ValidationError(str(error), code="token") from error
        if self._is_duplicate(cleaned):
            raise forms.ValidationError(
                _("You have already posted this comment."), code="duplicate"
            )
        return cleaned

    def renew_token(self) -> None:
        """Give the form shown again a fresh token; the reader's text stays."""
        self.data = self.data.copy()
        self.data["token"] = tokens.issue(self.article.pk)

    @property
    def is_trapped(self) -> bool:
        """Whether the hidden field was filled in: a robot, most likely."""
        return bool(self.cleaned_data.get("homepage"))

    def _is_duplicate(self, cleaned) -> bool:
        if not {"author_email", "body"} <= cleaned.keys():
            return False
        since = timezone.now() - timedelta(days=DUPLICATE_WINDOW_DAYS)
        return (
            Comment.objects.by_email(cleaned["author_email"])
            .filter(article=self.article, body=cleaned["body"], created_at__gte=since)
            .exists()
        )
