"""The intermediate record every rule produces before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token


@dataclass
class Attribution:
    """One quote or reported clause, as found in the text.

    ``start``/``end`` are the content's character offsets; ``cue`` is the cue
    lemma (``"say"``, ``"according to"``) or None for a quote nothing governs;
    ``source`` the speaker as written (a name, a noun phrase or a pronoun).
    ``inherited_from`` is set when a cue-less quote continues the previous
    speaker's quote (its source is resolved like that one).
    """

    start: int
    end: int
    direct: bool
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source: Span | None = None
    inherited_from: "Attribution | None" = None
    #: how a direct quote got its cue: "linked" (the parse), "colon", "nearby"
    #: (the nearest reporting verb), "preposition", "transcript"; None otherwise
    rule: str | None = None

    @classmethod
    def with_cue(cls, start: int, end: int, direct: bool, cue: str, cue_tokens: list[Token], source: Span | None) -> "Attribution":
        first, last = cue_tokens[0], cue_tokens[-1]
        return cls(start, end, direct, cue, first.idx, last.idx + len(last), source)


@dataclass(frozen=True)
class Speaker:
    """Who a row is attributed to: the actor (``actor_id``, canonical ``name``,
    ``kind``) and the phrase as written (``surface``, at ``position``)."""

    actor_id: str | None
    name: str | None
    kind: str | None
    surface: str | None
    position: int  # character offset where the speaker is named (for salience)
