"""Rendering pages: the Jinja templates, the error page (or JSON error under ``/api/``) and the words
the templates use (votes, claims, names).

>>> pages = Pages()
>>> "<h1>" in pages.env.get_template("error.html").render(path="/x", status_code=404, kind="not_found", detail="no")
True
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from unsc.record.decision import RecordedDecision
from unsc.rules.wording import with_article
from unsc.web import adapters
from unsc.web.store_cache import decision_json

__all__ = ["VOTE_WORDS", "Pages", "claim_words", "is_api", "other_names", "vote_context"]

HERE = Path(__file__).resolve().parent
VOTE_WORDS = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}


def is_api(request: Request) -> bool:
    """Whether the request is to the JSON API (errors in JSON) rather than a page (errors as a page)."""
    return request.url.path.startswith("/api/")


class Pages:
    """The templates, with the filters and globals every page uses."""

    def __init__(self) -> None:
        env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
        env.globals.update(vote_words=VOTE_WORDS, member_name=adapters.member_name)
        env.filters["member_name"] = adapters.member_name
        env.filters["the"] = with_article
        env.filters["claim_words"] = claim_words
        self.env = env

    def render(self, request: Request, name: str, path: str | None = None, **ctx: Any) -> str:
        """A template rendered with the request and its path (the navigation marks the current page)."""
        return self.env.get_template(name).render(request=request, path=path or request.url.path, **ctx)

    def page(self, request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        """A page as an HTML response."""
        return HTMLResponse(self.render(request, name, **ctx), status_code=status)

    def error(
        self, request: Request, status: int, kind: str, detail: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        """An error: JSON ``{"detail", "error"}`` under ``/api/``, the error page elsewhere."""
        if is_api(request):
            return JSONResponse({"detail": detail, "error": kind}, status_code=status, headers=headers)
        response = self.page(request, "error.html", status=status, status_code=status, kind=kind, detail=detail)
        response.headers.update(headers or {})
        return response


_YES_NO = {
    "veto": ("vetoed", "did not veto"),
    "unanimous": ("unanimous", "not unanimous"),
    "procedural": ("procedural (no veto)", "not procedural"),
    "adopted": ("adopted", "not adopted"),
}
_VOTE_CLAIMS = {"yes": "in favour", "no": "against", "abstain": "abstained", "absent": "absent"}


def claim_words(value: Any, field: str, member: str | None = None) -> str:
    """A news check's claimed or recorded value in words: never a bare ``True``/``False``.

    >>> claim_words(True, "veto"), claim_words(False, "unanimous"), claim_words(True, "other")
    ('vetoed', 'not unanimous', 'yes')
    >>> claim_words("abstain", "vote"), claim_words("USA", "sponsor", "USA"), claim_words(None, "yes")
    ('abstained', 'United States', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _YES_NO.get(field, ("yes", "no"))[0 if value else 1]
    if field == "vote" and isinstance(value, str):
        return _VOTE_CLAIMS.get(value, value)
    if member and value == member:
        return adapters.member_name(member)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def other_names(member: Mapping[str, Any]) -> list[str]:
    """The other names a member is recorded under, each once and properly cased (a source's capitals
    read "CHINA" beside "China").

    >>> other_names({"name": "China", "names": ["CHINA", "China", "Republic of China"]})
    ['Republic of China']
    """
    from unsc.analysis.stats import proper_name

    seen = {str(member.get("name") or "").casefold()}
    out = []
    for n in member.get("names") or []:
        shown = proper_name(str(n))
        if shown.casefold() not in seen:
            seen.add(shown.casefold())
            out.append(shown)
    return out


def vote_context(decision: RecordedDecision) -> dict[str, Any]:
    """What the vote page shows: the roll call grouped by vote, and the headline and tally of the record's
    typed decision (never re-derived from its row)."""
    d = decision_json(decision)
    groups: dict[str, list[dict[str, Any]]] = {"Y": [], "N": [], "A": [], "X": []}
    for v in d["votes"]:
        groups.setdefault(v.get("vote") or "X", []).append(v)
    headline = decision.headline
    if decision.adopted and decision.resolution:
        headline += f" as resolution {decision.resolution}"
    tally = decision.tally if not decision.without_vote and decision.tally != "unknown" else None
    return {"d": d, "groups": groups, "headline": headline, "tally": tally}
