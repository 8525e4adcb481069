"""The application: problem handlers, request logs, deprecation headers, health, and every router in app/routes."""
from fastapi import FastAPI

from . import health
from .deprecation import install_deprecation_headers
from .log import configure_logging, install_request_log
from .problems import PROBLEM_SCHEMA, install_problem_handlers
from .routes import discover_routers

VERSION = "0.1.0"


def create_app() -> FastAPI:
    configure_logging()
    app = FastAPI(title="{{title}}", version=VERSION, description="{{description}}")
    install_problem_handlers(app)
    install_request_log(app)
    install_deprecation_headers(app)
    app.include_router(health.router)
    for router in discover_routers():
        app.include_router(router)

    generate = app.openapi

    def openapi() -> dict:
        # Error responses refer to the Problem schema, which no Pydantic model declares: add it once.
        if app.openapi_schema is None:
            schema = generate()
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


app = create_app()
