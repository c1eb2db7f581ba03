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
    np_: list[str] = []
    for m in named_np:  # the table names them: they were present and did not vote
        if rows[m] == "X":
            np_.append(m)
    counted = counts(rows)
    if official is None or counted == official:
        return Reconciled(rows, counted, tuple(sorted(np_)))
    y, n, a = counted
    oy, on, oa = official
    src = f"{official_source} {_fmt(official)}"
    # 1. Yes and No swapped
    if (oy, on, oa) == (n, y, a) and y != n:
        swapped = {m: {"Y": "N", "N": "Y"}.get(v, v) for m, v in rows.items()}
        return Reconciled(
            swapped,
            counts(swapped),
            tuple(sorted(np_)),
            changes=(
                (
                    "votes",
                    f"{votes_source} {_fmt(counted)}",
                    _fmt(official),
                    f"the member rows of {votes_source} count {_fmt(counted)}, the Library's table ({src}) the same "
                    "with Yes and No exchanged: the source's Yes and No are swapped, and are swapped back",
                ),
            ),
        )
    # 2. members the rows leave out
    missing = [m for m in filled if rows.get(m) == "X"]
    diff = (oy - y, on - n, oa - a)
    if missing and min(diff) >= 0 and sum(diff) == len(missing):
        cats = [c for c, d in zip("YNA", diff, strict=True) if d > 0]
        if len(cats) == 1:
            for m in missing:
                rows[m] = cats[0]
            return Reconciled(
                rows,
                counts(rows),
                tuple(sorted(np_)),
                changes=tuple(
                    (
                        f"vote:{m}",
                        "X (not in the source)",
                        cats[0],
                        f"{votes_source} lists no vote for {m}; the Library's table ({src}) has exactly "
                        f"{len(missing)} more {dict(Y='yes', N='no', A='abstention')[cats[0]]} vote(s) than the rows, "
                        "as many as the seated members the rows leave out",
                    )
                    for m in missing
                ),
            )
    # 3. non-participation coded as abstention
    spare = size - sum(official)
    if (oy, on) == (y, n) and oa < a and spare >= a - oa:
        d = a - oa
        abstainers = sorted(m for m, v in rows.items() if v == "A")
        recode: list[str] = []
        how = ""
        named_abst = [m for m in named_np if rows[m] == "A"]
        if len(named_abst) == d:
            recode, how = named_abst, "the table names them as not participating"
        elif d == len(abstainers):
            recode, how = abstainers, "every abstainer of the rows is a non-voting seat in the table"
        elif d == 1 and "CHN" in abstainers and PRC_NON_PARTICIPATION[0] <= date <= PRC_NON_PARTICIPATION[1]:
            recode, how = (
                ["CHN"],
                "China did not participate in such votes from 1971 to 1981 (PRC_NON_PARTICIPATION); the "
                "other abstainers abstained",
            )
        if recode:
            for m in recode:
                rows[m] = "X"
            return Reconciled(
                rows,
                counts(rows),
                tuple(sorted({*np_, *recode})),
                changes=tuple(
                    (
                        f"vote:{m}",
                        "A",
                        "X (present, not participating)",
                        f"the Library's table ({src}) counts {d} abstention(s) fewer than {votes_source} "
                        f"({_fmt(counted)}) and as many non-voting seats: the source codes non-participation as "
                        f"abstention; {how}",
                    )
                    for m in recode
                ),
            )

    def rows_kept(why: str) -> Reconciled:
        """The rows stand and the table's tally is reported as overruled."""
        return Reconciled(rows, counted, tuple(sorted(np_)), changes=(("tally", _fmt(official), _fmt(counted), why),))

    # 3b. the reverse: the rows name non-voting seats that the table counts as abstentions
    xs = sorted(m for m, v in rows.items() if v == "X" and m not in set(filled))
    if (oy, on) == (y, n) and oa > a and len(xs) >= oa - a and sum(official) <= size:
        return rows_kept(
            f"the Library's table ({src}) counts {oa - a} more abstention(s) than the member rows of "
            f"{votes_source}, which name the seats that cast no vote ({', '.join(xs)}): the table counts "
            "non-participation as abstention; the member rows are more precise and are kept"
        )
    # 4. a typo in the table, shown by the table's own named vetoers
    vetoers = [m for m in named_vetoers if m in rows]
    if vetoers and all(rows[m] == "N" for m in vetoers) and on < len(vetoers) and sum(counted) <= size:
        return rows_kept(
            f"the Library's table gives {_fmt(official)} but names {', '.join(vetoers)} as vetoing, "
            f"which needs {len(vetoers)} negative vote(s); the member rows of {votes_source} "
            f"({_fmt(counted)}) agree with the named vetoers: the table's tally is a typo"
        )
    # 5. unresolved: the official file's rows win; otherwise the table wins and the rows are withheld
    why = (
        f"the member rows of {votes_source} count {_fmt(counted)}, the Library's table ({src}); no swap, "
        "missing member, non-participation or named voter explains the difference"
    )
    if votes_source == "undl_csv":
        return Reconciled(rows, counted, tuple(sorted(np_)), disagreement=why + "; the official voting file wins")
    return Reconciled(
        {},
        official,
        (),
        withheld=True,
        changes=(("votes", f"{votes_source} {_fmt(counted)}", "withheld", why + "; the table wins (official)"),),
        extra=rows,
    )
