"""States that can sit on, vote in, or be named at the Security Council.

Every state is identified by an ISO 3166-1 alpha-3 code. States that no longer exist keep the
ISO 3166-3 code they had (``SUN`` for the USSR, ``YUG``, ``CSK``, ``DDR``, ``ZAR`` ...). A seat
that passed to a successor without a new admission keeps one code: the USSR seat is ``SUN`` until
24 Dec 1991 and ``RUS`` after, but :func:`unsc.rules.council.permanent_holder` maps both to the
same permanent seat.

>>> member("Russia").code
'RUS'
>>> member("Britain").code, member("the UK").code, member("GBR").name
('GBR', 'GBR', 'United Kingdom')
>>> member("Soviet Union").code
'SUN'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from unsc.rules.charter import MEMBERSHIP, PRC_SEATED, USSR_LABEL_LAST_DAY

__all__ = [
    "NAMES_OF_THE_TIME",
    "SHORT_ALIASES",
    "TIMELESS_SHORT_NAMES",
    "Member",
    "NameOutOfPeriodError",
    "UnknownMemberError",
    "all_members",
    "find_member",
    "member",
    "member_on",
    "name_fits",
    "name_of_the_time",
    "normalize_name",
    "seat_name_period",
]


class UnknownMemberError(KeyError, ValueError):
    """Raised when a name or code matches no known state."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f"unknown member {self.text!r}: give an ISO 3166 alpha-3 code (e.g. USA, RUS, SUN) or a state name"


class NameOutOfPeriodError(UnknownMemberError):
    """A name that denotes one government of a permanent seat, used on a date it did not hold the seat."""

    def __init__(self, text: str, message: str) -> None:
        super().__init__(text)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Member:
    """A state, by its ISO alpha-3 code, with its usual English name and other names.

    ``names`` holds official and historical names, ``aliases`` short forms, capitals used as
    metonyms ("Washington") and demonyms ("Chinese").
    """

    code: str
    name: str
    names: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    dissolved: str | None = field(default=None, compare=False)  # ISO date the state ceased, if any

    def __str__(self) -> str:
        return self.name


