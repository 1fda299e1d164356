"""The one reporting-verb lexicon (toolkit/data/reporting_verbs.yaml), read by
the quotes, framing and claims extractors through its tags."""

from __future__ import annotations

from toolkit.claims.lexicon import load_lexicon as claims_lexicon
from toolkit.framing.lexicon import load_lexicon as framing_lexicon
from toolkit.framing.quoted import NAMING_VERBS
from toolkit.quotes.cues import cue_group, load_cues
from toolkit.vocabulary import reporting_verbs


def test_each_domain_reads_its_tags_of_the_one_lexicon():
    verbs = reporting_verbs()
    # "claim" serves all three: a quote cue, a sceptical attribution verb, a claimant verb
    assert cue_group("claim") == "assertive"
    assert framing_lexicon().verb_category("claim") == "sceptical"
    assert "claim" in claims_lexicon().reporting_verbs
    # record-keeping verbs give a figure its claimant but report no speech
    assert "tally" in claims_lexicon().reporting_verbs and "tally" not in load_cues().group_of
    # "consider" only introduces someone's words for a term; "dub" does that and
    # is a quote cue when the parse links it to the quote (`Moscow dubbed it a
    # “special military operation”` is Moscow's words; issue 13, session 5)
    assert "consider" in NAMING_VERBS and "consider" not in load_cues().group_of and "consider" not in framing_lexicon().verbs
    assert "dub" in NAMING_VERBS and "dub" in load_cues().weak
    assert load_cues().group_of == verbs.quote_verbs and framing_lexicon().verbs == verbs.stance


def test_every_quote_cue_has_a_stance_category():
    """An attribution verb row never falls back to 'other' for a cue the quotes
    extractor can emit (the framing categories cover the quote cues)."""
    verbs = reporting_verbs()
    missing = sorted((set(verbs.quote_verbs) | set(verbs.quote_phrases)) - set(verbs.stance))
    assert not missing, missing
    assert verbs.quote_weak <= set(verbs.quote_verbs)
