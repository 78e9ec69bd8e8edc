"""Query parameters never cause a 500, whatever their value.

Hypothesis throws names and values at every public page and API list that
takes no path argument (found by walking the URL configuration, so pages
added later are fuzzed too): search text with FTS and SQL syntax, NUL bytes,
huge and negative page numbers, impossible dates, unknown ordering fields,
repeated keys. The site may answer 200, 3xx, 400 or 404, never 5xx.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SKIP_PREFIXES = ("admin/", "api/schema/", "api/docs/")

PARAM_NAMES = [
    "q",
    "search",
    "page",
    "page_size",
    "o",
    "ordering",
    "kind",
    "status",
    "source",
    "actor",
    "country",
    "speaker",
    "tag",
    "published_after",
    "published_before",
    "date_after",
    "date_before",
    "format",
    "limit",
    "offset",
    "cursor",
    "on",
    "date",
]

NASTY = [
    "",
    "0",
    "-1",
    "1e309",
    "99999999999999999999999",
    "2019-02-30",
    "9999-12-31",
    "0000-00-00",
    "\x00",
    "a\x00b",
    "' OR 1=1 --",
    '"',
    '"unterminated',
    "*",
    "NEAR(a b)",
    "a AND OR NOT",
    "^",
    "(",
    "%",
    "_",
    "\\",
    "-name",
    "name,-mentions,??",
    "__proto__",
    "<script>alert(1)</script>",
    "Guaidó",
    "x" * 2000,
    "\ud7ff\ufffd\U0001f600",
    "csv",
    "json",
    "api",
    "VE",
    "ve",
    "zz",
]


def public_paths() -> list[str]:
    found: list[str] = []

    def walk(patterns: list, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                if "<" in route or "(?" in route or route.startswith(SKIP_PREFIXES):
                    continue
                found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


PATHS = public_paths()
values = st.sampled_from(NASTY) | st.text(max_size=40) | st.integers().map(str)
params = st.lists(
    st.tuples(st.sampled_from(PARAM_NAMES) | st.text(min_size=1, max_size=10), values),
    max_size=5,
)


def test_the_fuzzed_pages_include_the_public_lists() -> None:
    assert {"/", "/articles/", "/search/"} <= set(PATHS)


@pytest.mark.django_db
@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("KB_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=st.sampled_from(PATHS), query=params)
def test_query_parameters_never_cause_a_server_error(
    imported_seeds, path: str, query: list[tuple[str, str]]
) -> None:
    # A fresh client each time: no session, cookies or throttling carried over.
    client = Client(raise_request_exception=True)
    response = client.get(f"{path}?{urlencode(query)}")
    assert response.status_code < 500, (path, query, response.status_code)
