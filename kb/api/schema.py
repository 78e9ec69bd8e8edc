"""The OpenAPI description of the API, made to say what the API really does.

drf-spectacular documents only the 200 response by default; the API also
answers 400 (a filter value it cannot read), 404 (no such object, or a page
past the end) and 429 (throttled). Declaring them keeps the schema honest, so
that schemathesis can hold every response to it.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema


class KbAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        from kb.api.serializers import ErrorSerializer

        responses = super()._get_response_bodies(direction)
        if self.method != "GET":
            return responses
        codes = {
            "400": "A query parameter has a value the API cannot use.",
            "404": "No such object, or a page past the end of the list.",
            "429": "Too many requests; retry after the Retry-After header's seconds.",
        }
        if not self._is_list_view():
            del codes["400"]
        for code, description in codes.items():
            body = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            body["description"] = description
            responses.setdefault(code, body)
        return responses
