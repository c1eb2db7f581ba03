"""Charter facts in one place: the Council's dates, its size and threshold, the permanent seats and
their successions, UN membership by date, and the elected members by year.

Every other layer (the record, the analysis, the news check) takes these facts from here and never
re-codes them. All of it is plain data and pure functions: no I/O.

Sources (public facts, typed into this module):

* The Charter of the United Nations, Arts. 4, 23, 27, 108-110; GA res. 1991 A (XVIII) (the
  enlargement, in force 31 Aug 1965); GA res. 2758 (XXVI) (25 Oct 1971); the Russian Federation's
  letter of 24 Dec 1991.
* UN membership: the dates of admission on the UN's "Member States" page
  (https://www.un.org/en/about-us/member-states) and its "Growth in United Nations membership"
  table; the ends of the USSR, Yugoslavia (SFRY), Czechoslovakia, the German Democratic Republic,
  Democratic Yemen and Zanzibar, and Syria's years in the United Arab Republic (1958-1961), from
  the same pages' notes.
* Elected members by year: the Security Council's own list of "Countries elected members of the
  Security Council" (DPPA), cross-checked against the DPPA membership file in the project's data
  by ``tests/rules/test_charter.py`` (that file leaves the Democratic Republic of the Congo's name
  blank for 2026-27 and Côte d'Ivoire's for its terms; here they are ``COD`` and ``CIV``).

>>> threshold_on("1950-06-27"), threshold_on("2024-03-22")
(7, 9)
>>> is_un_member("SSD", "1950-04-18"), is_un_member("SSD", "2011-07-14")
(False, True)
>>> elected_members_on("2026-03-01")
('BHR', 'COD', 'COL', 'DNK', 'GRC', 'LBR', 'LVA', 'PAK', 'PAN', 'SOM')
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

__all__ = [
    "AMENDMENT_IN_FORCE",
    "ART109_1_AMENDMENT_IN_FORCE",
    "CHARTER_IN_FORCE",
    "ELECTED_BY_YEAR",
    "ELECTED_MEMBERS_SEATED",
    "ENLARGED_COUNCIL_SEATED",
    "FIRST_MEETING",
    "MEMBERSHIP",
    "OBSERVER_STATES",
    "PERMANENT_SEATS",
    "PRC_SEATED",
    "REGIONAL_GROUPS",
    "REGIONAL_PATTERN",
    "RENAMED_SEATS",
    "RUSSIA_CONTINUES_USSR",
    "STATES_OF_THE_TIME",
    "SUCCESSIONS",
    "USSR_LABEL_LAST_DAY",
    "Succession",
    "code_of_the_time",
    "council_size_on",
    "elected_members_on",
    "is_un_member",
    "membership_periods",
    "not_a_member_reason",
    "permanent_members_on",
    "regional_group",
    "roster_on",
    "roster_warnings",
    "roster_years",
    "threshold_on",
    "un_members_on",
]

# --------------------------------------------------------------------------------------------
# The Council's dates

#: The Charter entered into force (Art. 110(3)).
CHARTER_IN_FORCE = dt.date(1945, 10, 24)
#: The first elected members took their seats (the GA elected them on 12 Jan 1946).
ELECTED_MEMBERS_SEATED = dt.date(1946, 1, 12)
#: The Council's first meeting (S/PV.1, London, 17 Jan 1946): no decision before it.
FIRST_MEETING = dt.date(1946, 1, 17)
#: Amended Arts. 23 and 27 (GA res. 1991 A (XVIII)) entered into force (R1).
AMENDMENT_IN_FORCE = dt.date(1965, 8, 31)
#: The first 15-member Council sat (R1); the threshold follows the seated Council.
ENLARGED_COUNCIL_SEATED = dt.date(1966, 1, 1)
#: Amended Art. 109(1) ("any nine") in force (R22).
ART109_1_AMENDMENT_IN_FORCE = dt.date(1968, 6, 12)
#: GA res. 2758 (XXVI): the PRC's representatives take the China seat (R2).
PRC_SEATED = dt.date(1971, 10, 25)
#: The Russian Federation's letter: it continues the USSR's membership and permanent seat (R2).
RUSSIA_CONTINUES_USSR = dt.date(1991, 12, 24)


def as_date(value: dt.date | str) -> dt.date:
    """Accept a date or an ISO string (``YYYY-MM-DD``).

    >>> as_date("2024-03-22")
    datetime.date(2024, 3, 22)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"bad date {value!r}: expected YYYY-MM-DD") from None


