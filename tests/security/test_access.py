"""Who may do what: CSRF, brute-force throttling, the admin, and the editors' rights."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def staff_user(db) -> User:
    return User.objects.create_user("staff", password=PASSWORD, is_staff=True, is_superuser=True)


def login_post(client: Client, username: str, password: str):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.9",
    )


@pytest.mark.django_db
def test_admin_login_without_csrf_token_is_refused(staff_user: User) -> None:
    client = Client(enforce_csrf_checks=True)
    response = login_post(client, "staff", PASSWORD)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_admin_login_with_csrf_token_works(staff_user: User) -> None:
    """The positive control for the test above: the token is all that was missing."""
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("admin:login"))
    token = page.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        reverse("admin:login"),
        {"username": "staff", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


@pytest.mark.django_db
def test_admin_login_is_throttled_after_repeated_failures(staff_user: User) -> None:
    client = Client()
    statuses = [
        login_post(client, "staff", "wrong password").status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # The form again, with an error, until the failure that reaches the limit.
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert statuses[-1] in {403, 429}
    locked = login_post(client, "staff", PASSWORD)
    assert locked.status_code in {403, 429}
    assert "_auth_user_id" not in client.session
    # The failing address is locked for every username too...
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    assert login_post(client, "other", PASSWORD).status_code in {403, 429}
    # ...but the editor still gets in from elsewhere: a stranger's failures
    # cannot lock an editor out.
    elsewhere = login_post_from(Client(), "staff", PASSWORD, "198.51.100.7")
    assert elsewhere.status_code == 302


def login_post_from(client: Client, username: str, password: str, address: str):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/claims/claim/", "/admin/auth/user/"])
def test_readers_cannot_see_the_admin(client: Client, path: str) -> None:
    anonymous = client.get(path)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("admin:login"))

    User.objects.create_user("reader", password=PASSWORD)
    client.force_login(User.objects.get(username="reader"))
    logged_in = client.get(path)
    assert logged_in.status_code == 302  # not staff: back to the login page
    assert logged_in["Location"].startswith(reverse("admin:login"))


def _group_member(name: str, group: str) -> User:
    try:
        found = Group.objects.get(name=group)
    except Group.DoesNotExist:
        pytest.skip(f"no {group!r} group: its migration (kb/claims/migrations) is not in yet")
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(found)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/", "/admin/auth/group/add/"],
)
def test_editors_cannot_manage_users(client: Client, path: str) -> None:
    editor = _group_member("ed", "Editors")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200  # they do reach the admin
    assert client.get(path).status_code == 403
    assert not editor.has_perm("auth.change_user")
    assert not editor.has_perm("auth.add_user")


@pytest.mark.django_db
def test_editors_curate_the_knowledge_base(client: Client) -> None:
    editor = _group_member("ed", "Editors")
    client.force_login(editor)
    assert client.get("/admin/claims/claim/").status_code == 200
    assert editor.has_perm("claims.change_claim")
    assert not editor.has_perm("claims.delete_claim")  # deprecated, never deleted


@pytest.mark.django_db
def test_reviewers_alone_verify() -> None:
    editor = _group_member("ed", "Editors")
    reviewer = _group_member("rev", "Reviewers")
    assert reviewer.has_perm("claims.verify_claim")
    assert not editor.has_perm("claims.verify_claim")
