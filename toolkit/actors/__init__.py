"""Actors: the catalogue, the mentions extractor and the unknown-actors report."""
from toolkit.actors.catalogue import Actor, Catalogue, CatalogueError, load_catalogue
from toolkit.actors.extract import extract_mentions
from toolkit.actors.unknown import catalogue_stub, unify_person_ids, unknown_actors

__all__ = ["Actor", "Catalogue", "CatalogueError", "catalogue_stub", "extract_mentions", "load_catalogue",
           "unify_person_ids", "unknown_actors"]
