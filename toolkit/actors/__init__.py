"""Actors: the catalogue and the mentions extractor."""
from toolkit.actors.catalogue import Actor, Catalogue, CatalogueError, load_catalogue

__all__ = ["Actor", "Catalogue", "CatalogueError", "load_catalogue"]