def council_size_on(when: dt.date | str) -> int:
    """Seats on the Council on a date: 11 until 1965, 15 from 1 Jan 1966 (Art. 23; R1).

    >>> council_size_on("1965-12-31"), council_size_on("1966-01-01")
    (11, 15)
    """
    return 11 if as_date(when) < ENLARGED_COUNCIL_SEATED else 15


def threshold_on(when: dt.date | str) -> int:
    """Affirmative votes Art. 27(2) and 27(3) require on a date: 7 of 11, 9 of 15 (R1).

    The amended Art. 27 was in force from 31 Aug 1965, but the Council still had 11 members until
    the end of 1965 and applied seven: the threshold follows the seated Council.

    >>> threshold_on("1965-11-23"), threshold_on("1966-01-01")
    (7, 9)
    """
    return 7 if council_size_on(when) == 11 else 9


# --------------------------------------------------------------------------------------------
# The permanent seats (Art. 23(1)) and their successions (R2)

#: The five permanent seats, in the Charter's order, by the code of their present holder.
PERMANENT_SEATS: tuple[str, ...] = ("CHN", "FRA", "RUS", "GBR", "USA")


@dataclass(frozen=True, slots=True)
class Succession:
    """A permanent seat passing from one government (or state code) to another, without a new election."""

    seat: str
    before_code: str
    before_name: str
    after_code: str
    after_name: str
    date: dt.date
    source: str


#: The two successions in the permanent seats: who holds the seat on and after ``date``.
SUCCESSIONS: tuple[Succession, ...] = (
    Succession(
        "CHN", "CHN", "Republic of China", "CHN", "People's Republic of China", PRC_SEATED, "GA res. 2758 (XXVI)"
    ),
    Succession("RUS", "SUN", "USSR", "RUS", "Russian Federation", RUSSIA_CONTINUES_USSR, "letter of 24 Dec 1991 (R2)"),
)


def permanent_members_on(when: dt.date | str) -> tuple[str, ...]:
    """The codes of the five permanent members on a date, in the Charter's order.

    >>> permanent_members_on("1960-01-01"), permanent_members_on("1992-01-01")[2]
    (('CHN', 'FRA', 'SUN', 'GBR', 'USA'), 'RUS')
    """
    d = as_date(when)
    out = list(PERMANENT_SEATS)
    for s in SUCCESSIONS:
        if d < s.date:
            out[PERMANENT_SEATS.index(s.seat)] = s.before_code
    return tuple(out)


#: One elected seat under two codes: ``(code, other code, from, to)``. From ``from`` to ``to``
#: (inclusive) the seat is held under ``other`` (and ``code`` names it too); after ``to`` it is held
#: under ``code`` (and ``other`` names it too); before ``from`` each code is only itself.
#: Zaire (``ZAR``) is the Democratic Republic of the Congo (``COD``) under its 1971-1997 name; the
#: seat Democratic Yemen (``YMD``) won for 1990-91 passed to the united Yemen (``YEM``) on 22 May 1990.
RENAMED_SEATS: tuple[tuple[str, str, dt.date, dt.date], ...] = (
    ("COD", "ZAR", dt.date(1971, 10, 27), dt.date(1997, 5, 16)),
    ("YEM", "YMD", dt.date(1990, 1, 1), dt.date(1990, 5, 21)),
)


