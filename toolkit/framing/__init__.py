"""Source framing: loaded language, official terms, naming choices,
attribution verbs, hedges and epithets (the ``framing`` table), and the
corpus-level summaries an analyst compares outlets with.

Every row says whose voice it is in: ``in_quote=True`` rows belong to the
quoted speaker (``speaker_actor_id``), the rest to the outlet; every summary
keeps the two apart.

```python
from toolkit import framing
framing.by_outlet(corpus)            # signal rates per 1,000 words, outlet vs quoted voice
framing.attribution(corpus)          # reporting-verb mix per outlet x speaker side
framing.voice(corpus)                # share of voice: quotes and quoted words per actor
framing.distinctive_terms(corpus)    # weighted log-odds (Monroe et al. 2008), every outlet vs the rest
framing.tone(corpus, by="actor")     # VADER lexicon tone per actor, outlet vs quoted voice
framing.agency(corpus)               # who does what to whom: agent / patient counts and verbs
```
"""

from toolkit.framing.distinctive import corpus_terms, distinctive_terms
from toolkit.framing.extract import extract_framing
from toolkit.framing.lexicon import Lexicon, LexiconError, load_lexicon
from toolkit.framing.logodds import weighted_log_odds
from toolkit.framing.summaries import agency, attribution, by_outlet, signal_rates, voice
from toolkit.framing.terms import light_term_counts, term_counts
from toolkit.framing.tone import sentence_tones, text_tone, tone

__all__ = [
    "extract_framing", "by_outlet", "signal_rates", "attribution", "voice", "distinctive_terms", "tone", "agency",
    "term_counts", "light_term_counts", "corpus_terms", "weighted_log_odds", "sentence_tones",
    "text_tone", "load_lexicon", "Lexicon", "LexiconError",
]
