"""One actor mention: a token span resolved to an actor (before it becomes a row)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from toolkit.actors.catalogue import Actor
from toolkit.actors.sides import UNKNOWN_SIDE  # the one label for an unknown side
from toolkit.context import span_keys

__all__ = ["ID_PREFIX", "Mention", "UNKNOWN_SIDE", "from_actor"]

#: prefix of the derived id of an uncatalogued actor, by kind ("per:andriy_demchenko")
ID_PREFIX = {"person": "per", "organisation": "org", "place": "loc", "country": "loc", "group": "grp"}


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int
    actor_id: str
    actor: str
    kind: str
    side: str
    role: str
    via: str
    label: str  # spaCy label of the entity it came from (for evaluation)

    def record(self, doc: Doc, article_id: str) -> dict:
        span = doc[self.start:self.end]
        return {
            "article_id": article_id,
            **span_keys(span),
            "surface": span.text,
            "actor_id": self.actor_id,
            "actor": self.actor,
            "kind": self.kind,
            "side": self.side,
            "role": self.role or None,
            "via": self.via,
        }


def from_actor(start: int, end: int, actor: Actor, via: str, label: str) -> Mention:
    """A mention of a catalogued actor."""
    return Mention(start, end, actor.actor_id, actor.name, actor.kind, actor.side, actor.role, via, label)