#: Codes whose state sat under another name (and ISO code) at the time: ``(code, first day, last day,
#: code of the time)``. Sources often write current names for past members ("Democratic Republic of
#: the Congo" for Zaire, "Czechia" for Czechoslovakia); the record uses the state of the time.
STATES_OF_THE_TIME: tuple[tuple[str, dt.date, dt.date, str], ...] = (
    ("COD", dt.date(1971, 10, 27), dt.date(1997, 5, 16), "ZAR"),  # Zaire
    ("CZE", dt.date(1945, 1, 1), dt.date(1992, 12, 31), "CSK"),  # Czechoslovakia
    ("SRB", dt.date(1945, 1, 1), dt.date(1992, 4, 27), "YUG"),  # SFR Yugoslavia
    ("YEM", dt.date(1967, 11, 30), dt.date(1990, 5, 21), "YMD"),  # the seat of Democratic Yemen, 1990
    ("RUS", dt.date(1945, 1, 1), dt.date(1991, 12, 23), "SUN"),  # USSR until 24 Dec 1991
    ("SUN", dt.date(1991, 12, 24), dt.date(9999, 12, 31), "RUS"),
    ("ZAR", dt.date(1997, 5, 17), dt.date(9999, 12, 31), "COD"),
)


def code_of_the_time(code: str, when: dt.date | None) -> str:
    """The code of the state that held a seat on a date (Zaire, Czechoslovakia, the USSR, ...).

    >>> code_of_the_time("COD", dt.date(1982, 5, 1)), code_of_the_time("SUN", dt.date(1991, 12, 31))
    ('ZAR', 'RUS')
    >>> code_of_the_time("COD", dt.date(2026, 1, 1)), code_of_the_time("CZE", None)
    ('COD', 'CZE')
    """
    if when is None:
        return code
    for now, first, last, then in STATES_OF_THE_TIME:
        if code == now and first <= when <= last:
            return then
    return code


#: The UN's voting records still label the Russian Federation's seat "USSR" on votes of 24-31 Dec
#: 1991 (res. 725, 31 Dec 1991); the code ``SUN`` is accepted for that seat to this day, not after.
USSR_LABEL_LAST_DAY = dt.date(1991, 12, 31)

# --------------------------------------------------------------------------------------------
# UN membership (Art. 4): only Members sit on the Council

#: Non-member observer States: never Members, never vote in the Council.
OBSERVER_STATES = frozenset({"PSE", "VAT"})

# Original Members (Art. 3): they all ratified between 24 Oct and 27 Dec 1945, before the Council
# first met; their membership is dated from the Charter's entry into force.
_ORIGINAL = (
    "ARG AUS BEL BOL BRA BLR CAN CHL CHN COL CRI CUB CSK DNK DOM ECU EGY SLV ETH FRA GRC GTM HTI HND "
    "IND IRN IRQ LBN LBR LUX MEX NLD NZL NIC NOR PAN PRY PER PHL POL SAU ZAF SUN SYR TUR UKR GBR USA "
    "URY VEN YUG"
)

