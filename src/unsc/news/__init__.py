"""Check news reports of Council votes against the record.

:func:`extract_claims` reads a text (plain or HTML) and finds its claims about a Council vote;
:func:`check` matches them to a decision in the record and gives each a verdict (``supported``,
``contradicted`` with the recorded value, ``unverifiable`` with the reason).

>>> from unsc.news import check, extract_claims
>>> extract_claims("The weather in New York was fine.").claims
[]
"""

from unsc.news.check import Report, check, consistency, match
from unsc.news.extract import Claim, Extraction, extract_claims
from unsc.news.lookup import MemoryRecord, RecordLike
from unsc.news.report import CheckedClaim, MatchedDecision, ReportStatus, Verdict
from unsc.news.text import Article, read_article

check_text = check

__all__ = [
    "Article",
    "CheckedClaim",
    "Claim",
    "Extraction",
    "MatchedDecision",
    "MemoryRecord",
    "RecordLike",
    "Report",
    "ReportStatus",
    "Verdict",
    "check",
    "check_text",
    "consistency",
    "extract_claims",
    "match",
    "read_article",
]
