from fastapi.testclient import TestClient

from app import deprecation
from app.main import create_app


def test_a_deprecated_operation_says_so_and_when_it_goes(monkeypatch):
    app = create_app()

    @app.get("/old", operation_id="getOld", deprecated=True)
    def old():
        return {"ok": True}

    client = TestClient(app)
    assert client.get("/old").headers["deprecation"] == "true"
    assert "sunset" not in client.get("/old").headers
    monkeypatch.setitem(deprecation.SUNSETS, "getOld", ("2026-12-31", "https://wayfinder.tidewater.example/docs/guides/moving-on"))
    response = client.get("/old")
    assert response.headers["sunset"] == "Thu, 31 Dec 2026 00:00:00 GMT"
    assert response.headers["link"] == '<https://wayfinder.tidewater.example/docs/guides/moving-on>; rel="deprecation"'


def test_other_operations_carry_no_deprecation_headers(client):
    response = client.get("/health/live")
    assert "deprecation" not in response.headers and "sunset" not in response.headers