# Admissions (Art. 4(2)) by date: "YYYY-MM-DD CODE CODE ...".
_ADMISSIONS = """
1946-11-19 AFG ISL SWE
1946-12-16 THA
1947-09-30 PAK YEM
1948-04-19 MMR
1949-05-11 ISR
1950-09-28 IDN
1955-12-14 ALB AUT BGR KHM FIN HUN IRL ITA JOR LAO LBY NPL PRT ROU LKA ESP
1956-11-12 MAR SDN TUN
1956-12-18 JPN
1957-03-08 GHA
1957-09-17 MYS
1958-12-12 GIN
1960-09-20 BEN BFA CMR CAF TCD COG COD CIV CYP GAB MDG NER SOM TGO
1960-09-28 MLI SEN
1960-10-07 NGA
1961-09-27 SLE
1961-10-27 MRT MNG
1961-12-14 TZA
1962-09-18 BDI JAM RWA TTO
1962-10-08 DZA
1962-10-25 UGA
1963-05-14 KWT
1963-12-16 KEN ZZB
1964-12-01 MWI MLT ZMB
1965-09-21 GMB MDV SGP
1966-09-20 GUY
1966-10-17 BWA LSO
1966-12-09 BRB
1967-12-14 YMD
1968-04-24 MUS
1968-09-24 SWZ
1968-11-12 GNQ
1970-10-13 FJI
1971-09-21 BHR BTN QAT
1971-10-07 OMN
1971-12-09 ARE
1973-09-18 BHS DDR DEU
1974-09-17 BGD GRD GNB
1975-09-16 CPV MOZ STP
1975-10-10 PNG
1975-11-12 COM
1975-12-04 SUR
1976-09-21 SYC
1976-12-01 AGO
1976-12-15 WSM
1977-09-20 DJI VNM
1978-09-19 SLB
1978-12-18 DMA
1979-09-18 LCA
1980-08-25 ZWE
1980-09-16 VCT
1981-09-15 VUT
1981-09-25 BLZ
1981-11-11 ATG
1983-09-23 KNA
1984-09-21 BRN
1990-04-23 NAM
1990-09-18 LIE
1991-09-17 EST FSM PRK KOR LVA LTU MHL
1992-03-02 ARM AZE KAZ KGZ MDA SMR TJK TKM UZB
1992-05-22 BIH HRV SVN
1992-07-31 GEO
1993-01-19 CZE SVK
1993-04-08 MKD
1993-05-28 AND ERI MCO
1994-12-15 PLW
1999-09-14 KIR NRU TON
2000-09-05 TUV
2000-11-01 SCG
2002-09-10 CHE
2002-09-27 TLS
2006-06-28 MNE
2011-07-14 SSD
"""

# Memberships that ended (last day a Member, inclusive), resumed, or passed to a continuing State.
# code: ((first day, last day or None), ...)
_CHANGES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "SUN": (("1945-10-24", "1991-12-23"),),  # continued by the Russian Federation (RUS)
    "RUS": (("1991-12-24", None),),
    "SYR": (("1945-10-24", "1958-02-20"), ("1961-10-13", None)),  # in the United Arab Republic 1958-61
    "ZZB": (("1963-12-16", "1964-04-25"),),  # united with Tanganyika (TZA) on 26 Apr 1964
    "YMD": (("1967-12-14", "1990-05-21"),),  # united with Yemen (YEM) on 22 May 1990
    "DDR": (("1973-09-18", "1990-10-02"),),  # acceded to the Federal Republic of Germany on 3 Oct 1990
    "YUG": (("1945-10-24", "1992-04-26"),),  # the SFRY dissolved; the FRY was admitted on 1 Nov 2000
    "CSK": (("1945-10-24", "1992-12-31"),),  # existed to the end of 31 Dec 1992
    "SCG": (("2000-11-01", "2006-06-02"),),  # FRY, then Serbia and Montenegro; continued by Serbia
    "SRB": (("2006-06-03", None),),
    "ZAR": (("1971-10-27", "1997-05-16"),),  # the DRC's name 1971-1997 (same Member as COD)
}


def _periods() -> dict[str, tuple[tuple[dt.date, dt.date | None], ...]]:
    out: dict[str, tuple[tuple[dt.date, dt.date | None], ...]] = {}
    for code in _ORIGINAL.split():
        out[code] = ((CHARTER_IN_FORCE, None),)
    for line in _ADMISSIONS.strip().splitlines():
        day, *codes = line.split()
        for code in codes:
            if code in out:
                raise AssertionError(f"{code} admitted twice")
            out[code] = ((dt.date.fromisoformat(day), None),)
    for code, spans in _CHANGES.items():
        out[code] = tuple((dt.date.fromisoformat(a), None if b is None else dt.date.fromisoformat(b)) for a, b in spans)
    return out


#: UN membership by state code: the periods ``(first day, last day or None)`` it was a Member.
MEMBERSHIP: dict[str, tuple[tuple[dt.date, dt.date | None], ...]] = _periods()


def membership_periods(code: str) -> tuple[tuple[dt.date, dt.date | None], ...]:
    """The periods in which a state was a UN Member (empty for observers and non-members).

    >>> membership_periods("CSK")
    ((datetime.date(1945, 10, 24), datetime.date(1992, 12, 31)),)
    >>> membership_periods("PSE")
    ()
    """
    return MEMBERSHIP.get(code.strip().upper(), ())


