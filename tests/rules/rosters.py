"""Elected members of the Council in the years the spec's test cases use (public facts, typed by hand).

The permanent members come from :meth:`unsc.rules.Council.on`; these are the other seats, by year.
"""

from __future__ import annotations

from unsc.rules import Council

ELECTED: dict[int, tuple[str, ...]] = {
    1946: ("AUS", "BRA", "EGY", "MEX", "NLD", "POL"),
    1947: ("AUS", "BEL", "BRA", "COL", "POL", "SYR"),
    1948: ("ARG", "BEL", "CAN", "COL", "SYR", "UKR"),
    1950: ("CUB", "ECU", "EGY", "IND", "NOR", "YUG"),
    1955: ("BEL", "BRA", "IRN", "NZL", "PER", "TUR"),
    1956: ("AUS", "BEL", "CUB", "IRN", "PER", "YUG"),
    1959: ("ARG", "CAN", "ITA", "JPN", "PAN", "TUN"),
    1960: ("ARG", "LKA", "ECU", "ITA", "POL", "TUN"),
    1965: ("BOL", "CIV", "JOR", "MYS", "NLD", "URY"),
    1966: ("ARG", "BGR", "JPN", "JOR", "MLI", "NLD", "NZL", "NGA", "UGA", "URY"),
    1967: ("ARG", "BRA", "BGR", "CAN", "DNK", "ETH", "IND", "JPN", "MLI", "NGA"),
    1969: ("COL", "DZA", "FIN", "HUN", "NPL", "PAK", "PRY", "SEN", "ESP", "ZMB"),
    1970: ("BDI", "COL", "FIN", "NPL", "NIC", "POL", "SLE", "ESP", "SYR", "ZMB"),
    1971: ("ARG", "BEL", "BDI", "ITA", "JPN", "NIC", "POL", "SOM", "SYR", "SLE"),
    1974: ("AUS", "AUT", "BLR", "CMR", "CRI", "IDN", "IRQ", "KEN", "MRT", "PER"),
    1975: ("BLR", "CMR", "CRI", "GUY", "IRQ", "ITA", "JPN", "MRT", "SWE", "TZA"),
    1976: ("BEN", "GUY", "ITA", "JPN", "LBY", "PAK", "PAN", "ROU", "SWE", "TZA"),
    1980: ("BGD", "DDR", "JAM", "MEX", "NER", "NOR", "PHL", "PRT", "TUN", "ZMB"),
    1994: ("ARG", "BRA", "CZE", "DJI", "NZL", "NGA", "OMN", "PAK", "RWA", "ESP"),
    1996: ("BWA", "CHL", "EGY", "DEU", "GNB", "HND", "IDN", "ITA", "KOR", "POL"),
    2014: ("ARG", "AUS", "CHL", "TCD", "JOR", "LTU", "LUX", "NGA", "KOR", "RWA"),
    2015: ("AGO", "CHL", "TCD", "JOR", "LTU", "MYS", "NZL", "NGA", "ESP", "VEN"),
    2016: ("AGO", "EGY", "JPN", "MYS", "NZL", "SEN", "ESP", "UKR", "URY", "VEN"),
    2017: ("BOL", "EGY", "ETH", "ITA", "JPN", "KAZ", "SEN", "SWE", "UKR", "URY"),
    2018: ("BOL", "CIV", "GNQ", "ETH", "KAZ", "KWT", "NLD", "PER", "POL", "SWE"),
    2020: ("BEL", "DOM", "EST", "DEU", "IDN", "NER", "VCT", "ZAF", "TUN", "VNM"),
    2022: ("ALB", "BRA", "GAB", "GHA", "IND", "IRL", "KEN", "MEX", "NOR", "ARE"),
    2023: ("ALB", "BRA", "ECU", "GAB", "GHA", "JPN", "MLT", "MOZ", "CHE", "ARE"),
    2024: ("DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"),
    2025: ("DZA", "DNK", "GRC", "GUY", "PAK", "PAN", "KOR", "SLE", "SVN", "SOM"),
}


def council(date: str) -> Council:
    """The Charter Council of a date with its elected members, so every vote is checked against the roster."""
    return Council.on(date, elected=ELECTED[int(date[:4])])


def everyone(date: str) -> tuple[str, ...]:
    """All seats on a date, permanent first."""
    members = council(date).members
    assert members is not None
    return members


def rest(date: str, *named: str) -> list[str]:
    """The seats on a date not in ``named`` (codes), in roster order."""
    taken = set(named)
    return [c for c in everyone(date) if c not in taken]
