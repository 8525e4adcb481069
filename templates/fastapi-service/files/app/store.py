"""Where the {{resources}} live: in memory here, behind the functions a database-backed store would keep."""
import threading
import uuid
from datetime import datetime, timezone
from typing import Dict, List, Optional


class Store:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._rows: Dict[str, dict] = {}
        self._idempotency: Dict[str, tuple] = {}

    def ping(self) -> bool:
        """Readiness: whether the store can serve (a database would run SELECT 1)."""
        return True

    def insert(self, fields: dict) -> dict:
        row = {"id": str(uuid.uuid4()), "createdAt": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), **fields}
        with self._lock:
            self._rows[row["id"]] = row
        return row

    def get(self, row_id: str) -> Optional[dict]:
        return self._rows.get(row_id)

    def all(self) -> List[dict]:
        """Every row, oldest first (by creation time, then id): the order pages follow."""
        return sorted(self._rows.values(), key=lambda row: (row["createdAt"], row["id"]))

    def remember(self, key: str, fingerprint: str, create) -> tuple:
        """Runs `create` once per idempotency key; returns (row, fingerprint the key was first used with)."""
        with self._lock:
            if key not in self._idempotency:
                self._idempotency[key] = (create(), fingerprint)
            return self._idempotency[key]


store = Store()
