"""Deprecation headers (patterns/versioning-and-deprecation): every answer of an operation marked
`deprecated=True` says so, and, once a sunset is set for it, when it goes away and where to move."""
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Dict, Tuple

from fastapi import FastAPI, Request
from fastapi.routing import APIRoute

# operationId → (the day it is switched off, the migration guide), for deprecated operations.
SUNSETS: Dict[str, Tuple[str, str]] = {}


def install_deprecation_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def deprecation_headers(request: Request, call_next):
        response = await call_next(request)
        # The router records the route it matched in the request's scope.
        route = request.scope.get("route")
        if isinstance(route, APIRoute) and route.deprecated:
            response.headers["Deprecation"] = "true"
            if route.operation_id in SUNSETS:
                day, guide = SUNSETS[route.operation_id]
                sunset = datetime.fromisoformat(day).replace(tzinfo=timezone.utc)
                response.headers["Sunset"] = format_datetime(sunset, usegmt=True)
                response.headers["Link"] = f'<{guide}>; rel="deprecation"'
        return response
