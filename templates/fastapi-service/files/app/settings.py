"""Settings from the environment, read once, so a wrong value fails at start-up rather than at first use."""
import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    jwt_issuer: str
    jwt_audience: str
    jwks_url: str


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    issuer = os.environ.get("JWT_ISSUER", "https://identity.tidewater.example")
    jwks_url = os.environ.get("JWKS_URL", issuer.rstrip("/") + "/.well-known/jwks.json")
    if not jwks_url.startswith(("https://", "http://")):
        raise RuntimeError("JWKS_URL must be an http(s) URL")
    return Settings(jwt_issuer=issuer, jwt_audience=os.environ.get("JWT_AUDIENCE", "{{name}}"), jwks_url=jwks_url)
