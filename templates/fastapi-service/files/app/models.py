"""The base of every request body: unknown fields are refused, not silently dropped (patterns/validation-at-the-boundary)."""
import pydantic
from pydantic import BaseModel

if int(pydantic.VERSION.split(".")[0]) >= 2:

    class StrictModel(BaseModel):
        model_config = pydantic.ConfigDict(extra="forbid")

else:  # Pydantic 1 (Debian 12's python3-pydantic), whose ConfigDict is only a type

    class StrictModel(BaseModel):  # type: ignore[no-redef]
        class Config:
            extra = "forbid"
