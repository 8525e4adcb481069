"""openapi.yaml is the contract (ADR 2): the app must serve exactly the operations it declares, with the
same parameters, request bodies, responses, security and schema properties. Edit the document first,
then the code; this test names every place they disagree."""
from pathlib import Path

import yaml

from app.main import app

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
CONTRACT = yaml.safe_load((Path(__file__).resolve().parent.parent / "openapi.yaml").read_text())


def resolve(document: dict, node):
    while isinstance(node, dict) and "$ref" in node:
        target = document
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def ref_name(node) -> str:
    return node.get("$ref", "").rsplit("/", 1)[-1] if isinstance(node, dict) else ""


def operations(document: dict) -> dict:
    shape = {}
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            parameters = [resolve(document, p) for p in item.get("parameters", []) + operation.get("parameters", [])]
            body = resolve(document, operation.get("requestBody"))
            responses = {}
            for status, response in operation.get("responses", {}).items():
                content = resolve(document, response).get("content", {})
                responses[str(status)] = {media: ref_name(value.get("schema", {})) for media, value in content.items()}
            security = operation.get("security", document.get("security", []))
            shape[(method.upper(), path)] = {
                "operationId": operation.get("operationId"),
                "parameters": sorted((p["in"], p["name"], bool(p.get("required", False))) for p in parameters),
                "body": body and {"required": bool(body.get("required")), "content": {m: ref_name(v.get("schema", {})) for m, v in body.get("content", {}).items()}},
                "responses": responses,
                "security": sorted(name for requirement in security for name in requirement),
            }
    return shape


def test_the_app_serves_the_operations_the_contract_declares():
    served, declared = operations(app.openapi()), operations(CONTRACT)
    assert sorted(served) == sorted(declared), "operations differ"
    for key in declared:
        assert served[key] == declared[key], f"{key[0]} {key[1]} differs"


def test_schemas_have_the_same_properties_and_required_fields():
    served = app.openapi()["components"]["schemas"]
    for name, schema in CONTRACT["components"]["schemas"].items():
        assert name in served, f"the app declares no schema {name}"
        assert sorted(served[name].get("properties", {})) == sorted(schema.get("properties", {})), f"{name}: properties differ"
        assert sorted(served[name].get("required", [])) == sorted(schema.get("required", [])), f"{name}: required fields differ"


def test_the_contract_and_the_app_agree_on_title_and_version():
    assert app.openapi()["info"]["title"] == CONTRACT["info"]["title"]
    assert app.openapi()["info"]["version"] == CONTRACT["info"]["version"]
