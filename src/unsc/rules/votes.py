"""Vote codes, decision kinds and voting classes: the engine's vocabulary (spec section 0)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["FailureReason", "Interpretation", "Kind", "Modality", "NonVoting", "Vote", "VotingClass"]


class Vote(StrEnum):
    """One seat's vote, with the letters of the UN Digital Library voting data.

    >>> Vote("Y") is Vote.YES, Vote.parse("abstain")
    (True, <Vote.ABSTAIN: 'A'>)
    """

    YES = "Y"
    NO = "N"
    ABSTAIN = "A"
    NON_VOTING = "X"  # absent, present and not participating, or obligatory abstention

    @classmethod
    def parse(cls, text: str) -> Vote:
        """Read a vote from a code or a word ("Y", "yes", "in favour", "against", "abstention").

        >>> Vote.parse("against")
        <Vote.NO: 'N'>
        """
        key = text.strip().casefold()
        try:
            return _WORDS[key]
        except KeyError:
            raise ValueError(f"unknown vote {text!r}: expected Y, N, A or X (yes, no, abstain, absent)") from None


_WORDS = {
    **{v.value.casefold(): v for v in Vote},
    "yes": Vote.YES,
    "in favour": Vote.YES,
    "in favor": Vote.YES,
    "for": Vote.YES,
    "affirmative": Vote.YES,
    "no": Vote.NO,
    "against": Vote.NO,
    "negative": Vote.NO,
    "abstain": Vote.ABSTAIN,
    "abstention": Vote.ABSTAIN,
    "abstained": Vote.ABSTAIN,
    "absent": Vote.NON_VOTING,
    "non-voting": Vote.NON_VOTING,
    "not voting": Vote.NON_VOTING,
    "did not vote": Vote.NON_VOTING,
    "not participating": Vote.NON_VOTING,
}


class NonVoting(StrEnum):
    """Why a seat cast no vote (``X``). Counting treats all alike; warnings and explanations differ (R5, R9, R10).

    ``UNSPECIFIED`` is a seat that cast no vote without the ballot saying why (not named, or an ``X``
    from a record that does not distinguish): the engine then says "did not vote", never "was absent".
    """

    ABSENT = "absent"
    NOT_PARTICIPATING = "present_not_participating"
    OBLIGATORY_ABSTENTION = "obligatory_abstention"  # Art. 27(3), party to a dispute
    UNSPECIFIED = "not_voting"


class Interpretation(StrEnum):
    """How Article 27(3) is read (spec 0.4, R7): as the Council practises it (an abstention or absence
    of a permanent member is no veto) or literally (every permanent member must vote yes).

    >>> Interpretation("charter_literal") is Interpretation.CHARTER_LITERAL, Interpretation.PRACTICE == "practice"
    (True, True)
    """

    PRACTICE = "practice"
    CHARTER_LITERAL = "charter_literal"

    @classmethod
    def parse(cls, text: str) -> Interpretation:
        """The reading named ``text``; a ``ValueError`` naming both readings otherwise.

        >>> Interpretation.parse("practice")
        <Interpretation.PRACTICE: 'practice'>
        """
        try:
            return cls(text)
        except ValueError:
            raise ValueError(f"interpretation must be 'practice' or 'charter_literal', not {text!r}") from None


class VotingClass(StrEnum):
    """Which paragraph of Article 27 governs: procedural (27(2)) or all other matters (27(3)).

    ``SPECIAL`` is a fixed number of votes with no veto and no distinction between members
    (Art. 109 "any seven/nine", ICJ Statute Art. 10).
    """

    PROCEDURAL = "procedural"
    NON_PROCEDURAL = "non_procedural"
    SPECIAL = "special"


class Kind(StrEnum):
    """What is being decided (spec 0.3). Each kind has a default :class:`VotingClass`."""

    DRAFT_RESOLUTION = "draft_resolution"
    AMENDMENT = "amendment"
    PART = "part"  # separate vote on a paragraph (rule 32(2))
    # procedural (R6, R13-R17, R24)
    PROCEDURAL = "procedural"  # any other procedural motion
    AGENDA = "agenda"
    AGENDA_ORDER = "agenda_order"
    POSTPONE = "postpone"
    REMOVE_ITEM = "remove_item"
    SUSPEND = "suspend"
    ADJOURN = "adjourn"
    ADJOURN_TO_DATE = "adjourn_to_date"
    REFER_TO_COMMITTEE = "refer_to_committee"
    INVITE_RULE37 = "invite_rule37"
    INVITE_RULE39 = "invite_rule39"
    INVITE_ART32 = "invite_art32"
    CONVENE_GAESS_377 = "convene_gaess_377"
    REQUEST_GA_SPECIAL_SESSION = "request_ga_special_session"
    ART12_REQUEST_TO_GA = "art12_request_to_ga"
    REPORT_TO_GA = "report_to_ga"
    RULING_CHALLENGE = "ruling_challenge"  # the proposition voted is "to overrule" (R17)
    ICJ_JOINT_CONFERENCE_REQUEST = "icj_joint_conference_request"
    # the preliminary question "is this matter procedural?" (R16)
    PRELIMINARY_QUESTION = "preliminary_question"
    # non-procedural special decisions (R18-R20, R23)
    ADMISSION_REC = "admission_rec"
    SG_APPOINTMENT_REC = "sg_appointment_rec"
    SUSPENSION_REC = "suspension_rec"
    RESTORATION = "restoration"
    EXPULSION_REC = "expulsion_rec"
    ADVISORY_OPINION_REQUEST = "advisory_opinion_request"
    # fixed majorities without veto (R21, R22)
    ART109_1_CONFERENCE = "art109_1_conference"
    ART109_3_CONFERENCE = "art109_3_conference"
    ICJ_BALLOT = "icj_ballot"
    # non-procedural (R24): conditions for a non-Member to become a party to the ICJ Statute
    # (Charter Art. 93(2)) or to take part in electing judges (Statute Art. 4(3))
    ICJ_STATUTE_CONDITIONS = "icj_statute_conditions"
    # Art. 44: a non-member contributing forces takes part in the decision on its contingents.
    # Never operated (no Art. 43 agreements): decide() refuses it with an error (R4).
    ART44_CONTINGENTS = "art44_contingents"
    # informal, no legal effect (R18): read with unsc.rules.straw_polls, not decided
    SG_STRAW_POLL = "sg_straw_poll"

    @property
    def default_class(self) -> VotingClass:
        """The class a vote of this kind has unless overridden.

        >>> Kind.AGENDA.default_class, Kind.ADMISSION_REC.default_class
        (<VotingClass.PROCEDURAL: 'procedural'>, <VotingClass.NON_PROCEDURAL: 'non_procedural'>)
        """
        if self in _PROCEDURAL_KINDS:
            return VotingClass.PROCEDURAL
        if self in (Kind.ART109_1_CONFERENCE, Kind.ART109_3_CONFERENCE, Kind.ICJ_BALLOT, Kind.SG_STRAW_POLL):
            return VotingClass.SPECIAL
        return VotingClass.NON_PROCEDURAL

    @property
    def possible_classes(self) -> frozenset[VotingClass]:
        """The classes a vote of this kind can be decided under; an override outside them is an error.

        The fixed majorities (Art. 109, ICJ Statute Art. 10) are only ``special``; no other kind can
        be ``special``, because Art. 27 governs every other decision.

        >>> sorted(Kind.ICJ_BALLOT.possible_classes), sorted(Kind.DRAFT_RESOLUTION.possible_classes)
        ([<VotingClass.SPECIAL: 'special'>], [<VotingClass.NON_PROCEDURAL: 'non_procedural'>, <VotingClass.PROCEDURAL: 'procedural'>])
        """
        if self.default_class is VotingClass.SPECIAL:
            return frozenset({VotingClass.SPECIAL})
        return frozenset({VotingClass.PROCEDURAL, VotingClass.NON_PROCEDURAL})

    @classmethod
    def parse(cls, text: str) -> Kind:
        """Read a kind from its name, with a few synonyms ("resolution", "draft", "substantive").

        >>> Kind.parse("procedural"), Kind.parse("draft")
        (<Kind.PROCEDURAL: 'procedural'>, <Kind.DRAFT_RESOLUTION: 'draft_resolution'>)
        """
        exact = cls._value2member_map_.get(text)  # a kind's own name, as the API and the record give it
        if exact is not None:
            return exact  # type: ignore[return-value]
        key = text.strip().casefold().replace("-", "_").replace(" ", "_")
        key = {
            "draft": "draft_resolution",
            "resolution": "draft_resolution",
            "substantive": "draft_resolution",
            "non_procedural": "draft_resolution",
            "preliminary": "preliminary_question",
            "amendment_to": "amendment",
            "icj": "icj_ballot",
            "icj_election": "icj_ballot",
            "admission": "admission_rec",
            "art109_1": "art109_1_conference",
            "art109_3": "art109_3_conference",
            "straw_poll": "sg_straw_poll",
            "art93_2": "icj_statute_conditions",
            "art44": "art44_contingents",
        }.get(key, key)
        try:
            return cls(key)
        except ValueError:
            names = ", ".join(k.value for k in cls)
            raise ValueError(f"unknown kind {text!r}; expected one of: {names}") from None


_PROCEDURAL_KINDS = frozenset(
    {
        Kind.PROCEDURAL,
        Kind.AGENDA,
        Kind.AGENDA_ORDER,
        Kind.POSTPONE,
        Kind.REMOVE_ITEM,
        Kind.SUSPEND,
        Kind.ADJOURN,
        Kind.ADJOURN_TO_DATE,
        Kind.REFER_TO_COMMITTEE,
        Kind.INVITE_RULE37,
        Kind.INVITE_RULE39,
        Kind.INVITE_ART32,
        Kind.CONVENE_GAESS_377,
        Kind.REQUEST_GA_SPECIAL_SESSION,
        Kind.ART12_REQUEST_TO_GA,
        Kind.REPORT_TO_GA,
        Kind.RULING_CHALLENGE,
        Kind.ICJ_JOINT_CONFERENCE_REQUEST,
    }
)


class FailureReason(StrEnum):
    """Why a decision was not taken (spec 0.5)."""

    NONE = "none"
    INSUFFICIENT_VOTES = "insufficient_votes"
    VETO = "veto"
    NO_CONCURRENCE = "no_concurrence"  # charter_literal mode only: a permanent member did not vote yes


class Modality(StrEnum):
    """A recorded vote, or a decision adopted without a vote (R12): by consensus or by acclamation (the
    Council's practice for appointing the Secretary-General, e.g. res. 2311 (2016) and 2580 (2021)).

    >>> Modality("acclamation").is_without_vote, Modality.RECORDED.is_without_vote
    (True, False)
    """

    RECORDED = "recorded"
    WITHOUT_VOTE = "without_vote"
    ACCLAMATION = "acclamation"

    @property
    def is_without_vote(self) -> bool:
        """Whether the decision was taken without a recorded vote (consensus or acclamation)."""
        return self is not Modality.RECORDED
