"""{{summary}} ({{upper method}} {{path}}): a stub from the fastapi-endpoint template. Replace its body
with the real work; the contract test keeps it and openapi.yaml in step."""
from typing import Any, Dict{{#if list}}, List, Optional{{/if}}

from fastapi import APIRouter{{#if (takesBody method)}}, Body{{/if}}, Depends
{{#if list}}
from pydantic import BaseModel, Field
{{/if}}

from ..auth import authenticate
{{#if list}}
from ..pagination import PageRequest
{{/if}}
from ..problems import {{#unless list}}ERRORS, Problem, {{/unless}}problem_responses

router = APIRouter(tags=["{{tag}}"], dependencies=[Depends(authenticate)])
{{#if list}}


class {{pascal operationId}}Page(BaseModel):
    items: List[Dict[str, Any]]
    nextCursor: Optional[str] = Field(..., description="Pass as `cursor` for the next page; null on the last one.")
{{/if}}


@router.{{method}}(
    "{{path}}",
    operation_id="{{operationId}}",
    summary="{{summary}}",
{{#if list}}
    response_model={{pascal operationId}}Page,
    responses=problem_responses(400, 401, 422),
{{else if (or (pathParams path) (takesBody method))}}
    responses=problem_responses(401, 422, 501),
{{else}}
    responses=problem_responses(401, 501),
{{/if}}
)
def {{snake operationId}}(
{{#each (pathParams path)}}
    {{this}}: str,
{{/each}}
{{#if (takesBody method)}}
    body: Dict[str, Any] = Body(...),
{{/if}}
{{#if list}}
    page: PageRequest = Depends(),
{{/if}}
) -> Dict[str, Any]:
{{#if list}}
    return {"items": [], "nextCursor": None}
{{else}}
    raise Problem(501, f"{ERRORS}/not-implemented", "Not implemented yet", "{{operationId}} is a stub: write it in app/routes/{{snake operationId}}.py")
{{/if}}