# code, short name, other official/historical names, aliases (metonyms, demonyms, typos seen in sources)
_TABLE: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    # --- the five permanent seats and their holders ---
    (
        "CHN",
        "China",
        ("People's Republic of China", "Republic of China"),
        ("PRC", "Beijing", "Chinese", "Peking", "ROC", "Taiwan (Republic of China)", "Nationalist China"),
    ),
    ("FRA", "France", ("French Republic",), ("Paris", "French")),
    (
        "SUN",
        "USSR",
        ("Union of Soviet Socialist Republics", "Soviet Union", "USSR (Union of Soviet Socialist Republics)"),
        ("Soviet", "Soviets", "U.S.S.R."),
    ),
    ("RUS", "Russian Federation", ("Russia",), ("Moscow", "Russian", "Russians", "Kremlin")),
    (
        "GBR",
        "United Kingdom",
        ("United Kingdom of Great Britain and Northern Ireland",),
        ("UK", "U.K.", "Britain", "Great Britain", "London", "British", "Britons", "England"),
    ),
    (
        "USA",
        "United States",
        ("United States of America",),
        (
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "America",
            "Washington",
            "American",
            "Americans",
            "United States of America (USA)",
        ),
    ),
    # --- every other state that has held an elected seat, and more that are often named ---
    ("AFG", "Afghanistan", (), ("Afghan",)),
    ("ALB", "Albania", (), ("Albanian",)),
    ("DZA", "Algeria", ("People's Democratic Republic of Algeria",), ("Algerian", "Algiers")),
    ("AND", "Andorra", (), ()),
    ("AGO", "Angola", (), ("Angolan",)),
    ("ATG", "Antigua and Barbuda", (), ()),
    ("ARG", "Argentina", (), ("Argentine", "Argentinian", "Buenos Aires")),
    ("ARM", "Armenia", (), ("Armenian",)),
    ("AUS", "Australia", (), ("Australian", "Canberra")),
    ("AUT", "Austria", (), ("Austrian", "Vienna")),
    ("AZE", "Azerbaijan", (), ("Azerbaijani",)),
    ("BHS", "Bahamas", (), ()),
    ("BHR", "Bahrain", (), ("Bahraini",)),
    ("BGD", "Bangladesh", (), ("Bangladeshi",)),
    ("BRB", "Barbados", (), ()),
    (
        "BLR",
        "Belarus",
        ("Byelorussian SSR", "Byelorussian Soviet Socialist Republic", "Belorussian SSR"),
        ("Belarusian", "Minsk"),
    ),
    ("BEL", "Belgium", (), ("Belgian", "Brussels")),
    ("BLZ", "Belize", (), ()),
    ("BEN", "Benin", ("Dahomey",), ("Beninese",)),
    ("BTN", "Bhutan", (), ()),
    (
        "BOL",
        "Bolivia",
        ("Bolivia (Plurinational State of)", "Plurinational State of Bolivia"),
        ("Bolivian", "Bolivia (Plurinatioanl State of)", "Bolivia (Plunational State of)"),
    ),
    ("BIH", "Bosnia and Herzegovina", (), ("Bosnia",)),
    ("BWA", "Botswana", (), ()),
    ("BRA", "Brazil", (), ("Brazilian", "Brasilia", "Brasília")),
    ("BRN", "Brunei Darussalam", (), ("Brunei",)),
    ("BGR", "Bulgaria", (), ("Bulgarian",)),
    ("BFA", "Burkina Faso", ("Upper Volta",), ("Burkinabe",)),
    ("BDI", "Burundi", (), ("Burundian",)),
    ("CPV", "Cabo Verde", ("Cape Verde",), ()),
    ("KHM", "Cambodia", ("Democratic Kampuchea", "Khmer Republic", "Kampuchea"), ("Cambodian", "Democratic Campuchea")),
    ("CMR", "Cameroon", ("United Republic of Cameroon",), ("Cameroonian",)),
    ("CAN", "Canada", (), ("Canadian", "Ottawa")),
    ("CAF", "Central African Republic", ("Central African Empire",), ()),
    ("TCD", "Chad", (), ("Chadian",)),
    ("CHL", "Chile", (), ("Chilean", "Santiago")),
    ("COL", "Colombia", (), ("Colombian", "Bogota", "Bogotá")),
    ("COM", "Comoros", (), ()),
    ("COG", "Congo", ("Republic of the Congo", "Congo (Brazzaville)", "Congo-Brazzaville"), ("Brazzaville",)),
    ("CRI", "Costa Rica", (), ("Costa Rican",)),
    ("CIV", "Côte d'Ivoire", ("Ivory Coast",), ("Ivorian", "Cote d'Ivoire")),
    ("HRV", "Croatia", (), ("Croatian",)),
    ("CUB", "Cuba", (), ("Cuban", "Havana")),
    ("CYP", "Cyprus", (), ("Cypriot",)),
    ("CZE", "Czechia", ("Czech Republic",), ("Czech",)),
    ("CSK", "Czechoslovakia", ("Czech and Slovak Federal Republic",), ("Czechoslovak",)),
    ("PRK", "Democratic People's Republic of Korea", ("North Korea",), ("DPRK", "Pyongyang", "North Korean")),
    (
        "COD",
        "Democratic Republic of the Congo",
        ("Congo (Leopoldville)", "Congo (Democratic Republic of)", "Congo-Kinshasa"),
        ("DRC", "DR Congo", "Kinshasa"),
    ),
    ("ZAR", "Zaire", ("Republic of Zaire",), ("Zairean", "Zairian")),
    ("DNK", "Denmark", (), ("Danish", "Copenhagen")),
    ("DJI", "Djibouti", (), ("Djiboutian",)),
    ("DMA", "Dominica", (), ()),
    ("DOM", "Dominican Republic", (), ("Dominican",)),
    ("ECU", "Ecuador", (), ("Ecuadorian", "Ecuadorean", "Quito")),
    ("EGY", "Egypt", ("United Arab Republic",), ("Egyptian", "Cairo", "UAR")),
    ("SLV", "El Salvador", (), ("Salvadoran",)),
    ("GNQ", "Equatorial Guinea", (), ("Equatoguinean",)),
    ("ERI", "Eritrea", (), ()),
    ("EST", "Estonia", (), ("Estonian",)),
    ("SWZ", "Eswatini", ("Swaziland",), ()),
    ("ETH", "Ethiopia", (), ("Ethiopian", "Ethipia", "Addis Ababa")),
    ("FJI", "Fiji", (), ()),
    ("FIN", "Finland", (), ("Finnish", "Helsinki")),
    ("GAB", "Gabon", (), ("Gabonese",)),
    ("GMB", "Gambia", ("The Gambia",), ("Gambian",)),
    ("GEO", "Georgia", (), ("Georgian",)),
    ("DDR", "German Democratic Republic", ("German DR (German Democratic Republic)", "East Germany"), ("GDR",)),
    (
        "DEU",
        "Germany",
        (
            "Federal Republic of Germany",
            "German FR (German Federal Republic)",
            "Germany, Federal Republic of",
            "West Germany",
        ),
        ("German", "Berlin", "FRG"),
    ),
    ("GHA", "Ghana", (), ("Ghanaian", "Accra")),
    ("GRC", "Greece", (), ("Greek", "Athens")),
    ("GRD", "Grenada", (), ()),
    ("GTM", "Guatemala", (), ("Guatemalan",)),
    ("GIN", "Guinea", (), ("Guinean", "Conakry")),
    ("GNB", "Guinea-Bissau", (), ()),
    ("GUY", "Guyana", (), ("Guyanese", "Georgetown")),
    ("HTI", "Haiti", (), ("Haitian",)),
    ("HND", "Honduras", (), ("Honduran",)),
    ("HUN", "Hungary", (), ("Hungarian", "Budapest")),
    ("ISL", "Iceland", (), ("Icelandic",)),
    ("IND", "India", (), ("Indian", "New Delhi")),
    ("IDN", "Indonesia", (), ("Indonesian", "Jakarta")),
    ("IRN", "Iran", ("Iran (Islamic Republic of)", "Islamic Republic of Iran"), ("Iranian", "Tehran")),
    ("IRQ", "Iraq", (), ("Iraqi", "Baghdad")),
    ("IRL", "Ireland", (), ("Irish", "Dublin")),
    ("ISR", "Israel", (), ("Israeli", "Israelis")),
    ("ITA", "Italy", (), ("Italian", "Rome")),
    ("JAM", "Jamaica", (), ("Jamaican",)),
    ("JPN", "Japan", (), ("Japanese", "Tokyo")),
    ("JOR", "Jordan", (), ("Jordanian", "Amman")),
    ("KAZ", "Kazakhstan", (), ("Kazakh", "Tkazakhstan")),
    ("KEN", "Kenya", (), ("Kenyan", "Nairobi")),
    ("KIR", "Kiribati", (), ()),
    ("KWT", "Kuwait", (), ("Kuwaiti",)),
    ("KGZ", "Kyrgyzstan", (), ("Kyrgyz",)),
    ("LAO", "Lao People's Democratic Republic", ("Laos",), ("Lao",)),
    ("LVA", "Latvia", (), ("Latvian",)),
    ("LBN", "Lebanon", (), ("Lebanese", "Beirut")),
    ("LSO", "Lesotho", (), ()),
    ("LBR", "Liberia", (), ("Liberian",)),
    ("LBY", "Libya", ("Libyan Arab Jamahiriya", "Libyan Arab Republic"), ("Libyan", "Tripoli")),
    ("LIE", "Liechtenstein", (), ()),
    ("LTU", "Lithuania", (), ("Lithuanian",)),
    ("LUX", "Luxembourg", (), ()),
    ("MDG", "Madagascar", (), ("Malagasy",)),
    ("MWI", "Malawi", (), ("Malawian",)),
    ("MYS", "Malaysia", ("Federation of Malaya", "Malaya"), ("Malaysian", "Kuala Lumpur")),
    ("MDV", "Maldives", ("Maldive Islands",), ()),
    ("MLI", "Mali", (), ("Malian",)),
    ("MLT", "Malta", (), ("Maltese",)),
    ("MHL", "Marshall Islands", (), ()),
    ("MRT", "Mauritania", (), ("Mauritanian",)),
    ("MUS", "Mauritius", (), ("Mauritian",)),
    ("MEX", "Mexico", (), ("Mexican", "Mexico City")),
    ("FSM", "Micronesia (Federated States of)", ("Micronesia",), ()),
    ("MDA", "Republic of Moldova", ("Moldova",), ("Moldovan", "Repulic of Moldova")),
    ("MCO", "Monaco", (), ()),
    ("MNG", "Mongolia", (), ("Mongolian",)),
    ("MNE", "Montenegro", (), ()),
    ("MAR", "Morocco", (), ("Moroccan", "Rabat")),
    ("MOZ", "Mozambique", (), ("Mozambican",)),
    ("MMR", "Myanmar", ("Burma",), ("Burmese",)),
    ("NAM", "Namibia", (), ("Namibian",)),
    ("NRU", "Nauru", (), ()),
    ("NPL", "Nepal", (), ("Nepalese", "Nepali")),
    ("NLD", "Netherlands", ("Kingdom of the Netherlands",), ("Dutch", "The Hague", "Holland")),
    ("NZL", "New Zealand", (), ("New Zealander",)),
    ("NIC", "Nicaragua", (), ("Nicaraguan",)),
    ("NER", "Niger", (), ("Nigerien",)),
    ("NGA", "Nigeria", (), ("Nigerian", "Abuja", "Lagos")),
    ("MKD", "North Macedonia", ("The former Yugoslav Republic of Macedonia",), ()),
    ("NOR", "Norway", (), ("Norwegian", "Oslo")),
    ("OMN", "Oman", (), ("Omani",)),
    ("PAK", "Pakistan", (), ("Pakistani", "Islamabad")),
    ("PLW", "Palau", (), ()),
    ("PAN", "Panama", (), ("Panamanian",)),
    ("PNG", "Papua New Guinea", (), ()),
    ("PRY", "Paraguay", (), ("Paraguayan",)),
    ("PER", "Peru", (), ("Peruvian", "Lima")),
    ("PHL", "Philippines", ("Philippine Republic",), ("Filipino", "Philippine", "Manila")),
    ("POL", "Poland", (), ("Polish", "Warsaw")),
    ("PRT", "Portugal", (), ("Portuguese", "Lisbon")),
    ("QAT", "Qatar", (), ("Qatari",)),
    ("KOR", "Republic of Korea", ("South Korea",), ("ROK", "Seoul", "South Korean")),
    ("ROU", "Romania", (), ("Romanian", "Bucharest")),
    ("RWA", "Rwanda", (), ("Rwandan", "Kigali")),
    ("KNA", "Saint Kitts and Nevis", ("Saint Christopher and Nevis",), ()),
    ("LCA", "Saint Lucia", (), ()),
    ("VCT", "Saint Vincent and the Grenadines", (), ("St. Vincent and the Grenadines", "Vincentian")),
    ("WSM", "Samoa", (), ()),
    ("SMR", "San Marino", (), ()),
    ("STP", "Sao Tome and Principe", ("São Tomé and Príncipe",), ()),
    ("SAU", "Saudi Arabia", (), ("Saudi", "Riyadh", "Saudia Arabia")),
    ("SEN", "Senegal", (), ("Senegalese", "Dakar")),
    ("SRB", "Serbia", (), ("Serbian",)),
    ("SCG", "Serbia and Montenegro", ("Serbiamontenegro",), ()),
    ("SYC", "Seychelles", (), ()),
    ("SLE", "Sierra Leone", (), ("Sierra Leonean", "Freetown")),
    ("SGP", "Singapore", (), ("Singaporean",)),
    ("SVK", "Slovakia", (), ("Slovak",)),
    ("SVN", "Slovenia", (), ("Slovenian", "Slovene", "Ljubljana")),
    ("SLB", "Solomon Islands", (), ()),
    ("SOM", "Somalia", (), ("Somali", "Mogadishu")),
    ("ZAF", "South Africa", ("Union of South Africa",), ("South African", "Pretoria")),
    ("SSD", "South Sudan", (), ("South Sudanese",)),
    ("ESP", "Spain", (), ("Spanish", "Madrid")),
    ("LKA", "Sri Lanka", ("Ceylon",), ("Sri Lankan",)),
    ("SDN", "Sudan", (), ("Sudanese", "Khartoum")),
    ("SUR", "Suriname", ("Surinam",), ()),
    ("SWE", "Sweden", (), ("Swedish", "Stockholm")),
    ("CHE", "Switzerland", (), ("Swiss", "Bern")),
    ("SYR", "Syrian Arab Republic", ("Syria",), ("Syrian", "Damascus")),
    ("TJK", "Tajikistan", (), ()),
    ("THA", "Thailand", ("Siam",), ("Thai", "Bangkok")),
    ("TLS", "Timor-Leste", ("East Timor",), ()),
    ("TGO", "Togo", (), ("Togolese",)),
    ("TON", "Tonga", (), ()),
    ("TTO", "Trinidad and Tobago", (), ()),
    ("TUN", "Tunisia", (), ("Tunisian", "Tunis")),
    ("TUR", "Türkiye", ("Turkey",), ("Turkish", "Ankara", "Turkiye")),
    ("TKM", "Turkmenistan", (), ()),
    ("TUV", "Tuvalu", (), ()),
    ("UGA", "Uganda", (), ("Ugandan", "Kampala")),
    (
        "UKR",
        "Ukraine",
        ("Ukrainian SSR", "Ukrainian SSR (Ukrainian Soviet Socialist Republic)", "Ukrainian Soviet Socialist Republic"),
        ("Ukrainian", "Kyiv", "Kiev", "Ukranian Soviet Socialist Republic"),
    ),
    ("ARE", "United Arab Emirates", (), ("UAE", "Emirati", "Abu Dhabi")),
    ("TZA", "United Republic of Tanzania", ("Tanzania", "Tanganyika"), ("Tanzanian",)),
    ("URY", "Uruguay", (), ("Uruguayan", "Montevideo")),
    ("UZB", "Uzbekistan", (), ()),
    ("VUT", "Vanuatu", (), ()),
    (
        "VEN",
        "Venezuela",
        ("Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela"),
        ("Venezuelan", "Caracas"),
    ),
    ("VNM", "Viet Nam", ("Vietnam",), ("Vietnamese", "Hanoi")),
    ("YEM", "Yemen", (), ("Yemeni",)),
    ("YMD", "Democratic Yemen", ("Southern Yemen", "South Yemen"), ()),
    ("YUG", "Yugoslavia", ("Socialist Federal Republic of Yugoslavia",), ("Yugoslav",)),
    ("ZMB", "Zambia", (), ("Zambian", "Lusaka")),
    ("ZWE", "Zimbabwe", (), ("Zimbabwean", "Harare")),
    ("ZZB", "Zanzibar", (), ()),
    ("PSE", "State of Palestine", ("Palestine",), ("Palestinian", "Palestinians", "PLO")),
    ("VAT", "Holy See", (), ("Vatican",)),
)


