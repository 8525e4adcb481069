"""Tests of {{operationId}} ({{upper method}} {{path}}); replace the stub's expectations as it gets written."""


def test_{{snake operationId}}_needs_a_token(client):
    response = client.request("{{upper method}}", "{{examplePath path}}"{{#if (takesBody method)}}, json={}{{/if}})
    assert response.status_code == 401


def test_{{snake operationId}}_answers_as_declared(client, auth):
    response = client.request("{{upper method}}", "{{examplePath path}}", headers=auth{{#if (takesBody method)}}, json={}{{/if}})
{{#if list}}
    assert response.status_code == 200
    assert response.json() == {"items": [], "nextCursor": None}
{{else}}
    assert response.status_code == 501
    assert response.headers["content-type"].startswith("application/problem+json")
{{/if}}
