"""Documents, once for every GET under /v1, what web/caching.py, web/formats.py and errors.py do:
conditional request headers, ETag/Last-Modified/Cache-Control/X-Request-ID on answers, 304, 400,
404 (paths with an id), 406, and text/csv where ?format=csv is offered. An apispec plugin, so no
view can forget a status code that schemathesis would then flag.
"""
from __future__ import annotations

from apispec import BasePlugin

PROBLEM = "application/problem+json"
NO_NUL = "^[^\\u0000]*$"
HEADER = "#/components/headers/"

HEADERS = {
    "ETag": {"description": "Strong validator of this answer: the data revision plus the request. "
                            "Send it back in If-None-Match to get a 304 while nothing changed.",
             "schema": {"type": "string"}, "example": '"3f1c2a9b0d4e5f60718293a4b5c6d7e8"'},
    "Last-Modified": {"description": "When the data last changed (absent before the first load)",
                      "schema": {"type": "string"}, "example": "Mon, 28 Apr 2025 10:00:00 GMT"},
    "Cache-Control": {"description": "Caches may keep the answer but must revalidate it",
                      "schema": {"type": "string"}, "example": "public, no-cache"},
    "X-Request-ID": {"description": "The request's id: the one sent in X-Request-ID, or a new one",
                     "schema": {"type": "string"}, "example": "4bf92f3577b34da6a3ce929d0e0e4736"},
    "Link": {"description": 'RFC 8288 link to the next page: <URL>; rel="next" (absent on the last page)',
             "schema": {"type": "string"},
             "example": '<http://127.0.0.1:8000/v1/figures?cursor=WyJpZCIsNTBd>; rel="next"'},
}
PARAMETERS = {
    "IfNoneMatch": {"in": "header", "name": "If-None-Match", "required": False,
                    "description": "An ETag from an earlier answer; 304 when it still matches",
                    "schema": {"type": "string"}, "example": '"3f1c2a9b0d4e5f60718293a4b5c6d7e8"'},
    "IfModifiedSince": {"in": "header", "name": "If-Modified-Since", "required": False,
                        "description": "An HTTP date; 304 when the data has not changed since "
                                       "(ignored when If-None-Match is sent)",
                        "schema": {"type": "string"}, "example": "Mon, 28 Apr 2025 10:00:00 GMT"},
    "XRequestID": {"in": "header", "name": "X-Request-ID", "required": False,
                   "description": "Your id for this request (1-128 of A-Z a-z 0-9 _ . : -), echoed back",
                   "schema": {"type": "string"}, "example": "dashboard-poll-42"},
}
PROBLEMS = {
    "400": ("Bad Request: an unknown parameter or a bad value; detail names it",
            {"type": "https://httpstatuses.io/400", "title": "Bad Request", "status": 400,
             "detail": "Invalid parameter: per_page", "instance": "/v1/figures",
             "errors": {"query": {"per_page": ["Must be greater than or equal to 1 and less than or "
                                               "equal to 500."]}}}),
    "404": ("Not Found: no item with this id",
            {"type": "https://httpstatuses.io/404", "title": "Not Found", "status": 404,
             "detail": "No actor 'atlantis'", "instance": "/v1/actors/atlantis"}),
    "406": ("Not Acceptable: the Accept header asks for a format this resource cannot give",
            {"type": "https://httpstatuses.io/406", "title": "Not Acceptable", "status": 406,
             "detail": "This resource answers application/json", "instance": "/v1/actors"}),
}


def _refs(*names: str) -> dict:
    return {name: {"$ref": HEADER + name} for name in names}


class HttpConventionsPlugin(BasePlugin):
    def init_spec(self, spec):
        for name, header in HEADERS.items():
            spec.components.header(name, header)
        for name, parameter in PARAMETERS.items():
            spec.components.parameter(name, parameter["in"], parameter)

    def operation_helper(self, path=None, operations=None, **kwargs):
        if not (path or "").startswith("/v1/"):
            return
        for method, operation in operations.items():
            if method == "get":
                self._document_get(path, operation)

    @staticmethod
    def _document_get(path: str, operation: dict) -> None:
        parameters = operation.setdefault("parameters", [])
        for parameter in parameters:    # guards.py refuses a NUL character in any parameter: say so
            schema = parameter.get("schema", {}) if isinstance(parameter, dict) else {}
            if schema.get("type") == "string" and not {"pattern", "enum", "format"} & set(schema):
                schema["pattern"] = NO_NUL
        parameters.extend(PARAMETERS)   # by component name; apispec writes the $ref
        responses = operation["responses"]
        ok = next(value for key, value in responses.items() if str(key) == "200")
        ok.setdefault("headers", {}).update(_refs("ETag", "Last-Modified", "Cache-Control", "X-Request-ID"))
        ok["headers"]["ETag"] = {**HEADERS["ETag"], "required": True}
        if "links" in str(ok.get("content", {}).get("application/json", {}).get("schema", "")) \
                or any(isinstance(p, dict) and p.get("name") == "per_page" for p in parameters):
            ok["headers"].update(_refs("Link"))
        if any(isinstance(p, dict) and p.get("name") == "format" for p in parameters):
            ok["content"]["text/csv"] = {
                "schema": {"type": "string", "description": "A header row, then one row per item; "
                                                            "nested fields flattened (speaker.id), lists "
                                                            "joined with ;"},
                "example": "id,value,unit,metric,qualifier,subject.id,subject.name\n"
                           "3,12000.0,people,troops_deployed,approximately,north-korea,North Korea\n"}
        responses["304"] = {"description": "Not Modified: the data has not changed since your ETag "
                                           "or date; no body",
                            "headers": _refs("ETag", "Last-Modified", "Cache-Control", "X-Request-ID")}
        for code, (description, example) in PROBLEMS.items():
            if code == "404" and "{" not in path:
                continue
            responses[code] = {"description": description, "headers": _refs("X-Request-ID"),
                               "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"},
                                                     "example": example}}}
