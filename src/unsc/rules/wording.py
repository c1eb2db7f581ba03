"""How the Council's facts are said in English: one place for names with their article, lists of
members and tallies, so the rules' explanations, the record's pages, the news check and live sessions
say them alike.

>>> with_article("Russian Federation"), with_article("China"), with_article("United Kingdom")
('the Russian Federation', 'China', 'the United Kingdom')
>>> name_list(["China", "the Russian Federation"]), name_list(["France"]), name_list([])
('China and the Russian Federation', 'France', '')
>>> tally_text(11, 3, 1)
'11-3-1'
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["name_list", "tally_text", "with_article"]

_WITH_THE_WORDS = ("Republic", "Islands", "Emirates", "Kingdom", "States", "Federation")
_WITH_THE_NAMES = frozenset(
    {"Bahamas", "Comoros", "Congo", "Gambia", "Maldives", "Netherlands", "Niger", "Philippines", "Sudan", "USSR",
     "Holy See", "United Kingdom", "United States"}
)  # fmt: skip


def with_article(name: str) -> str:
    """A state's name as running text says it, with "the" where English (and the UN) uses it.

    >>> with_article("Democratic Republic of the Congo"), with_article("USSR"), with_article("Algeria")
    ('the Democratic Republic of the Congo', 'the USSR', 'Algeria')
    """
    if name in _WITH_THE_NAMES or name.split(" ")[-1] in _WITH_THE_WORDS or " of " in name or "Republic" in name:
        return "the " + name
    return name


def name_list(names: Iterable[str]) -> str:
    """Names joined as a list: "A", "A and B", "A, B and C".

    >>> name_list(["France", "the United Kingdom", "the United States"])
    'France, the United Kingdom and the United States'
    """
    out = list(names)
    if len(out) <= 1:
        return "".join(out)
    return ", ".join(out[:-1]) + " and " + out[-1]


def tally_text(yes: int, no: int, abstain: int) -> str:
    """A tally as the UN writes it: in favour, against, abstentions.

    >>> tally_text(13, 0, 2)
    '13-0-2'
    """
    return f"{yes}-{no}-{abstain}"