@functools.lru_cache(maxsize=4096)
def _member_on(code: str, d: dt.date) -> bool:
    return any(a <= d and (b is None or d <= b) for a, b in MEMBERSHIP.get(code, ()))


def is_un_member(code: str, when: dt.date | str) -> bool:
    """Whether a state (ISO alpha-3 code) was a UN Member on a date.

    >>> is_un_member("CSK", "1992-12-31"), is_un_member("CSK", "1993-01-01")
    (True, False)
    >>> is_un_member("PSE", "2024-05-10"), is_un_member("SYR", "1960-01-01")
    (False, False)
    """
    return _member_on(code.strip().upper(), as_date(when))


def un_members_on(when: dt.date | str) -> tuple[str, ...]:
    """The codes of all UN Members on a date, sorted (``ZAR`` and ``COD`` count once, as ``COD``).

    >>> len(un_members_on("1945-10-24")), len(un_members_on("2024-01-01"))
    (51, 193)
    """
    d = as_date(when)
    return tuple(sorted(c for c in MEMBERSHIP if c != "ZAR" and _member_on(c, d)))


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%b} {d.year}"


def not_a_member_reason(code: str, when: dt.date | str) -> str | None:
    """Why a state could not vote in the Council on a date for want of UN membership, or ``None``.

    >>> not_a_member_reason("SSD", "1950-04-18")
    'SSD was not a UN Member on 1950-04-18 (admitted 14 Jul 2011)'
    >>> not_a_member_reason("PSE", "2024-04-18")
    'PSE is a non-member observer State, not a UN Member, on 2024-04-18'
    >>> not_a_member_reason("CSK", "1993-01-01")
    'CSK was not a UN Member on 1993-01-01 (Member 24 Oct 1945 to 31 Dec 1992)'
    >>> not_a_member_reason("FRA", "1950-04-18") is None
    True
    """
    c = code.strip().upper()
    d = as_date(when)
    if _member_on(c, d):
        return None
    if c in OBSERVER_STATES:
        return f"{c} is a non-member observer State, not a UN Member, on {d}"
    spans = MEMBERSHIP.get(c, ())
    if not spans:
        return f"{c} has never been a UN Member (as of {d})"
    said = []
    for a, b in spans:
        said.append(f"admitted {_day(a)}" if b is None else f"Member {_day(a)} to {_day(b)}")
    return f"{c} was not a UN Member on {d} ({'; '.join(said)})"


# --------------------------------------------------------------------------------------------
# Elected members by year (Art. 23(2); R3). Terms run from 1 January to 31 December; the few
# split terms of the early years were split at the turn of a year, so a year's list is exact.

