import pytest

from tests.audit.tour import build_tour


@pytest.fixture
def tour(settings):
    settings.COMMENTS_MIN_SECONDS = 0
    return build_tour()
