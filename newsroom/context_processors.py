from django.conf import settings


def site(request):
    """The paper's name, for the masthead and page titles. Never queries."""
    return {"site_name": settings.NEWSROOM_SITE_NAME}
