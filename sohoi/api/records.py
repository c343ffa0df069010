"""Output records read by pydantic itself.

ninja's `Schema` reads a model instance through a Python wrapper (`DjangoGetter`) that resolves each field in
Python; for a list page of 50 records with 30 fields that is most of the request (32 ms of validation against
3 ms, city scale, API association list). A `Record` is a plain pydantic model with `from_attributes`: its
compiled core reads the attributes. Same JSON, same OpenAPI schema; a related value is named by
`validation_alias=AliasPath("field", "name")` instead of ninja's dotted alias (`alias="field.name"`), and there
are no `resolve_*` methods (use a model property or a Schema)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(from_attributes=True)
