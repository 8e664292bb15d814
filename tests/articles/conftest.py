import pytest
from django.contrib.auth.models import Group

from tests.articles.factories import AuthorFactory


def _member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer(django_user_model):
    user = _member(django_user_model, "writer", "Writers")
    AuthorFactory(name="Wren Writer", user=user)
    return user


@pytest.fixture
def other_writer(django_user_model):
    return _member(django_user_model, "other", "Writers")


@pytest.fixture
def editor(django_user_model):
    return _member(django_user_model, "editor", "Editors")


@pytest.fixture
def moderator(django_user_model):
    return _member(django_user_model, "moderator", "Moderators")
