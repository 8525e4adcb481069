"""Test setup: a real RSA key pair, its JWKS served over HTTP on a free local port (as the Identity API
would serve it), and the app configured to trust it. Tokens are signed here, per test."""
import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "https://identity.test"
AUDIENCE = "{{name}}"
KEY_ID = "test-key"
PRIVATE_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
_jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(PRIVATE_KEY.public_key()))
JWKS = json.dumps({"keys": [{**_jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"}]}).encode()


class _JwksHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(JWKS)

    def log_message(self, *args) -> None:
        pass


_server = ThreadingHTTPServer(("127.0.0.1", 0), _JwksHandler)
threading.Thread(target=_server.serve_forever, daemon=True).start()
os.environ.update(
    JWT_ISSUER=ISSUER,
    JWT_AUDIENCE=AUDIENCE,
    JWKS_URL=f"http://127.0.0.1:{_server.server_address[1]}/.well-known/jwks.json",
)

from fastapi.testclient import TestClient  # noqa: E402

from app.main import app  # noqa: E402


def sign(claims=None, key=PRIVATE_KEY, algorithm="RS256", kid=KEY_ID) -> str:
    now = int(time.time())
    payload = {"iss": ISSUER, "aud": AUDIENCE, "sub": "user-1", "iat": now, "exp": now + 300, **(claims or {})}
    return jwt.encode({k: v for k, v in payload.items() if v is not None}, key, algorithm=algorithm, headers={"kid": kid})


@pytest.fixture
def client() -> TestClient:
    return TestClient(app)


@pytest.fixture
def auth() -> dict:
    return {"Authorization": f"Bearer {sign()}"}


@pytest.fixture
def new_key() -> str:
    return str(uuid.uuid4())
