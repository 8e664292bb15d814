"""Property-based: no generated input gets script through our two HTML makers.

Readers' comments are escaped and linked by `comment_html`; editors' rich
text is cleaned by nh3 through django-prose-editor. Whatever goes in, no
script element, event handler or javascript: URL may come out.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.models import RichText
from comments.templatetags.comments_tags import comment_html
from tests.html import active_content

TAGS = ["script", "img", "a", "svg", "iframe", "p", "h2", "ol", "li", "style", "object"]
ATTRIBUTES = ["onerror", "onclick", "onload", "href", "src", "style", "type"]
VALUES = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "alert(1)",
    "https://example.org/",
    '"><script>alert(1)</script>',
]


@st.composite
def hostile_html(draw):
    """Markup made of the pieces attacks are made of, nested and unclosed."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.builds(
                    lambda tag, attr, value, text: f'<{tag} {attr}="{value}">{text}',
                    st.sampled_from(TAGS),
                    st.sampled_from(ATTRIBUTES),
                    st.sampled_from(VALUES),
                    st.text(max_size=20),
                ),
                st.sampled_from([f"</{tag}>" for tag in TAGS]),
                st.sampled_from(VALUES),
                st.text(max_size=30),
            ),
            max_size=12,
        )
    )
    return "".join(pieces)


@given(text=st.one_of(hostile_html(), st.text()))
@settings(max_examples=300, deadline=None)
def test_comment_html_never_lets_script_through(text):
    assert active_content(str(comment_html(text))) == []


@given(html=hostile_html())
@settings(max_examples=200, deadline=None)
def test_rich_text_sanitiser_never_lets_script_through(html):
    cleaned = RichText._meta.get_field("text").sanitize(html)

    assert active_content(cleaned) == []
