"""Actors: the catalogue, the mentions extractor and the unknown-actors report."""
from toolkit.actors.catalogue import Actor, Catalogue, CatalogueError, load_catalogue
from toolkit.actors.extract import extract_mentions
from toolkit.actors.unknown import unknown_actors

__all__ = ["Actor", "Catalogue", "CatalogueError", "extract_mentions", "load_catalogue", "unknown_actors"]
