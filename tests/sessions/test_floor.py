"""The floor of a live session (:mod:`unsc.sessions.model`): the speakers list (Council seats and invited
non-members), requests to speak, the speaking clock with an injected clock, and procedural motions
(rule 33) decided by the rules engine without a veto."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc.rules import Kind, VotingClass
from unsc.sessions import (
    PROCEDURAL_MOTIONS,
    Conflict,
    Forbidden,
    Session,
    Unprocessable,
    clock,
)

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]


def council_2024() -> Session:
    return Session.create(date="2024-03-22", elected=ELECTED_2024, title="Floor")


def codes(s: Session) -> list[str]:
    return [x.code for x in s.speakers]


def test_list_order_add_move_remove() -> None:
    s = council_2024()
    for who in ["France", "MLT", "Ukraine", "Russian Federation"]:
        s.add_speaker(s.chair_token, who)
    assert codes(s) == ["FRA", "MLT", "UKR", "RUS"]
    assert s.move_speaker(s.chair_token, "RUS", -1) == ["FRA", "MLT", "RUS", "UKR"]
    assert s.move_speaker(s.chair_token, "FRA", 10) == ["MLT", "RUS", "UKR", "FRA"]  # clamped to the end
    assert s.move_speaker(s.chair_token, "MLT", -1) == ["MLT", "RUS", "UKR", "FRA"]  # already first
    s.remove_speaker(s.chair_token, "Ukraine")
    assert codes(s) == ["MLT", "RUS", "FRA"]
    with pytest.raises(Conflict, match="already on the speakers list"):
        s.add_speaker(s.chair_token, "Malta")
    with pytest.raises(Conflict, match="not on the speakers list"):
        s.remove_speaker(s.chair_token, "UKR")
    with pytest.raises(Unprocessable, match="neither a seat"):
        s.add_speaker(s.chair_token, "Atlantis")


def test_next_speaker_takes_the_head_of_the_list() -> None:
    s = council_2024()
    for who in ["USA", "DZA"]:
        s.add_speaker(s.chair_token, who)
    assert s.next_speaker(s.chair_token, now=10.0).code == "USA"
    assert codes(s) == ["DZA"]
    assert s.next_speaker(s.chair_token, now=20.0).code == "DZA"
    assert s.next_speaker(s.chair_token, now=30.0) is None
    assert s.speaking is None and s.timer(now=40.0)["running"] is False


def test_invited_non_member_speaks_but_cannot_vote() -> None:
    s = council_2024()
    sp = s.add_speaker(s.chair_token, "Ukraine")
    assert (sp.code, sp.member, sp.to_dict()["label"]) == ("UKR", False, "invited, no vote")
    assert s.add_speaker(s.chair_token, "Japan").member is True
    s.open_motion(s.chair_token, "suspend")
    with pytest.raises(Unprocessable, match="does not sit on this Council"):
        s.cast(s.chair_token, "UKR", "Y")
    for c in ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU"]:
        s.cast(s.token_of(c), c, "Y")
    m = s.close_vote(s.chair_token)
    assert "UKR" not in m.votes and len(m.votes) == 15
    assert not any(x.code == "UKR" for x in s.seats)


def test_timer_arithmetic_with_an_injected_clock() -> None:
    s = council_2024()
    s.set_time_limit(s.chair_token, 120)
    s.add_speaker(s.chair_token, "CHE")
    s.next_speaker(s.chair_token, now=1000.0)
    t = s.timer(now=1030.5)
    assert (t["elapsed"], t["remaining"], t["running"], t["time_up"]) == (30.5, 89.5, True, False)
    assert s.timer(now=1120.0)["time_up"] is True and s.timer(now=1120.0)["remaining"] == 0.0
    t = s.timer(now=1150.0)
    assert (t["remaining"], t["overtime"], t["time_up"]) == (0.0, 30.0, True)
    s.set_time_limit(s.chair_token, 200)  # a new limit applies to the current speaker
    assert s.timer(now=1150.0)["remaining"] == 50.0 and s.timer(now=1150.0)["time_up"] is False


def test_pause_and_resume() -> None:
    s = council_2024()
    s.set_time_limit(s.chair_token, 60)
    s.add_speaker(s.chair_token, "GUY")
    s.next_speaker(s.chair_token, now=0.0)
    s.pause_timer(s.chair_token, now=20.0)
    assert s.timer(now=500.0)["elapsed"] == 20.0 and s.timer(now=500.0)["running"] is False
    with pytest.raises(Conflict, match="not running"):
        s.pause_timer(s.chair_token, now=510.0)
    s.resume_timer(s.chair_token, now=600.0)
    with pytest.raises(Conflict, match="already running"):
        s.resume_timer(s.chair_token, now=601.0)
    assert s.timer(now=630.0)["remaining"] == 10.0
    s.end_speech(s.chair_token, now=640.0)
    assert s.timer(now=700.0)["speaker"] is None
    with pytest.raises(Conflict, match="nobody has the floor"):
        s.resume_timer(s.chair_token, now=700.0)


def test_no_limit_counts_up() -> None:
    s = council_2024()
    s.add_speaker(s.chair_token, "KOR")
    s.next_speaker(s.chair_token, now=5.0)
    t = s.timer(now=70.0)
    assert (t["limit"], t["elapsed"], t["remaining"], t["time_up"]) == (0, 65.0, None, False)
    with pytest.raises(Unprocessable, match="between 0"):
        s.set_time_limit(s.chair_token, 4000)
    with pytest.raises(Unprocessable, match="not a number"):
        s.set_time_limit(s.chair_token, "ten")


@settings(max_examples=50, deadline=None)
@given(
    limit=st.integers(0, 3600),
    spans=st.lists(st.tuples(st.floats(0, 500), st.floats(0, 500)), min_size=1, max_size=6),
)
def test_paused_time_never_counts(limit: int, spans: list[tuple[float, float]]) -> None:
    """Whatever the pauses, the clock shows exactly the time spoken while running."""
    s = council_2024()
    s.set_time_limit(s.chair_token, limit)
    s.add_speaker(s.chair_token, "SVN")
    t = 0.0
    s.next_speaker(s.chair_token, now=t)
    spoken = 0.0
    for run, pause in spans:
        t += run
        spoken += run
        s.pause_timer(s.chair_token, now=t)
        t += pause
        s.resume_timer(s.chair_token, now=t)
    out = s.timer(now=t)
    assert out["elapsed"] == pytest.approx(spoken, abs=1e-2)
    if limit:
        assert out["remaining"] == pytest.approx(max(0.0, limit - spoken), abs=1e-2)
        assert out["time_up"] is (round(spoken, 3) >= limit)


def test_delegate_request_flow() -> None:
    s = council_2024()
    mlt, moz = s.token_of("MLT"), s.token_of("MOZ")
    assert s.request_floor(mlt) == "MLT" and s.request_floor(moz) == "MOZ"
    s.request_floor(mlt)  # asking twice is one request
    assert s.requests == ["MLT", "MOZ"]
    assert [r["code"] for r in s.view(s.chair_token)["floor"]["requests"]] == ["MLT", "MOZ"]
    assert "requests" not in s.view(mlt)["floor"] and s.view(mlt)["you"]["requested"] is True
    assert "requests" not in s.view(None)["floor"]
    s.add_speaker(s.chair_token, "MLT")  # granted: on the list, no longer a request
    assert s.requests == ["MOZ"] and codes(s) == ["MLT"]
    assert s.view(mlt)["you"]["on_list"] == 0
    with pytest.raises(Conflict, match="already on the speakers list"):
        s.request_floor(mlt)
    s.remove_speaker(s.chair_token, "MOZ")  # declined
    assert s.requests == []
    s.request_floor(moz)
    s.withdraw_request(moz)
    assert s.requests == []
    with pytest.raises(Conflict, match="not asked"):
        s.withdraw_request(moz)
    s.next_speaker(s.chair_token, now=0.0)
    assert s.view(mlt)["you"]["speaking"] is True
    with pytest.raises(Conflict, match="you have the floor"):
        s.request_floor(mlt)


def test_tokens_are_checked() -> None:
    s = council_2024()
    usa = s.token_of("USA")
    for act in [
        lambda: s.add_speaker(usa, "France"),
        lambda: s.remove_speaker(usa, "France"),
        lambda: s.move_speaker(usa, "France", 1),
        lambda: s.next_speaker(usa),
        lambda: s.set_time_limit(usa, 60),
        lambda: s.pause_timer(usa),
        lambda: s.resume_timer(usa),
        lambda: s.end_speech(usa),
        lambda: s.open_motion(usa, "adjourn"),
        lambda: s.request_floor(s.chair_token),
        lambda: s.request_floor(None),
        lambda: s.withdraw_request(None),
    ]:
        with pytest.raises(Forbidden):
            act()
    with pytest.raises(Forbidden, match="not valid"):
        s.request_floor("not-a-token")
    assert s.speakers == [] and s.requests == [] and s.time_limit == 0


def test_procedural_motions_in_rule_33_order_and_without_veto() -> None:
    assert [m["kind"] for m in PROCEDURAL_MOTIONS][:5] == [
        "suspend",
        "adjourn",
        "adjourn_to_date",
        "refer_to_committee",
        "postpone",
    ]
    assert [m["rule"] for m in PROCEDURAL_MOTIONS][:5] == ["33(1)", "33(2)", "33(3)", "33(4)", "33(5)"]
    for m in PROCEDURAL_MOTIONS:
        assert Kind(m["kind"]).default_class is VotingClass.PROCEDURAL, m["kind"]
    s = council_2024()
    for i, spec in enumerate(PROCEDURAL_MOTIONS, start=1):
        m = s.open_motion(s.chair_token, spec["kind"], "detail")
        assert m.kind == spec["kind"] and m.question.endswith(": detail")
        # nine in favour, two permanent members against: adopted, a procedural no is no veto
        for c in ["FRA", "GBR", "USA", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ"]:
            s.cast(s.token_of(c), c, "Y")
        for c in ["RUS", "CHN"]:
            s.cast(s.token_of(c), c, "N")
        d = s.close_vote(s.chair_token).decision
        assert d["adopted"] is True and d["vetoed_by"] == [] and d["voting_class"] == "procedural", (i, d)
    with pytest.raises(Unprocessable, match="not one of"):
        s.open_motion(s.chair_token, "draft_resolution")


def test_floor_dispatch_and_persistence(tmp_path) -> None:
    from unsc.sessions import Floor, open_storage

    store = open_storage(tmp_path / "live.sqlite3")
    s = store.create(Session.create(date="2024-03-22", elected=ELECTED_2024))
    chair = s.chair_token
    store.execute(s.id, chair, Floor("add", "Ukraine"))
    store.execute(s.id, chair, Floor("add", "France"))
    store.execute(s.id, s.token_of("MLT"), Floor("request"))
    store.execute(s.id, chair, Floor("limit", seconds="90"))
    store.execute(s.id, chair, Floor("next", at=50.0))
    store.execute(s.id, chair, Floor("pause", at=80.0))
    with pytest.raises(Unprocessable, match="action"):
        store.execute(s.id, chair, Floor("shout"))
    store.close()
    back = open_storage(tmp_path / "live.sqlite3").load(s.id)
    assert [x.code for x in back.speakers] == ["FRA"] and back.requests == ["MLT"]
    assert back.speaking is not None and (back.speaking.code, back.speaking.member) == ("UKR", False)
    t = back.timer(now=10_000.0)
    assert (t["elapsed"], t["remaining"], t["running"]) == (30.0, 60.0, False)


def test_clock_format() -> None:
    assert [clock(x) for x in (0, 0.2, 59, 60, 61, 3600)] == ["0:00", "0:01", "0:59", "1:00", "1:01", "60:00"]