_ELECTED_TEXT: dict[int, str] = {
    1946: "AUS BRA EGY MEX NLD POL",
    1947: "AUS BEL BRA COL POL SYR",
    1948: "ARG BEL CAN COL SYR UKR",
    1949: "ARG CAN CUB EGY NOR UKR",
    1950: "CUB ECU EGY IND NOR YUG",
    1951: "BRA ECU IND NLD TUR YUG",
    1952: "BRA CHL GRC NLD PAK TUR",
    1953: "CHL COL DNK GRC LBN PAK",
    1954: "BRA COL DNK LBN NZL TUR",
    1955: "BEL BRA IRN NZL PER TUR",
    1956: "AUS BEL CUB IRN PER YUG",
    1957: "AUS COL CUB IRQ PHL SWE",
    1958: "CAN COL IRQ JPN PAN SWE",
    1959: "ARG CAN ITA JPN PAN TUN",
    1960: "ARG ECU ITA LKA POL TUN",
    1961: "CHL ECU EGY LBR LKA TUR",
    1962: "CHL EGY GHA IRL ROU VEN",
    1963: "BRA GHA MAR NOR PHL VEN",
    1964: "BOL BRA CIV CSK MAR NOR",
    1965: "BOL CIV JOR MYS NLD URY",
    1966: "ARG BGR JOR JPN MLI NGA NLD NZL UGA URY",
    1967: "ARG BGR BRA CAN DNK ETH IND JPN MLI NGA",
    1968: "BRA CAN DNK DZA ETH HUN IND PAK PRY SEN",
    1969: "COL DZA ESP FIN HUN NPL PAK PRY SEN ZMB",
    1970: "BDI COL ESP FIN NIC NPL POL SLE SYR ZMB",
    1971: "ARG BDI BEL ITA JPN NIC POL SLE SOM SYR",
    1972: "ARG BEL GIN IND ITA JPN PAN SDN SOM YUG",
    1973: "AUS AUT GIN IDN IND KEN PAN PER SDN YUG",
    1974: "AUS AUT BLR CMR CRI IDN IRQ KEN MRT PER",
    1975: "BLR CMR CRI GUY IRQ ITA JPN MRT SWE TZA",
    1976: "BEN GUY ITA JPN LBY PAK PAN ROU SWE TZA",
    1977: "BEN CAN DEU IND LBY MUS PAK PAN ROU VEN",
    1978: "BOL CAN CSK DEU GAB IND KWT MUS NGA VEN",
    1979: "BGD BOL CSK GAB JAM KWT NGA NOR PRT ZMB",
    1980: "BGD DDR JAM MEX NER NOR PHL PRT TUN ZMB",
    1981: "DDR ESP IRL JPN MEX NER PAN PHL TUN UGA",
    1982: "COD ESP GUY IRL JOR JPN PAN POL TGO UGA",
    1983: "COD GUY JOR MLT NIC NLD PAK POL TGO ZWE",
    1984: "BFA EGY IND MLT NIC NLD PAK PER UKR ZWE",
    1985: "AUS BFA DNK EGY IND MDG PER THA TTO UKR",
    1986: "ARE AUS BGR COG DNK GHA MDG THA TTO VEN",
    1987: "ARE ARG BGR COG DEU GHA ITA JPN VEN ZMB",
    1988: "ARG BRA DEU DZA ITA JPN NPL SEN YUG ZMB",
    1989: "BRA CAN COL DZA ETH FIN MYS NPL SEN YUG",
    1990: "CAN CIV COD COL CUB ETH FIN MYS ROU YEM",
    1991: "AUT BEL CIV COD CUB ECU IND ROU YEM ZWE",
    1992: "AUT BEL CPV ECU HUN IND JPN MAR VEN ZWE",
    1993: "BRA CPV DJI ESP HUN JPN MAR NZL PAK VEN",
    1994: "ARG BRA CZE DJI ESP NGA NZL OMN PAK RWA",
    1995: "ARG BWA CZE DEU HND IDN ITA NGA OMN RWA",
    1996: "BWA CHL DEU EGY GNB HND IDN ITA KOR POL",
    1997: "CHL CRI EGY GNB JPN KEN KOR POL PRT SWE",
    1998: "BHR BRA CRI GAB GMB JPN KEN PRT SVN SWE",
    1999: "ARG BHR BRA CAN GAB GMB MYS NAM NLD SVN",
    2000: "ARG BGD CAN JAM MLI MYS NAM NLD TUN UKR",
    2001: "BGD COL IRL JAM MLI MUS NOR SGP TUN UKR",
    2002: "BGR CMR COL GIN IRL MEX MUS NOR SGP SYR",
    2003: "AGO BGR CHL CMR DEU ESP GIN MEX PAK SYR",
    2004: "AGO BEN BRA CHL DEU DZA ESP PAK PHL ROU",
    2005: "ARG BEN BRA DNK DZA GRC JPN PHL ROU TZA",
    2006: "ARG COG DNK GHA GRC JPN PER QAT SVK TZA",
    2007: "BEL COG GHA IDN ITA PAN PER QAT SVK ZAF",
    2008: "BEL BFA CRI HRV IDN ITA LBY PAN VNM ZAF",
    2009: "AUT BFA CRI HRV JPN LBY MEX TUR UGA VNM",
    2010: "AUT BIH BRA GAB JPN LBN MEX NGA TUR UGA",
    2011: "BIH BRA COL DEU GAB IND LBN NGA PRT ZAF",
    2012: "AZE COL DEU GTM IND MAR PAK PRT TGO ZAF",
    2013: "ARG AUS AZE GTM KOR LUX MAR PAK RWA TGO",
    2014: "ARG AUS CHL JOR KOR LTU LUX NGA RWA TCD",
    2015: "AGO CHL ESP JOR LTU MYS NGA NZL TCD VEN",
    2016: "AGO EGY ESP JPN MYS NZL SEN UKR URY VEN",
    2017: "BOL EGY ETH ITA JPN KAZ SEN SWE UKR URY",
    2018: "BOL CIV ETH GNQ KAZ KWT NLD PER POL SWE",
    2019: "BEL CIV DEU DOM GNQ IDN KWT PER POL ZAF",
    2020: "BEL DEU DOM EST IDN NER TUN VCT VNM ZAF",
    2021: "EST IND IRL KEN MEX NER NOR TUN VCT VNM",
    2022: "ALB ARE BRA GAB GHA IND IRL KEN MEX NOR",
    2023: "ALB ARE BRA CHE ECU GAB GHA JPN MLT MOZ",
    2024: "CHE DZA ECU GUY JPN KOR MLT MOZ SLE SVN",
    2025: "DNK DZA GRC GUY KOR PAK PAN SLE SOM SVN",
    2026: "BHR COD COL DNK GRC LBR LVA PAK PAN SOM",
    2027: "AUT BHR COD COL KGZ LBR LVA PRT TTO ZWE",
}

