from django.http import HttpResponsePermanentRedirect

from imports.models import OldLink, normalise_path


class OldLinkRedirectMiddleware:
    """Send readers who follow a link to the old blog on to the article (301).

    Only a page that is not found is looked up, so an old address can never
    shadow one of ours, and the lookup costs nothing on pages that exist.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        old = (
            OldLink.objects.leading_to_published()
            .select_related("article")
            .filter(path=normalise_path(request.path))
            .first()
        )
        return (
            HttpResponsePermanentRedirect(old.get_absolute_url()) if old else response
        )
