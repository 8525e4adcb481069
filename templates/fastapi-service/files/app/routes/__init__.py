"""Every module here with a `router` is part of the API: `wayfinder new endpoint` adds one module per operation."""
import importlib
import pkgutil
from typing import List

from fastapi import APIRouter


def discover_routers() -> List[APIRouter]:
    routers = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda found: found.name):
        router = getattr(importlib.import_module(f"{__name__}.{module.name}"), "router", None)
        if isinstance(router, APIRouter):
            routers.append(router)
    return routers
