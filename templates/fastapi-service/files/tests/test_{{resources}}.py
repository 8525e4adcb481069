RESOURCE = "/{{resources}}"


def create(client, auth, key, **fields):
    return client.post(RESOURCE, json={"name": "first", **fields}, headers={**auth, "Idempotency-Key": key})


def test_create_then_read(client, auth, new_key):
    created = create(client, auth, new_key, quantity=3)
    assert created.status_code == 201
    body = created.json()
    assert body["name"] == "first" and body["quantity"] == 3
    assert created.headers["location"] == f"{RESOURCE}/{body['id']}"
    assert client.get(f"{RESOURCE}/{body['id']}", headers=auth).json() == body


def test_a_retry_with_the_same_key_creates_nothing_new(client, auth, new_key):
    first = create(client, auth, new_key).json()
    again = create(client, auth, new_key)
    assert again.status_code == 201 and again.json() == first
    other_body = create(client, auth, new_key, quantity=9)
    assert other_body.status_code == 422
    assert other_body.json()["type"].endswith("/idempotency-key-reused")


def test_creating_needs_an_idempotency_key(client, auth):
    response = client.post(RESOURCE, json={"name": "x"}, headers=auth)
    assert response.status_code == 422


def test_invalid_bodies_get_every_problem_with_a_pointer(client, auth, new_key):
    response = client.post(RESOURCE, json={"name": "", "quantity": -1, "colour": "red"}, headers={**auth, "Idempotency-Key": new_key})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["type"] == "https://errors.tidewater.example/validation"
    assert sorted(error["pointer"] for error in problem["errors"]) == ["/colour", "/name", "/quantity"]


def test_an_unknown_{{resource}}_is_a_404_problem(client, auth):
    response = client.get(f"{RESOURCE}/no-such-id", headers=auth)
    assert response.status_code == 404
    assert response.json()["type"] == "https://errors.tidewater.example/not-found"


def test_pages_cover_every_{{resource}}_once(client, auth):
    import uuid

    names = {f"paged-{n}" for n in range(7)}
    for name in sorted(names):
        assert create(client, auth, str(uuid.uuid4()), name=name).status_code == 201
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get(RESOURCE, params=params, headers=auth).json()
        assert len(page["items"]) <= 3
        seen.extend((item["id"], item["name"]) for item in page["items"])
        cursor = page["nextCursor"]
        if cursor is None:
            break
    assert names <= {name for _, name in seen}
    assert len(seen) == len(set(seen)), "an item appeared on two pages"


def test_a_forged_cursor_is_a_400_problem(client, auth):
    response = client.get(RESOURCE, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=auth)
    assert response.status_code == 400
    assert response.json()["type"] == "https://errors.tidewater.example/invalid-cursor"


def test_limit_out_of_range_is_a_422_problem(client, auth):
    response = client.get(RESOURCE, params={"limit": 1000}, headers=auth)
    assert response.status_code == 422
    assert "limit" in response.json()["errors"][0]["detail"]
