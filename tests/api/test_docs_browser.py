"""The API docs page works in a real browser, with nothing fetched from elsewhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_swagger_ui_renders_the_schema_offline(page, shot, live_server):
    own_host = urlsplit(live_server.url).netloc
    foreign: list[str] = []

    def only_our_server(route):
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", only_our_server)
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock-tag")
    tags = {t.strip() for t in page.locator(".opblock-tag span").all_inner_texts()}
    assert {"articles", "actors", "countries", "claims", "mentions", "stances", "roles"} <= tags
    shot("api-docs")
    assert foreign == []
