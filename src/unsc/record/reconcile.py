"""Make a decision's member votes and its tally agree, by the authority of each source.

The Library's yearly "Meetings & Outcomes" tables (``dhl_meetings``) are the official secondary
record of tallies; member rows come from the UN Digital Library (``undl_csv``, official;
``undl_wide``, a third-party scrape of it), Voting-Agent or the Tong sample. When the rows and
the official tally disagree, :func:`reconcile` tries, in this order, the explanations that the
data can prove, and never guesses beyond them:

1. **Yes and No swapped**: the rows count ``a-b-c`` and the table ``b-a-c`` (S/2019/962): the
   source's Yes and No columns are exchanged; they are swapped back.
2. **Members missing from the rows** (a source that lists only members that voted): when the
   table's counts exceed the rows' in one category only, by exactly the number of seated
   members the rows leave out, those members cast that vote (S/2020/797: Russia's No).
3. **Non-participation coded as abstention**: the table has fewer abstentions and as many more
   non-voting seats (``14-0-0`` against ``14-0-1``, res. 338 (1973)). The abstainers the table
   names as not participating, or all of them when the difference is all of them, or the
   People's Republic of China during its practice of not participating (1971-1981) when it is
   the one to recode, become ``present_not_participating``.
4. **A typo in the table** (S/2022/431, ``13-0-2`` for ``13-2-0``): the rows add up to the
   seats, and the vetoers the table itself names voted No in the rows while the table's tally
   has fewer No votes than vetoers: the rows and the named voters decide.
5. Anything else: when the rows are the official file's (``undl_csv``), the rows win; otherwise
   the table wins and the rows are **withheld** (served nowhere, kept whole in ``conflicts``),
   so that no decision serves counts that differ from its member rows.

>>> r = reconcile({"USA": "Y", "CHN": "A"}, (1, 0, 0), size=2, official_source="dhl_meetings",
...               votes_source="undl_wide", date=dt.date(1973, 10, 22))
>>> r.votes["CHN"], r.not_participating, r.tally
('X', ('CHN',), (1, 0, 0))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = ["PRC_NON_PARTICIPATION", "Reconciled", "counts", "reconcile"]

#: The People's Republic of China's practice of not participating in votes it disagreed with
#: (peacekeeping and Middle East texts among them), from taking the seat to the end of 1981.
#: Used only to say *which* abstainer the Library's table counts as not participating when it
#: counts exactly one fewer abstention than the member rows and China is among the abstainers.
PRC_NON_PARTICIPATION: tuple[dt.date, dt.date] = (dt.date(1971, 10, 25), dt.date(1981, 12, 31))


def counts(votes: Mapping[str, str]) -> tuple[int, int, int]:
    """The (yes, no, abstain) of member votes coded ``Y``/``N``/``A``/``X``.

    >>> counts({"USA": "Y", "RUS": "N", "CHN": "A", "DZA": "X"})
    (1, 1, 1)
    """
    return (
        sum(v == "Y" for v in votes.values()),
        sum(v == "N" for v in votes.values()),
        sum(v == "A" for v in votes.values()),
    )


@dataclass(frozen=True)
class Reconciled:
    """Member votes and tally that agree, and what was done to make them agree."""

    votes: dict[str, str]
    tally: tuple[int, int, int]
    not_participating: tuple[str, ...] = ()
    withheld: bool = False
    #: one line per change: ``(field, before, after, reason)``
    changes: tuple[tuple[str, str, str, str], ...] = ()
    #: why the rows and the official tally still disagree (rows kept: the official file's), or None
    disagreement: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _fmt(t: tuple[int, int, int]) -> str:
    return "-".join(map(str, t))


def reconcile(
    votes: Mapping[str, str],
    official: tuple[int, int, int] | None,
    *,
    size: int,
    official_source: str | None,
    votes_source: str | None,
    date: dt.date,
    filled: Iterable[str] = (),
    named_not_participating: Iterable[str] = (),
    named_vetoers: Iterable[str] = (),
) -> Reconciled:
    """Member votes and tally that agree (see the module docstring for the order of the rules).

    ``filled`` are the members the rows' source left out, filled in as ``X``; ``named_*`` are what
    the official outcome text says in words.

    >>> r = reconcile({"CHN": "Y", "RUS": "Y", "USA": "N"}, (1, 2, 0), size=3, official_source="dhl_meetings",
    ...               votes_source="voting_agent", date=dt.date(2019, 12, 20))
    >>> r.votes, r.changes[0][0]
    ({'CHN': 'N', 'RUS': 'N', 'USA': 'Y'}, 'votes')
    """
    rows = dict(votes)
    named_np = [m for m in named_not_participating if m in rows]
    np_ = [m for m in named_np if rows[m] == "X"]  # the table names them: they were present and did not vote
    counted = counts(rows)
    if official is None or counted == official:
        return Reconciled(rows, counted, tuple(sorted(np_)))
    case = _Case(
        rows,
        counted,
        official,
        size,
        official_source,
        votes_source,
        date,
        list(filled),
        named_np,
        np_,
        list(named_vetoers),
    )
    for explain in _EXPLANATIONS:
        done = explain(case)
        if done is not None:
            return done
    return _unresolved(case)


@dataclass
class _Case:
    """Member rows and an official tally that disagree, with what the sources say besides."""

    rows: dict[str, str]
    counted: tuple[int, int, int]
    official: tuple[int, int, int]
    size: int
    official_source: str | None
    votes_source: str | None
    date: dt.date
    filled: list[str]
    named_np: list[str]
    np_: list[str]
    named_vetoers: Iterable[str] = ()

    @property
    def src(self) -> str:
        return f"{self.official_source} {_fmt(self.official)}"

    def rows_kept(self, why: str) -> Reconciled:
        """The rows stand and the table's tally is reported as overruled."""
        return Reconciled(
            self.rows,
            self.counted,
            tuple(sorted(self.np_)),
            changes=(("tally", _fmt(self.official), _fmt(self.counted), why),),
        )


