"""One JSON object per line on stdout, one line per request (patterns/health-and-observability); never tokens."""
import json
import logging
import sys
import time

from fastapi import FastAPI, Request


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {"level": record.levelname.lower(), "time": self.formatTime(record), "event": getattr(record, "event", record.getMessage())}
        for field in ("method", "path", "status", "ms", "trace_id"):
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line)


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("app")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False


def install_request_log(app: FastAPI) -> None:
    log = logging.getLogger("app")

    @app.middleware("http")
    async def log_request(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        # The trace id from W3C traceparent (version-traceid-spanid-flags), so a line joins its trace.
        parts = request.headers.get("traceparent", "").split("-")
        log.info(
            "request",
            extra={
                "event": "http.request",
                "method": request.method,
                "path": request.url.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "trace_id": parts[1] if len(parts) == 4 else None,
            },
        )
        return response
