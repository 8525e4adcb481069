import time

from cryptography.hazmat.primitives.asymmetric import rsa

from tests.conftest import sign

RESOURCE = "/{{resources}}"


def problem_status(response):
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()["status"]


def test_a_valid_token_is_accepted(client, auth):
    assert client.get(RESOURCE, headers=auth).status_code == 200


def test_no_token_is_a_401_problem(client):
    response = client.get(RESOURCE)
    assert response.status_code == 401
    assert problem_status(response) == 401


def test_tokens_that_must_be_refused(client):
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    refused = {
        "expired": sign({"exp": int(time.time()) - 120}),
        "other audience": sign({"aud": "another-service"}),
        "other issuer": sign({"iss": "https://elsewhere.test"}),
        "no subject": sign({"sub": None}),
        "signed by another key": sign(key=other_key),
        "symmetric algorithm": sign(key="a-shared-secret-of-enough-length-1234", algorithm="HS256"),
        "not a JWT": "not-a-token",
    }
    for what, token in refused.items():
        response = client.get(RESOURCE, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, what
        assert problem_status(response) == 401, what


def test_thirty_seconds_of_clock_skew_are_tolerated(client):
    token = sign({"exp": int(time.time()) - 10})
    assert client.get(RESOURCE, headers={"Authorization": f"Bearer {token}"}).status_code == 200