def _swapped_yes_no(c: _Case) -> Reconciled | None:
    """1. The rows count ``a-b-c``, the table ``b-a-c``: Yes and No are swapped back."""
    (y, n, a), official = c.counted, c.official
    if official != (n, y, a) or y == n:
        return None
    swapped = {m: {"Y": "N", "N": "Y"}.get(v, v) for m, v in c.rows.items()}
    why = (
        f"the member rows of {c.votes_source} count {_fmt(c.counted)}, the Library's table ({c.src}) the same "
        "with Yes and No exchanged: the source's Yes and No are swapped, and are swapped back"
    )
    return Reconciled(
        swapped,
        counts(swapped),
        tuple(sorted(c.np_)),
        changes=(("votes", f"{c.votes_source} {_fmt(c.counted)}", _fmt(official), why),),
    )


def _left_out_members(c: _Case) -> Reconciled | None:
    """2. The table has more votes in one category by exactly the members the rows leave out."""
    missing = [m for m in c.filled if c.rows.get(m) == "X"]
    diff = tuple(o - r for o, r in zip(c.official, c.counted, strict=True))
    if not missing or min(diff) < 0 or sum(diff) != len(missing):
        return None
    cats = [k for k, d in zip("YNA", diff, strict=True) if d > 0]
    if len(cats) != 1:
        return None
    for m in missing:
        c.rows[m] = cats[0]
    what = dict(Y="yes", N="no", A="abstention")[cats[0]]
    return Reconciled(
        c.rows,
        counts(c.rows),
        tuple(sorted(c.np_)),
        changes=tuple(
            (
                f"vote:{m}",
                "X (not in the source)",
                cats[0],
                f"{c.votes_source} lists no vote for {m}; the Library's table ({c.src}) has exactly "
                f"{len(missing)} more {what} vote(s) than the rows, as many as the seated members the rows leave out",
            )
            for m in missing
        ),
    )


