from app import health


def test_live_needs_no_token(client):
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_reports_the_failing_check_as_a_503_problem(client, monkeypatch):
    assert client.get("/health/ready").status_code == 200
    monkeypatch.setitem(health.CHECKS, "store", lambda: False)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "store" in response.json()["detail"]
