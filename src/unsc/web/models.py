"""The API's request and response models (they make the OpenAPI document) and its error responses.

>>> BallotIn(date="2024-03-25", yes=["FRA"]).date
datetime.date(2024, 3, 25)
>>> CouncilIn(size=15, threshold=9, vetos_needed=1)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for CouncilIn
vetos_needed
  Extra inputs are not permitted [type=extra_forbidden, input_value=1, input_type=int]
...
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from unsc.web.inputs import body_day

__all__ = [
    "BAD_INPUT",
    "ERRORS",
    "BadInputError",
    "BallotIn",
    "CheckIn",
    "CouncilIn",
    "DecisionOut",
    "DecisionPage",
    "DecisionSummary",
    "Error",
    "ValidationProblem",
    "VoteRow",
]

Str100 = Annotated[str, Field(max_length=100)]


class Error(BaseModel):
    """An error: what went wrong, in words."""

    detail: str
    error: str = Field(description="not_found, bad_input or unavailable")


class VoteRow(BaseModel):
    member: str
    member_name: str | None = None
    permanent: bool | None = None
    vote: str = Field(description="Y, N, A or X")


class DecisionSummary(BaseModel):
    decision_id: str
    date: str | None = None
    meeting: str | None = None
    draft: str | None = None
    resolution: str | None = None
    title: str | None = None
    kind: str | None = None
    adopted: bool | None = None
    failure_reason: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    vetoed_by: list[str] = []
    headline: str | None = Field(default=None, description="the outcome in words, as the vote page says it")
    tally: str | None = Field(default=None, description="yes-no-abstain, or 'without a vote', 'unknown'")


class DecisionOut(DecisionSummary):
    explanation: str | None = None
    rule_adopted: bool | None = None
    rule_agrees: bool | None = None
    votes: list[VoteRow] = []
    documents: list[dict[str, str]] = []


class DecisionPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DecisionSummary]


class CouncilIn(BaseModel):
    """A reform model: any size, threshold and veto holders."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently ignored

    size: int = Field(ge=1, le=200)
    threshold: int = Field(ge=1, le=200)
    permanent: list[Str100] = Field(default=[], max_length=200)
    vetoes_needed: int = Field(default=1, ge=1, le=200)


class BallotIn(BaseModel):
    """A hypothetical vote: members (codes or names) by vote, on a date or in a custom Council."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently ignored

    date: dt.date | None = Field(default=None, description="the Council of this date decides (default rules)")
    yes: list[Str100] = Field(default=[], max_length=200)
    no: list[Str100] = Field(default=[], max_length=200)
    abstain: list[Str100] = Field(default=[], max_length=200)
    absent: list[Str100] = Field(default=[], max_length=200)
    not_participating: list[Str100] = Field(default=[], max_length=200)
    kind: str = Field(default="draft_resolution", max_length=60)
    voting_class: Literal["procedural", "non_procedural", "special"] | None = None
    interpretation: Literal["practice", "charter_literal"] = "practice"
    council: CouncilIn | None = None

    _date = field_validator("date", mode="before")(body_day)


class CheckIn(BaseModel):
    """A news text to check against the record."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently ignored

    text: str = Field(min_length=1, max_length=50_000)
    date: dt.date | None = Field(default=None, description="the report's date, if the text gives none")

    _date = field_validator("date", mode="before")(body_day)


class ValidationProblem(BaseModel):
    """One problem with the request, as pydantic found it (a long input is not echoed back)."""

    model_config = ConfigDict(extra="allow")

    type: str
    loc: list[str | int] = Field(description="where: query, path or body, then the field")
    msg: str
    input: Any = Field(default=None, description="the value given; a text over 200 characters is summarised")


class BadInputError(Error):
    """A 422: ``detail`` says what is wrong in words; ``errors`` (when the request's shape is wrong) lists
    each problem, at most 20."""

    errors: list[ValidationProblem] | None = Field(default=None, max_length=20)


BAD_INPUT: dict[int | str, dict[str, Any]] = {
    422: {"model": BadInputError, "description": "bad input: a value out of range, of the wrong form or unknown"}
}

ERRORS: dict[int | str, dict[str, Any]] = {
    **BAD_INPUT,
    404: {"model": Error, "description": "nothing by that name in the record"},
    503: {"model": Error, "description": "the store is missing or cannot be opened"},
}


def body_of(model: type[BaseModel], path: str, method: str = "post") -> dict[str, Any]:
    """OpenAPI ``requestBody`` for a route that validates its JSON body itself (``model.model_validate_json``):
    the model's schema inline, its nested models under its own ``$defs`` and referenced there by a JSON pointer
    from the document's root (so the document needs no components for them).

    >>> s = body_of(BallotIn, "/api/decide")["requestBody"]["content"]["application/json"]["schema"]
    >>> s["title"], s["properties"]["council"]["anyOf"][0]["$ref"]
    ('BallotIn', '#/paths/~1api~1decide/post/requestBody/content/application~1json/schema/$defs/CouncilIn')
    """
    here = f"#/paths/{path.replace('~', '~0').replace('/', '~1')}/{method}/requestBody/content/application~1json/schema"
    schema = model.model_json_schema(ref_template=here + "/$defs/{model}")
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}