def _non_participation_as_abstention(c: _Case) -> Reconciled | None:
    """3. Fewer abstentions in the table and as many more non-voting seats: which abstainers did not participate."""
    (y, n, a), (oy, on, oa) = c.counted, c.official
    spare = c.size - sum(c.official)
    if (oy, on) != (y, n) or oa >= a or spare < a - oa:
        return None
    d = a - oa
    abstainers = sorted(m for m, v in c.rows.items() if v == "A")
    named_abst = [m for m in c.named_np if c.rows[m] == "A"]
    if len(named_abst) == d:
        recode, how = named_abst, "the table names them as not participating"
    elif d == len(abstainers):
        recode, how = abstainers, "every abstainer of the rows is a non-voting seat in the table"
    elif d == 1 and "CHN" in abstainers and PRC_NON_PARTICIPATION[0] <= c.date <= PRC_NON_PARTICIPATION[1]:
        recode, how = (
            ["CHN"],
            "China did not participate in such votes from 1971 to 1981 (PRC_NON_PARTICIPATION); the "
            "other abstainers abstained",
        )
    else:
        return None
    if not recode:
        return None
    for m in recode:
        c.rows[m] = "X"
    return Reconciled(
        c.rows,
        counts(c.rows),
        tuple(sorted({*c.np_, *recode})),
        changes=tuple(
            (
                f"vote:{m}",
                "A",
                "X (present, not participating)",
                f"the Library's table ({c.src}) counts {d} abstention(s) fewer than {c.votes_source} "
                f"({_fmt(c.counted)}) and as many non-voting seats: the source codes non-participation as "
                f"abstention; {how}",
            )
            for m in recode
        ),
    )


def _abstention_as_non_participation(c: _Case) -> Reconciled | None:
    """3b. The reverse: the rows name non-voting seats that the table counts as abstentions."""
    (y, n, a), (oy, on, oa) = c.counted, c.official
    xs = sorted(m for m, v in c.rows.items() if v == "X" and m not in set(c.filled))
    if (oy, on) != (y, n) or oa <= a or len(xs) < oa - a or sum(c.official) > c.size:
        return None
    return c.rows_kept(
        f"the Library's table ({c.src}) counts {oa - a} more abstention(s) than the member rows of "
        f"{c.votes_source}, which name the seats that cast no vote ({', '.join(xs)}): the table counts "
        "non-participation as abstention; the member rows are more precise and are kept"
    )


def _typo_shown_by_vetoers(c: _Case) -> Reconciled | None:
    """4. A typo in the table, shown by the vetoers the table itself names."""
    vetoers = [m for m in c.named_vetoers if m in c.rows]
    on = c.official[1]
    if not vetoers or not all(c.rows[m] == "N" for m in vetoers) or on >= len(vetoers) or sum(c.counted) > c.size:
        return None
    return c.rows_kept(
        f"the Library's table gives {_fmt(c.official)} but names {', '.join(vetoers)} as vetoing, "
        f"which needs {len(vetoers)} negative vote(s); the member rows of {c.votes_source} "
        f"({_fmt(c.counted)}) agree with the named vetoers: the table's tally is a typo"
    )


def _unresolved(c: _Case) -> Reconciled:
    """5. The official file's rows win; otherwise the table wins and the rows are withheld."""
    why = (
        f"the member rows of {c.votes_source} count {_fmt(c.counted)}, the Library's table ({c.src}); no swap, "
        "missing member, non-participation or named voter explains the difference"
    )
    if c.votes_source == "undl_csv":
        return Reconciled(c.rows, c.counted, tuple(sorted(c.np_)), disagreement=why + "; the official voting file wins")
    return Reconciled(
        {},
        c.official,
        (),
        withheld=True,
        changes=(("votes", f"{c.votes_source} {_fmt(c.counted)}", "withheld", why + "; the table wins (official)"),),
        extra=c.rows,
    )


#: the explanations the data can prove, tried in this order (module docstring)
_EXPLANATIONS = (
    _swapped_yes_no,
    _left_out_members,
    _non_participation_as_abstention,
    _abstention_as_non_participation,
    _typo_shown_by_vetoers,
)
