"""Actors: the catalogue, the mentions extractor, the unknown-actors report, and
the side of an actor with voice by side (:mod:`toolkit.actors.sides`)."""
from toolkit.actors.catalogue import Actor, Catalogue, CatalogueError, load_catalogue
from toolkit.actors.extract import extract_mentions
from toolkit.actors.sides import UNATTRIBUTED, UNKNOWN_SIDE, actor_sides, speaker_sides, voice_by_side
from toolkit.actors.unknown import catalogue_stub, unify_person_ids, unknown_actors

__all__ = ["Actor", "Catalogue", "CatalogueError", "catalogue_stub", "extract_mentions", "load_catalogue",
           "unify_person_ids", "unknown_actors", "actor_sides", "speaker_sides", "voice_by_side", "UNKNOWN_SIDE",
           "UNATTRIBUTED"]