def _dissolved() -> dict[str, str]:
    """The first day each former state no longer existed, from the membership table in :mod:`unsc.rules.charter`."""
    out = {}
    for code, spans in MEMBERSHIP.items():
        last = spans[-1][1]
        if last is not None:
            out[code] = (last + dt.timedelta(days=1)).isoformat()
    return out


_DISSOLVED = _dissolved()

#: Two-letter abbreviations accepted as aliases (everything else needs three letters or more, so that
#: stray letters never resolve to a state).
SHORT_ALIASES = frozenset({"uk", "us"})

#: Names that denote one government of a permanent seat, valid only while it held the seat (R2):
#: normalized name -> (first day, last day or None).
_SEAT_NAME_PERIODS: dict[str, tuple[dt.date | None, dt.date | None]] = {}


def _seat_name_periods() -> None:
    roc_last = PRC_SEATED - dt.timedelta(days=1)
    for n in ("ROC", "Republic of China", "Nationalist China", "Taiwan (Republic of China)"):
        _SEAT_NAME_PERIODS[normalize_name(n)] = (None, roc_last)
    for n in ("PRC", "People's Republic of China", "Beijing", "Peking"):
        _SEAT_NAME_PERIODS[normalize_name(n)] = (PRC_SEATED, None)


def normalize_name(text: str) -> str:
    """Fold a state name for lookup: case, accents, punctuation, a leading "the".

    >>> normalize_name("  Côte d’Ivoire ")
    'cote d ivoire'
    >>> normalize_name("the U.K.")
    'uk'
    """
    s = re.sub(r"[\u2018\u2019'`]", " ", text)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").casefold()
    s = s.replace("&", " and ")
    s = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b|\s|$)", "", s)  # U.K. -> UK, U.S.A. -> USA
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


