"""Newsroom's pages, and the constant page every other page is compared with."""

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as newsroom_urlpatterns

CONSTANT_BODY = b"<!doctype html><title>Constant</title><p>The same every time.</p>"


def constant(request):
    """What any page costs before its own work: the middleware and a response."""
    return HttpResponse(CONSTANT_BODY)


urlpatterns = [path("bench/constant/", constant), *newsroom_urlpatterns]
