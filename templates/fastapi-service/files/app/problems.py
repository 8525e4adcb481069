"""Errors as RFC 9457 problem details (patterns/error-format): one exception, one set of handlers, one shape."""
import logging
from typing import Any, Dict, List, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

ERRORS = "https://errors.tidewater.example"
PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("app")


class Problem(Exception):
    """An error a client can act on: its `type` is a stable URI clients branch on, never `detail`."""

    def __init__(self, status: int, type: str, title: str, detail: Optional[str] = None, errors: Optional[List[Dict[str, str]]] = None):
        super().__init__(detail or title)
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.errors = errors


def problem_response(problem: Problem) -> JSONResponse:
    body: Dict[str, Any] = {"type": problem.type, "title": problem.title, "status": problem.status}
    if problem.detail is not None:
        body["detail"] = problem.detail
    if problem.errors is not None:
        body["errors"] = problem.errors
    return JSONResponse(body, status_code=problem.status, media_type=PROBLEM_MEDIA_TYPE)


def _pointer(location: tuple) -> Optional[str]:
    # A JSON Pointer into the body; parameters (query, path, header) are named in the detail instead.
    if not location or location[0] != "body":
        return None
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in location[1:])


def validation_problem(exc: RequestValidationError) -> Problem:
    errors = []
    for error in exc.errors():
        location = tuple(error.get("loc", ()))
        pointer = _pointer(location)
        detail = error.get("msg", "is not valid")
        if pointer is None and len(location) > 1:
            detail = f"{location[0]} parameter {location[-1]}: {detail}"
        errors.append({"pointer": pointer, "detail": detail} if pointer is not None else {"detail": detail})
    return Problem(422, f"{ERRORS}/validation", "The request is invalid", f"{len(errors)} problem(s)", errors)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(_request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(validation_problem(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "The request failed")
        return problem_response(Problem(exc.status_code, f"{ERRORS}/http-{exc.status_code}", title))

    @app.exception_handler(Exception)
    async def on_unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # Logged in full here; the client gets a bare 500 with no stack trace, SQL or host names.
        log.exception("unhandled error", extra={"event": "request.failed"})
        return problem_response(Problem(500, f"{ERRORS}/internal", "Something went wrong"))


_DESCRIPTIONS = {
    400: "The request is malformed.",
    401: "No valid bearer token.",
    404: "Not found.",
    409: "A request with this Idempotency-Key is still in progress.",
    422: "The request is invalid: one error per problem, with a JSON Pointer into the body.",
    501: "Not implemented yet.",
    503: "Not ready: a dependency is unavailable.",
}


def problem_responses(*statuses: int) -> Dict[int, Dict[str, Any]]:
    """The error responses an operation declares, each an application/problem+json Problem."""
    content = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {status: {"description": _DESCRIPTIONS[status], "content": content} for status in statuses}


# The Problem schema as the generated OpenAPI document declares it (see main.py); tests/test_contract.py
# holds it against the one in openapi.yaml.
PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["detail"],
                "properties": {"pointer": {"type": "string"}, "detail": {"type": "string"}},
            },
        },
    },
}