_BY_CODE: dict[str, Member] = {}
_BY_NAME: dict[str, Member] = {}


def _build() -> None:
    for code, name, names, aliases in _TABLE:
        for group in (names, aliases):
            if not isinstance(group, tuple) or not all(isinstance(n, str) for n in group):
                raise TypeError(f"{code}: names and aliases must be tuples of strings, not {group!r}")
        for n in aliases:
            key = normalize_name(n)
            if len(key.replace(" ", "")) < 3 and key not in SHORT_ALIASES:
                raise AssertionError(f"{code}: alias {n!r} is shorter than three letters")
        m = Member(code, name, names, aliases, _DISSOLVED.get(code))
        _BY_CODE[code] = m
        for n in (name, *names, *aliases):
            key = normalize_name(n)
            other = _BY_NAME.get(key)
            if other is not None and other.code != code:
                raise AssertionError(f"name {n!r} maps to {other.code} and {code}")
            _BY_NAME[key] = m
    for code, m in _BY_CODE.items():
        _BY_NAME.setdefault(code.casefold(), m)


_build()
_seat_name_periods()


def find_member(text: str) -> Member | None:
    """The member a code or name denotes, or ``None``.

    >>> find_member("Washington").code
    'USA'
    >>> find_member("Atlantis") is None
    True
    """
    if not text:
        return None
    raw = text.strip()
    if raw.upper() in _BY_CODE:
        return _BY_CODE[raw.upper()]
    return _BY_NAME.get(normalize_name(raw))