#: The elected members of each year, 1946 to the last year elected, as sorted tuples of codes.
ELECTED_BY_YEAR: dict[int, tuple[str, ...]] = {y: tuple(s.split()) for y, s in _ELECTED_TEXT.items()}
_ROSTER_YEARS = range(min(ELECTED_BY_YEAR), max(ELECTED_BY_YEAR) + 1)  # asked on every decision: made once


def roster_years() -> range:
    """The years for which the elected members are known here.

    >>> roster_years()[0], roster_years()[-1] >= 2026
    (1946, True)
    """
    return _ROSTER_YEARS


def elected_members_on(when: dt.date | str) -> tuple[str, ...] | None:
    """The elected members seated on a date (sorted codes), or ``None`` for a year not covered.

    Before the first elected members were seated (12 Jan 1946) there were none: ``None``.

    >>> elected_members_on("1950-06-27")
    ('CUB', 'ECU', 'EGY', 'IND', 'NOR', 'YUG')
    >>> elected_members_on("2099-01-01") is None
    True
    """
    d = as_date(when)
    if d < ELECTED_MEMBERS_SEATED:
        return None
    return ELECTED_BY_YEAR.get(d.year)


def roster_on(when: dt.date | str) -> tuple[str, ...] | None:
    """All members seated on a date, permanent first (Charter order), or ``None`` if the year is not covered.

    >>> roster_on("2024-03-22")[:6]
    ('CHN', 'FRA', 'RUS', 'GBR', 'USA', 'CHE')
    """
    elected = elected_members_on(when)
    if elected is None:
        return None
    return permanent_members_on(when) + elected


# --------------------------------------------------------------------------------------------
# R3: roster checks that warn, never fail (split terms and other anomalies exist)

