"""Cursor pagination (patterns/pagination): `limit` and an opaque `cursor` in, `items` and `nextCursor` out."""
import base64
import json
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from fastapi import Query

from .problems import ERRORS, Problem


class PageRequest:
    """The query parameters every list operation takes."""

    def __init__(
        self,
        limit: int = Query(20, ge=1, le=100, description="How many items to return (1 to 100)."),
        cursor: Optional[str] = Query(None, description="The `nextCursor` of the previous page; omit it for the first page."),
    ):
        self.limit = limit
        self.cursor = cursor


def encode_cursor(position: Dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(position, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, keys: Sequence[str]) -> Dict[str, Any]:
    """A cursor the client did not get from us is a 400 problem, not an empty page."""
    try:
        position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(position, dict) or any(not isinstance(position.get(key), str) for key in keys):
            raise ValueError("cursor lacks its keys")
        return position
    except ValueError as error:
        raise Problem(400, f"{ERRORS}/invalid-cursor", "The cursor is not valid", "Pass back the nextCursor of a previous page.") from error


def paginate(rows: List[Any], page: PageRequest, key: Callable[[Any], Tuple[str, ...]], keys: Sequence[str]) -> Tuple[List[Any], Optional[str]]:
    """One page of `rows` (sorted by `key`) after the cursor's position; fetching one more than asked tells whether another page exists."""
    if page.cursor is not None:
        position = decode_cursor(page.cursor, keys)
        after = tuple(position[name] for name in keys)
        rows = [row for row in rows if key(row) > after]
    window = rows[: page.limit + 1]
    items = window[: page.limit]
    next_cursor = encode_cursor(dict(zip(keys, key(items[-1])))) if len(window) > page.limit and items else None
    return items, next_cursor
