"""JWT bearer authentication (patterns/jwt-authentication): RS256 tokens from the Identity API, checked
against its published keys for issuer, audience, expiry and not-before, with 30 seconds of clock skew."""
from functools import lru_cache
from typing import Any, Dict, Optional

import jwt
from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .problems import ERRORS, Problem
from .settings import get_settings

# auto_error=False: a missing token is our 401 problem, not FastAPI's 403.
bearer = HTTPBearer(scheme_name="bearerAuth", bearerFormat="JWT", auto_error=False)


@lru_cache(maxsize=1)
def _keys() -> jwt.PyJWKClient:
    # PyJWKClient caches the key set, so a token costs a network call only when the keys are not known yet.
    return jwt.PyJWKClient(get_settings().jwks_url)


def _unauthenticated(title: str) -> Problem:
    return Problem(401, f"{ERRORS}/unauthenticated", title)


def authenticate(credentials: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> Dict[str, Any]:
    """The verified claims of the request's bearer token; a 401 problem without a valid one."""
    if credentials is None:
        raise _unauthenticated("A bearer token is required")
    settings = get_settings()
    try:
        key = _keys().get_signing_key_from_jwt(credentials.credentials)
        return jwt.decode(
            credentials.credentials,
            key.key,
            algorithms=["RS256"],  # never `none`, never a symmetric algorithm
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            leeway=30,
            options={"require": ["exp", "iss", "aud", "sub"]},
        )
    except jwt.PyJWTError as error:
        raise _unauthenticated("The token is not valid") from error
