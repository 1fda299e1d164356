"""Source framing: loaded language, official terms, naming choices,
attribution verbs, hedges and epithets (the ``framing`` table), and the
corpus-level summaries an analyst compares outlets with.

Every row says whose voice it is in: ``in_quote=True`` rows belong to the
quoted speaker (``speaker_actor_id``), the rest to the outlet; every summary
keeps the two apart.
"""

from toolkit.framing.extract import extract_framing
from toolkit.framing.lexicon import Lexicon, LexiconError, load_lexicon

__all__ = ["extract_framing", "load_lexicon", "Lexicon", "LexiconError"]
