"""The package's one entry point: every name it promises resolves, lazily."""

from __future__ import annotations

import subprocess
import sys

import unsc


def test_every_entry_point_resolves() -> None:
    for name in unsc._ENTRY_POINTS:
        assert getattr(unsc, name) is not None, name
    assert set(unsc._ENTRY_POINTS) <= set(dir(unsc))


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        unsc.no_such_thing  # noqa: B018
    except AttributeError as e:
        assert "no_such_thing" in str(e)
    else:
        raise AssertionError("expected AttributeError")


def test_import_unsc_loads_no_heavy_layer() -> None:
    code = "import sys, unsc; print(sorted(m for m in ('pandas', 'duckdb', 'unsc.record') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_power_through_the_entry_point() -> None:
    p = unsc.council_game(unsc.Council.on("2024-03-22")).power(["ss"])
    assert str(p.value("ss", "permanent")) == "421/2145"


# ---- the top-level data API -------------------------------------------------------------------

import inspect  # noqa: E402

import pytest  # noqa: E402


def test_decisions_has_a_signature_to_read() -> None:
    params = inspect.signature(unsc.decisions).parameters
    assert {"since", "until", "member", "outcome", "kind", "text", "topic", "issue", "vetoed_by", "limit"} <= set(
        params
    )
    assert all(p.kind is not inspect.Parameter.VAR_KEYWORD for p in params.values())
    assert "Outcome" in str(params["outcome"].annotation) and "Kind" in str(params["kind"].annotation)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "procedurl"}, "did you mean 'procedural'"),
        ({"outcome": "veto"}, "did you mean 'vetoed'"),
        ({"issue": "middle-east"}, "did you mean 'middle_east'"),
        ({"kind": "zzz"}, "expected one of: draft_resolution"),
    ],
)
def test_unknown_filter_values_are_errors_not_empty_frames(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        unsc.decisions(**kwargs, store="/nonexistent/never-opened.duckdb")


def test_unknown_member_suggests_the_nearest() -> None:
    with pytest.raises(unsc.rules.UnknownMemberError, match="did you mean 'Russian Federation'"):
        unsc.member_code("Rusia")
    assert unsc.member_code("the UK") == "GBR"


def test_enums_are_exported() -> None:
    assert unsc.Vote("A") is unsc.Vote.ABSTAIN
    assert unsc.FailureReason("veto").value == "veto"
    assert unsc.Outcome("without_vote") is unsc.Outcome.WITHOUT_VOTE
    assert unsc.Kind("procedural").value == "procedural"


@pytest.mark.data
def test_api_on_the_real_store(built_store) -> None:
    d = unsc.decisions(since=2011, store=built_store)
    dates = d["date"].tolist()
    assert dates == sorted(dates)  # oldest first, like vetoes()
    v = unsc.vetoes(since=2011, store=built_store)
    assert v["date"].tolist() == sorted(v["date"].tolist())
    for col in ("kind", "failure_reason", "modality", "issue"):
        assert str(d[col].dtype) == "category", col
    assert set(d.loc[d.decision_id == "S/2024/239", "issue"]) == {"middle_east"}
    vetoed = unsc.decisions(since=2024, until=2024, outcome="vetoed", store=built_store)
    assert "S/2024/239" in set(vetoed.decision_id) and vetoed["adopted"].eq(False).all()
    syria = unsc.decisions(text="Syria", outcome="vetoed", since=2011, store=built_store)
    assert len(syria) >= 10
    votes = unsc.votes("S/2024/239", store=built_store)
    assert len(votes) == 15 and str(votes["vote"].dtype) == "category"
    assert set(votes.loc[votes.member.isin(["CHN", "RUS"]), "vote"]) == {"N"}
    names = unsc.votes(since=1990, until=1999, store=built_store)["member_name"].dropna()
    assert not any(n.isupper() and len(n) > 5 for n in names)  # "AUSTRALIA" -> "Australia"
    m = unsc.members(store=built_store)
    assert {"CHN", "FRA", "RUS", "GBR", "USA", "SUN"} <= set(m.code)


@pytest.mark.data
def test_every_topic_in_the_store_has_a_coded_issue(built_store) -> None:
    from unsc.analysis.stats import ISSUES, issue_of
    from unsc.record import open_store

    topics = open_store(built_store).sql("SELECT DISTINCT topic FROM decisions WHERE topic IS NOT NULL")["topic"]
    assert len(topics) > 100
    unmapped = [t for t in topics if issue_of(t) is None]
    assert unmapped == []
    codes = {issue_of(t) for t in topics}
    assert codes <= set(ISSUES) and len(codes) >= 8
    # the two spellings of the Palestinian question are one issue
    assert issue_of("Middle East, inc. Palestinian question") == issue_of("Israel-Palestine") == "middle_east"


def test_issue_patterns_file_is_valid() -> None:
    from unsc.analysis import stats

    patterns = stats._issue_patterns()
    assert patterns and {code for code, _ in patterns} <= set(stats.ISSUES)
    assert stats.issue_of("Somalia") == "africa" and stats.issue_of("Women and peace and security") == "thematic"
    assert stats.issue_of("Threats to international peace and security caused by terrorist acts") == "terrorism"
    assert stats.issue_of("Letters from Mars") is None
