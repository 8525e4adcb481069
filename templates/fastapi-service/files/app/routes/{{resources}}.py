"""The {{resources}} collection: list (paged by cursor), create (idempotent) and read one."""
import hashlib
import json
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, Depends, Header, Response
from pydantic import BaseModel, Field

from ..auth import authenticate
from ..models import StrictModel
from ..pagination import PageRequest, paginate
from ..problems import ERRORS, Problem, problem_responses
from ..store import store

router = APIRouter(tags=["{{resources}}"], dependencies=[Depends(authenticate)])


class New{{pascal resource}}(StrictModel):
    name: str = Field(..., min_length=1, max_length=200, description="What the {{resource}} is called.")
    quantity: int = Field(0, ge=0, description="How many there are.")


class {{pascal resource}}(BaseModel):
    id: str
    name: str
    quantity: int
    createdAt: str = Field(..., description="When it was created, RFC 3339 in UTC.")


class {{pascal resource}}Page(BaseModel):
    items: List[{{pascal resource}}]
    nextCursor: Optional[str] = Field(..., description="Pass as `cursor` for the next page; null on the last one.")


@router.get(
    "/{{resources}}",
    operation_id="list{{pascal resources}}",
    summary="List {{resources}}",
    response_model={{pascal resource}}Page,
    responses=problem_responses(400, 401, 422),
)
def list_{{resources}}(page: PageRequest = Depends()) -> Dict[str, Any]:
    items, next_cursor = paginate(store.all(), page, key=lambda row: (row["createdAt"], row["id"]), keys=("createdAt", "id"))
    return {"items": items, "nextCursor": next_cursor}


@router.post(
    "/{{resources}}",
    operation_id="create{{pascal resource}}",
    summary="Create a {{resource}}",
    status_code=201,
    response_model={{pascal resource}},
    responses=problem_responses(401, 422),
)
def create_{{resource}}(
    body: New{{pascal resource}},
    response: Response,
    idempotency_key: str = Header(..., alias="Idempotency-Key", min_length=8, max_length=200, description="A UUID per logical request, reused on retries."),
) -> Dict[str, Any]:
    # patterns/idempotency-keys: a retry with the same key and body gets the first answer; another body is a 422.
    fields = body.dict() if not hasattr(body, "model_dump") else body.model_dump()
    fingerprint = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
    row, first_fingerprint = store.remember(idempotency_key, fingerprint, lambda: store.insert(fields))
    if first_fingerprint != fingerprint:
        raise Problem(422, f"{ERRORS}/idempotency-key-reused", "The Idempotency-Key was used with another body")
    response.headers["Location"] = f"/{{resources}}/{row['id']}"
    return row


@router.get(
    "/{{resources}}/{ {{~resource}}Id}",
    operation_id="get{{pascal resource}}",
    summary="Get a {{resource}}",
    response_model={{pascal resource}},
    responses=problem_responses(401, 404, 422),
)
def get_{{resource}}({{resource}}Id: str) -> Dict[str, Any]:
    row = store.get({{resource}}Id)
    if row is None:
        raise Problem(404, f"{ERRORS}/not-found", "No such {{resource}}", "There is no {{resource}} " + {{resource}}Id + ".")
    return row
