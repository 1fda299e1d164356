"""Credits to agencies and outlets (toolkit.sourcing): the extractor on real
sentences from the sample and the evaluation corpora, and the editable list."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from toolkit.context import ArticleContext
from toolkit.sourcing import SourcesError, extract_credits, load_sources
from toolkit.sourcing.sources import default_path


@pytest.fixture(scope="module")
def sentencizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def credits(nlp, text, outlet="The Guardian", sources=None):
    ctx = ArticleContext(article_id="t", outlet=outlet, published=None)
    rows = extract_credits(nlp(text), ctx, sources)
    for r in rows:
        assert text[r["start"]:r["end"]] == r["surface"]
    return [(r["surface"], r["source_id"], r["kind"]) for r in rows]


# -- the sample: Trendozz is Reuters copy, the Kyiv Post quotes Putin per Reuters ----------

def test_sample_credits(nlp):
    import toolkit

    corpus = toolkit.load(Path(__file__).resolve().parents[1] / "data" / "articles")
    from toolkit.extraction import article_context

    found = {}
    for record in corpus.articles.to_dict("records"):
        found[record["outlet"]] = [(r["surface"], r["source_id"], r["kind"], r["sent_id"])
                                   for r in extract_credits(nlp(record["text"]), article_context(record))]
    assert [f[:3] for f in found["Trendozz"]] == [("Reuters", "reuters", "citation")]
    assert [f[:3] for f in found["Kyiv Post"]] == [("Reuters", "reuters", "citation")]
    assert [f[:3] for f in found["CSB News"]] == [("RIA Novosti", "ria_novosti", "citation")]
    assert [f[:3] for f in found["The Kyiv Independent"]] == [("Suspilne", "suspilne", "interview_with")]
    # amedpost.com names no outlet ("He told Russian state TV" is unnamed)
    assert found["amedpost.com"] == []
    assert all(isinstance(f[3], int) for rows in found.values() for f in rows)


# -- kinds, on sentences quoted from ru_ua_2022 / guardian_feb2022 / BBC -----------------

def test_citation_cues(sentencizer):
    assert credits(sentencizer, "Local authorities said 25 people had also been injured in Thursday’s fire, "
                                "Tass news agency reported, citing emergency services.") == [("Tass", "tass", "citation")]
    assert credits(sentencizer, "Per AFP, Kirill Stremousov, a civilian and military administrator of Kherson said "
                                "that “beginning 1 May, we will move to the ruble zone,” according state news agency "
                                "RIA Novosti.") == [("AFP", "afp", "citation"), ("RIA Novosti", "ria_novosti", "citation")]
    assert credits(sentencizer, "Over the past 24 hours, Russian forces appeared to have made notable advances "
                                "around the town, an AFP team in the area said.") == [("AFP", "afp", "citation")]


def test_coordinated_names_share_the_credit(sentencizer):
    assert credits(sentencizer, "CNN and the New York Times have reported that Washington was willing to exchange "
                                "Russian arms trafficker Viktor Bout.") == [("CNN", "cnn", "citation"),
                                                                            ("New York Times", "nyt", "citation")]
    assert credits(sentencizer, "Agence France-Presse and the Associated Press contributed to this report") == [
        ("Agence France-Presse", "afp", "wire_credit"), ("Associated Press", "ap", "wire_credit")]


def test_interviews_and_unlisted_outlets(sentencizer):
    assert credits(sentencizer, "Whelan lawyer Vladimir Zherebenkov told the Guardian on Thursday he believed "
                                "Moscow wanted Bout to be part of a swap.") == [("Guardian", "guardian", "interview_with")]
    assert credits(sentencizer, "“There’s not really a dispute on the committee,” the Wyoming representative Liz "
                                "Cheney told CNN’s State of the Union.") == [("CNN", "cnn", "interview_with")]
    # not in the shipped list, but the text says what it is
    rows = credits(sentencizer, "Speaking to Polish tabloid Fakt, Skrzypczak said that Johnson had revealed "
                                "“a military secret”.")
    assert rows == [("Fakt", "fakt", "interview_with")]
    assert credits(sentencizer, '"What we want is for more people to earn and own," Mr Milburn told BBC Radio 4\'s '
                                "Today show.", outlet="unknown") == [("BBC Radio 4", "bbc", "interview_with")]


def test_republished_and_embedded_posts(sentencizer):
    text = ("Ukrainian artists turned the former ‘house’ allotted to Russia at the World Economic Forum in Davos "
            "into a ‘Russian War Crimes House’ pic.twitter.com/LE8Hx4qfR1— Reuters (@Reuters) May 22, 2022")
    assert credits(sentencizer, text) == [("Reuters", "reuters", "republished_from")]
    assert credits(sentencizer, "This story originally appeared in the Daily Express.") == [
        ("Daily Express", "express", "republished_from")]


def test_mentions_that_are_not_credits(sentencizer):
    assert credits(sentencizer, "The Russian state media outlets RT and Sputnik have also been banned in the EU.") == []
    assert credits(sentencizer, "Photograph: Ukrainian Presidential Press Service/Reuters Mine sniffing dog Patron.") == []
    assert credits(sentencizer, "Photograph: Sergey Bobok/AFP/Getty Images The talks ended inconclusively.") == []
    # Sun Microsystems, not the Sun newspaper (the list writes it "The Sun")
    assert credits(sentencizer, "Some of them want to book computing capacity of more than 5,000 processors each, "
                                "Sun said.") == []
    # "contributing factor" is not "contributed to this report"
    assert credits(sentencizer, "The state-run news agency Tass said early findings pointed to ageing wiring as a "
                                "contributing factor.") == [("Tass", "tass", "citation")]


def test_short_names_resolve_in_context(sentencizer):
    text = ("The New York Times said otherwise on Sunday, in a report headlined: “January 6 panel has evidence.” "
            "Citing “members and aides”, the Times said such sources were reluctant to support a referral.")
    assert credits(sentencizer, text) == [("New York Times", "nyt", "citation"), ("Times", "nyt", "citation")]
    # in the NYT's own pages "The Times" is the NYT; elsewhere the London paper
    own = "“Our working assumption is that he was there,” one of the US officials told The Times."
    assert credits(sentencizer, own, outlet="The New York Times") == [("Times", "nyt", "interview_with")]
    assert credits(sentencizer, own, outlet="BBC News") == [("Times", "the_times", "interview_with")]


# -- the list ------------------------------------------------------------------------------

def test_shipped_list_names_the_agencies_of_the_war():
    sources = load_sources()
    for sid in ("reuters", "ap", "afp", "tass", "ria_novosti", "interfax", "ukrinform", "unian", "bbc", "cnn"):
        assert sid in sources
    assert sources["tass"].type == "agency" and sources["tass"].state
    assert sources.lookup("the Associated Press").source_id == "ap"
    assert sources.for_outlet("The New York Times").source_id == "nyt"
    assert sources.frame()["source_id"].is_unique


def test_user_file_extends_and_overrides(tmp_path, sentencizer):
    mine = tmp_path / "my_sources.yaml"
    mine.write_text("extends: default\nsources:\n"
                    "  - {source_id: fakt, name: Fakt, type: newspaper, country: Poland, aliases: [Fakt]}\n"
                    "  - {source_id: reuters, name: Thomson Reuters, type: agency, aliases: [Reuters]}\n")
    sources = load_sources(mine)
    assert sources["fakt"].country == "Poland" and sources["reuters"].name == "Thomson Reuters"
    assert "tass" in sources and sources.digest != load_sources().digest
    rows = extract_credits(sentencizer("Speaking to Polish tabloid Fakt, Skrzypczak said so."),
                           ArticleContext(article_id="t", outlet="x", published=None), sources)
    assert [(r["source_id"], r["source_type"]) for r in rows] == [("fakt", "newspaper")]
    # list form + several files: later files win
    both = load_sources([default_path(), mine])
    assert both["reuters"].name == "Thomson Reuters"


@pytest.mark.parametrize("body, message", [
    ("sources:\n  - {name: X, type: agency}\n", "missing required field 'source_id'"),
    ("sources:\n  - {source_id: x, name: X, type: wire}\n", "type 'wire' is not one of"),
    ("sources:\n  - {source_id: x, name: X, type: agency, colour: red}\n", "unknown field"),
    ("sources:\n  - {source_id: x, name: X, type: agency}\n  - {source_id: x, name: Y, type: agency}\n", "duplicate source_id"),
    ("sources:\n  - {source_id: x, name: X, type: agency, aliases: [Reuters]}\n"
     "  - {source_id: y, name: Y, type: agency, aliases: [Reuters]}\n", "claimed by both"),
    ("sources: [\n", "not valid YAML"),
    ("sources:\n  - {source_id: x, name: X, type: agency, aliases: Reuters}\n", "must be a list"),
])
def test_bad_files_name_the_entry_and_field(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(SourcesError, match=message):
        load_sources(path)


# -- annotate(sources=...) and --sources: the analyst's list reaches the sourcing table -------

def test_annotate_uses_the_analysts_sources_file(tmp_path, sample_corpus, annotated_sample):
    import toolkit

    mine = tmp_path / "my_sources.yaml"
    # the analyst renames Reuters and says the outlet "Trendozz" is Reuters' own site
    mine.write_text("extends: default\nsources:\n"
                    "  - {source_id: reuters, name: Thomson Reuters, type: agency, aliases: [Reuters],"
                    " outlets: [Trendozz]}\n")
    annotated = toolkit.annotate(sample_corpus, cache_dir=None, progress=False, sources=mine)
    s = annotated.with_outlet("sourcing")
    reuters = s[s["source_id"] == "reuters"]
    assert set(reuters["source"]) == {"Thomson Reuters"}
    assert reuters.set_index("outlet")["self_credit"].to_dict() == {"Trendozz": True, "Kyiv Post": False}
    # provenance follows the same list: the Kyiv Post's Putin quote is via "Thomson Reuters",
    # Trendozz's quotes are its own reporting now (they were all "via Reuters" with the shipped list)
    q = annotated.with_outlet("quotes")
    assert "Kyiv Post ← Thomson Reuters ← Vladimir Putin" in set(q["via_chain"].dropna())
    assert q.loc[q["outlet"] == "Trendozz", "via"].isna().all()
    shipped = annotated_sample.with_outlet("quotes")
    assert (shipped.loc[shipped["outlet"] == "Trendozz", "via"] == "Reuters").any()
    from toolkit.sourcing import load_sources as _load

    assert annotated.meta["sources"] == _load(mine).digest != annotated_sample.meta["sources"]


def test_cli_sources_flag_refuses_a_bad_file_before_parsing(tmp_path, sample_dir, capsys):
    from toolkit.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: default\nsources:\n  - {source_id: fakt, name: Fakt, type: tabloid}\n")
    out = tmp_path / "out"
    assert main(["annotate", str(sample_dir), "--out", str(out), "--no-cache", "--quiet", "--sources", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml entry 0 (fakt): type 'tabloid' is not one of" in err
    assert not (out / "manifest.json").exists()


# -- anaphors: "telling the news agency", "the paper said" credit the organisation named just before ----

def test_anaphors_credit_the_organisation_named_before(sentencizer):
    # ru_ua_2022 (Guardian live blog)
    assert credits(sentencizer, "One of the civilians evacuated spoke to Reuters, telling the news agency, “We didn’t "
                                "see the sun for so long”.") == [("Reuters", "reuters", "interview_with"),
                                                                 ("news agency", "reuters", "interview_with")]
    nyt = ("The New York Times said otherwise on Sunday, in a report headlined: “January 6 panel has evidence for "
           "criminal referral of Trump, but splits on sending.”\n\n“The debate centers on whether making a referral – "
           "a largely symbolic act – would backfire,” the paper said.")
    assert credits(sentencizer, nyt) == [("New York Times", "nyt", "citation"), ("paper", "nyt", "citation")]
    # guardian_feb2022: an unlisted organisation found from the text is an antecedent too
    fakt = ("Speaking to Polish tabloid Fakt, Skrzypczak said that Johnson had revealed “a military secret”. “Let a man "
            "restrain himself and think before he says such things,” said the former general to the newspaper, which "
            "described his tone as irritated in an article from Friday.")
    assert credits(sentencizer, fakt) == [("Fakt", "fakt", "interview_with"), ("newspaper", "fakt", "interview_with")]


def test_descriptions_that_are_not_anaphoric_credits(sentencizer):
    # a government agency, not a news organisation, is what "the agency" refers to
    assert credits(sentencizer, "Ukraine’s state security service says it is investigating 752 cases of treason and "
                                "collaboration. According to the agency, the greatest amount of cases have been "
                                "documented in the regions of Luhansk, Donetsk, Zaporizhzhia, and Kherson.") == []
    # the description is followed by the name: one credit, to the name
    assert credits(sentencizer, "South Korean ambassador Kim Hyung-tae has returned to Kyiv along with some embassy "
                                "staff, the news agency Yonhap has reported citing the Foreign Ministry in "
                                "Seoul.") == [("Yonhap", "yonhap", "citation")]
    # the type must fit ("the paper" is not the broadcaster named before) and the name must be close
    assert credits(sentencizer, "Liz Cheney told CNN’s State of the Union there was no dispute. A Ukrainian official "
                                "told the paper that 200 soldiers were killed.") == [("CNN", "cnn", "interview_with")]
    far = "Peskov told Reuters on Monday that talks would resume. " + "The talks stalled again. " * 30 + \
        "“We are ready,” an official told the news agency."
    assert credits(sentencizer, far) == [("Reuters", "reuters", "interview_with")]
    # "said according to" is a citation, not an interview ("said … to")
    assert credits(sentencizer, "Biden will meet with Ukrainian mothers and children, her office said according to "
                                "Reuters.") == [("Reuters", "reuters", "citation")]


def test_what_reading_the_ru_ua_table_taught(sentencizer):
    # ru_ua_2022: a photo credit is not the organisation "the news agency" refers back to
    cannes = ("Reuters says that the Ukrainian used the debut showing of his movie Pamfir to criticise festival "
              "organisers for inviting the Russian. Kirill Serebrennikov. Photograph: Anadolu Agency/Getty Images "
              "“When he’s here, he is part of the Russian propaganda, and they can use him,” Sukholytkyy-Sobchuk told "
              "the news agency during Cannes’ directors’ fortnight event.")
    assert credits(sentencizer, cannes) == [("Reuters", "reuters", "citation"),
                                            ("news agency", "reuters", "interview_with")]
    # an agency of a government or the EU is not a news organisation, named or referred back to
    assert credits(sentencizer, "The European Border and Coast Guard Agency says 2.5 million Ukrainians have returned "
                                "there since the war started in February. The agency said 5.5 million Ukrainians "
                                "have fled to the EU since the war began.") == []
    assert credits(sentencizer, "The International Atomic Energy Agency said the plant had lost power.") == []
    # BBC: "the magazine" is not the newspaper named before (the Spectator, unnamed here)
    assert credits(sentencizer, "It began with a dispute between Ken Livingstone and a reporter on the Evening "
                                "Standard. The article in the magazine suggested grieving Liverpudlians were "
                                "wallowing in their victim status.") == []
    # a social platform is not an outlet; a sentence's full stop is not part of a name
    assert credits(sentencizer, "Igor Girkin wrote on his Telegram channel that the city was shelled.") == []
    assert credits(sentencizer, "Lavrov gave an interview to Italian broadcaster Mediaset.") == [
        ("Mediaset", "mediaset", "interview_with")]
    # BBC: a commentator's programme is an affiliation; ru_ua_2022: the Russian transliteration of Ukrainska Pravda
    assert credits(sentencizer, "Bill Thompson is a regular commentator on the BBC World Service programme Go "
                                "Digital.") == []
    assert credits(sentencizer, "According to a report by Ukrainskaya Pravda, combat swimmers from the 73rd marine "
                                "centre of Ukraine’s special forces took part in the operation. They set off for the "
                                "island during the night using underwater vehicles. An advance team surveyed the "
                                "coastal zone for mines and gave a signal for boats from the main group to approach, "
                                "the newspaper said.") == [("Ukrainskaya Pravda", "ukrainska_pravda", "citation"),
                                                           ("newspaper", "ukrainska_pravda", "citation")]
    # guardian_feb2022: the head of an outlet speaking is not the outlet as a source
    assert credits(sentencizer, "Hawkish commentators such as the head of Russia Today, Margarita Simonyan, have said "
                                "foreign companies that leave the Russian market should have their local assets "
                                "seized.") == []
