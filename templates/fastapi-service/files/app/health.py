"""Liveness and readiness (patterns/health-and-observability): live says the process runs, ready that it can serve."""
from typing import Callable, Dict

from fastapi import APIRouter
from pydantic import BaseModel

from .problems import ERRORS, Problem, problem_responses
from .store import store

router = APIRouter(tags=["health"])

# Each dependency the service needs to serve, by name; readiness fails naming the ones that fail.
CHECKS: Dict[str, Callable[[], bool]] = {"store": store.ping}


class Health(BaseModel):
    status: str


@router.get("/health/live", operation_id="getLiveness", summary="Whether the process is up", response_model=Health)
def live() -> Dict[str, str]:
    return {"status": "ok"}


@router.get("/health/ready", operation_id="getReadiness", summary="Whether it can serve", response_model=Health, responses=problem_responses(503))
def ready() -> Dict[str, str]:
    failed = []
    for name, check in CHECKS.items():
        try:
            if not check():
                failed.append(name)
        except Exception:  # a check that raises is a failed check, reported by name
            failed.append(name)
    if failed:
        raise Problem(503, f"{ERRORS}/unavailable", "Not ready", "Failing checks: " + ", ".join(failed))
    return {"status": "ok"}