def member(text: str) -> Member:
    """The member a code or name denotes; raises :class:`UnknownMemberError` otherwise.

    >>> member("United Kingdom of Great Britain and Northern Ireland").code
    'GBR'
    """
    m = find_member(text)
    if m is None:
        raise UnknownMemberError(text)
    return m


def all_members() -> tuple[Member, ...]:
    """Every state in the registry, in table order.

    >>> len(all_members()) > 190
    True
    """
    return tuple(_BY_CODE.values())


@functools.lru_cache(maxsize=1024)
def seat_name_period(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """The dates a name of one government of the China seat may be used, or ``None`` for a name of any time.

    >>> seat_name_period("ROC")[1], seat_name_period("China")
    (datetime.date(1971, 10, 24), None)
    """
    return _SEAT_NAME_PERIODS.get(normalize_name(text))


def member_on(text: str, when: dt.date | None) -> Member:
    """Like :func:`member`, but a name of one government of a permanent seat ("ROC", "PRC") is
    accepted only on dates that government held the seat (R2).

    >>> member_on("ROC", dt.date(1960, 1, 1)).code
    'CHN'
    >>> member_on("ROC", dt.date(2024, 1, 1))
    Traceback (most recent call last):
    ...
    unsc.rules.members.NameOutOfPeriodError: 'ROC' names the Republic of China, which held the China seat until 24 Oct 1971; on 2024-01-01 the People's Republic of China held it (give CHN or China)
    """
    m = member(text)
    if when is None or m.code != "CHN":
        return m
    period = seat_name_period(text)
    if period is None:
        return m
    first, last = period
    if first is not None and when < first:
        raise NameOutOfPeriodError(
            text,
            f"{text!r} names the People's Republic of China, which took the China seat on 25 Oct 1971; "
            f"on {when} the Republic of China held it (give CHN or China)",
        )
    if last is not None and when > last:
        raise NameOutOfPeriodError(
            text,
            f"{text!r} names the Republic of China, which held the China seat until 24 Oct 1971; "
            f"on {when} the People's Republic of China held it (give CHN or China)",
        )
    return m


# --- names of the time ----------------------------------------------------------------------------

#: Names a state bore at the UN one after another: ``code -> ((first day or None, name), ...)``; each
#: name holds from its first day to the day before the next. Only states that changed the name the UN
#: lists them under are here (the UN's list of Member States, "changes in name"); a state not here has
#: one name, :func:`find_member`'s. Sources write today's names for past members (the
#: Digital Library scrape's columns are headed by current names: "DEMOCRATIC REPUBLIC OF THE CONGO" on
#: Zaire's votes of 1982-91, "BELARUS" on the Byelorussian SSR's of 1974-75).
NAMES_OF_THE_TIME: dict[str, tuple[tuple[dt.date | None, str], ...]] = {
    "BEN": ((None, "Dahomey"), (dt.date(1975, 11, 30), "Benin")),
    "BFA": ((None, "Upper Volta"), (dt.date(1984, 8, 4), "Burkina Faso")),
    "BLR": ((None, "Byelorussian SSR"), (dt.date(1991, 9, 19), "Belarus")),
    "CPV": ((None, "Cape Verde"), (dt.date(2013, 10, 24), "Cabo Verde")),
    "DEU": ((None, "Germany, Federal Republic of"), (dt.date(1990, 10, 3), "Germany")),
    "EGY": ((None, "Egypt"), (dt.date(1958, 2, 22), "United Arab Republic"), (dt.date(1971, 9, 2), "Egypt")),
    "IRN": ((None, "Iran"), (dt.date(1979, 4, 1), "Iran (Islamic Republic of)")),
    "LBY": (
        (None, "Libya"),
        (dt.date(1969, 9, 1), "Libyan Arab Republic"),
        (dt.date(1977, 3, 2), "Libyan Arab Jamahiriya"),
        (dt.date(2011, 9, 16), "Libya"),
    ),
    "LKA": ((None, "Ceylon"), (dt.date(1972, 5, 22), "Sri Lanka")),
    "MKD": ((None, "The former Yugoslav Republic of Macedonia"), (dt.date(2019, 2, 14), "North Macedonia")),
    "MMR": ((None, "Burma"), (dt.date(1989, 6, 18), "Myanmar")),
    "SWZ": ((None, "Swaziland"), (dt.date(2018, 4, 19), "Eswatini")),
    "SYR": ((None, "Syria"), (dt.date(1961, 9, 28), "Syrian Arab Republic")),
    "TUR": ((None, "Turkey"), (dt.date(2022, 6, 1), "Türkiye")),
    "UKR": ((None, "Ukrainian SSR"), (dt.date(1991, 8, 24), "Ukraine")),
}

#: Short forms that name the state under each of its names (the UN writes "Iran" and "Syria" in
#: running text in every period), so they are never out of their time.
TIMELESS_SHORT_NAMES: dict[str, frozenset[str]] = {
    "IRN": frozenset({"iran"}),
    "LBY": frozenset({"libya"}),
    "SYR": frozenset({"syria"}),
}


def name_of_the_time(code: str, when: dt.date | None) -> str:
    """The name a member bore on a day, as the record serves it.

    >>> name_of_the_time("ZAR", dt.date(1991, 4, 5)), name_of_the_time("BLR", dt.date(1975, 10, 23))
    ('Zaire', 'Byelorussian SSR')
    >>> name_of_the_time("EGY", dt.date(1962, 4, 9)), name_of_the_time("EGY", dt.date(2017, 1, 1))
    ('United Arab Republic', 'Egypt')
    """
    chain = NAMES_OF_THE_TIME.get(code)
    if chain and when is not None:
        name = chain[0][1]
        for first, n in chain:
            if first is None or when >= first:
                name = n
        return name
    m = find_member(code)
    return m.name if m is not None else code


def name_fits(code: str, name: object, when: dt.date | None) -> bool:
    """Whether ``name`` is a name the member ``code`` bore on the day ``when``.

    The name must denote that state (not another one, not a typo) and, for a state that changed its
    name, not a name it bore only before or after that day. The UN's own voting records still label
    the Russian Federation's seat "USSR" on votes of 24-31 December 1991 (res. 725), so that label fits.

    >>> name_fits("ZAR", "DEMOCRATIC REPUBLIC OF THE CONGO", dt.date(1991, 4, 5))
    False
    >>> name_fits("ZAR", "Zaire", dt.date(1991, 4, 5)), name_fits("SYR", "Syria", dt.date(2003, 4, 24))
    (True, True)
    >>> name_fits("UKR", "UKRAINE", dt.date(1948, 4, 17)), name_fits("CHL", "CHILEs", dt.date(2015, 3, 27))
    (False, False)
    >>> name_fits("ETH", "Ethipia", dt.date(2018, 6, 1)), name_fits("ETH", "ETHIOPIA", dt.date(2018, 6, 1))
    (False, True)
    """
    if not isinstance(name, str) or not name.strip():
        return False
    fit, key = _how_name_fits(code, name)
    if fit == "dated" and when is not None:
        return key == _key_of_the_time(code, when)
    if fit == "ussr_label":
        return when is not None and when <= USSR_LABEL_LAST_DAY
    return fit != "never"


@functools.lru_cache(maxsize=16384)
def _how_name_fits(code: str, name: str) -> tuple[str, str]:
    """What :func:`name_fits` can say of a name without the day (the build asks it of 40,000 member votes, of
    a few hundred distinct names): ``never``, ``always``, ``ussr_label`` or ``dated`` (with the name's key)."""
    m = find_member(name)
    if m is None:
        return "never", ""
    if m.code != code:
        return ("ussr_label", "") if code == "RUS" and m.code == "SUN" else ("never", "")
    key = normalize_name(name)
    chain = NAMES_OF_THE_TIME.get(code, ())
    if key not in {normalize_name(n) for n in (m.name, *m.names, *(n for _, n in chain))}:
        return "never", ""  # an alias the registry resolves (a demonym, a capital, a known typo: "Ethipia")
    if not chain or key in TIMELESS_SHORT_NAMES.get(code, frozenset()):
        return "always", ""
    if key not in {normalize_name(n) for _, n in chain}:
        return "always", ""  # a spelling the table does not date (an official long form, a short form)
    return "dated", key


@functools.lru_cache(maxsize=16384)
def _key_of_the_time(code: str, when: dt.date) -> str:
    return normalize_name(name_of_the_time(code, when))