#: Regional groups for the ten elected seats from 1966 (GA res. 1991 A (XVIII), op. para. 3):
#: five African and Asian States, one Eastern European, two Latin American, two Western European
#: and other States. Group of each state that has held (or may hold) an elected seat; every other
#: state counts as African or Asian.
REGIONAL_GROUPS: dict[str, frozenset[str]] = {
    "eastern_european": frozenset(
        [
            "ALB",
            "ARM",
            "AZE",
            "BLR",
            "BIH",
            "BGR",
            "HRV",
            "CZE",
            "CSK",
            "DDR",
            "EST",
            "GEO",
            "HUN",
            "LVA",
            "LTU",
            "MNE",
            "MDA",
            "POL",
            "ROU",
            "RUS",
            "SUN",
            "SRB",
            "SCG",
            "SVK",
            "SVN",
            "MKD",
            "UKR",
            "YUG",
        ]
    ),
    "latin_american": frozenset(
        [
            "ATG",
            "ARG",
            "BHS",
            "BRB",
            "BLZ",
            "BOL",
            "BRA",
            "CHL",
            "COL",
            "CRI",
            "CUB",
            "DMA",
            "DOM",
            "ECU",
            "SLV",
            "GRD",
            "GTM",
            "GUY",
            "HTI",
            "HND",
            "JAM",
            "MEX",
            "NIC",
            "PAN",
            "PRY",
            "PER",
            "KNA",
            "LCA",
            "VCT",
            "SUR",
            "TTO",
            "URY",
            "VEN",
        ]
    ),
    "western_european_and_other": frozenset(
        [
            "AND",
            "AUS",
            "AUT",
            "BEL",
            "CAN",
            "DNK",
            "FIN",
            "FRA",
            "DEU",
            "GRC",
            "ISL",
            "IRL",
            "ISR",
            "ITA",
            "LIE",
            "LUX",
            "MLT",
            "MCO",
            "NLD",
            "NZL",
            "NOR",
            "PRT",
            "SMR",
            "ESP",
            "SWE",
            "CHE",
            "TUR",
            "GBR",
            "USA",
        ]
    ),
}
#: Seats per group among the ten elected members (from 1966).
REGIONAL_PATTERN = {"african_and_asian": 5, "eastern_european": 1, "latin_american": 2, "western_european_and_other": 2}


_GROUP_WORDS = {
    "african_and_asian": "African and Asian States",
    "eastern_european": "Eastern European States",
    "latin_american": "Latin American States",
    "western_european_and_other": "Western European and other States",
}


def regional_group(code: str) -> str:
    """The group a state is elected in: ``african_and_asian``, ``eastern_european``, ``latin_american``
    or ``western_european_and_other`` (R3).

    >>> regional_group("POL"), regional_group("JPN"), regional_group("MLT")
    ('eastern_european', 'african_and_asian', 'western_european_and_other')
    """
    c = code.strip().upper()
    for group, codes in REGIONAL_GROUPS.items():
        if c in codes:
            return group
    return "african_and_asian"


def roster_warnings(when: dt.date | str, elected: tuple[str, ...] | list[str] | None = None) -> tuple[str, ...]:
    """Warnings in words about an elected roster (R3): the 1966 regional pattern, and no immediate
    re-election of a retiring member (Art. 23(2)). ``elected`` defaults to the rules' own roster.

    Terms are two years, so a state that sat in both of the two previous years and sits again was
    re-elected immediately (split terms of one year each are the exception the warning leaves to a reader).

    >>> roster_warnings("2024-03-22")
    ()
    >>> roster_warnings("2024-03-22", ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "ARE"])
    ('regional pattern: 6 African and Asian States (5 expected), 1 Western European and other States (2 expected)', 'ARE sat in 2022 and 2023: a retiring member is not eligible for immediate re-election (Art. 23(2))')
    """
    d = as_date(when)
    codes = tuple(elected) if elected is not None else (elected_members_on(d) or ())
    out: list[str] = []
    if d >= ENLARGED_COUNCIL_SEATED and len(codes) == 10:
        counts = {g: 0 for g in REGIONAL_PATTERN}
        for c in codes:
            counts[regional_group(c)] += 1
        off = [
            f"{n} {_GROUP_WORDS[g]} ({REGIONAL_PATTERN[g]} expected)"
            for g, n in counts.items()
            if n != REGIONAL_PATTERN[g]
        ]
        if off:
            out.append("regional pattern: " + ", ".join(off))
    before, earlier = ELECTED_BY_YEAR.get(d.year - 1, ()), ELECTED_BY_YEAR.get(d.year - 2, ())
    for c in codes:
        if c in before and c in earlier:
            out.append(
                f"{c} sat in {d.year - 2} and {d.year - 1}: a retiring member is not eligible for immediate "
                "re-election (Art. 23(2))"
            )
    return tuple(out)
