"""toolkit.loading.cleaning: rules on real lines, offsets back to the raw text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.loading.cleaning import byline_author, clean
from toolkit.loading.offsets import OffsetMap, to_raw

# real paragraphs (Kyiv Independent, 27 June 2025; Guardian, 2022)
P1 = ("Russia is ready to hold a third round of peace talks on the war in Ukraine, Russian President "
      "Vladimir Putin told reporters on June 27, without specifying if he would directly participate in the negotiations.")
P2 = "\"In general, we are ready for this (next round of peace talks), we need to coordinate the place and time,\" Putin said."
P3 = ("Putin added that the talks could potentially be held in Istanbul but the details have not yet been worked out. "
      "He added that another round of talks may bring peace closer.")


def assert_maps_back(raw: str, cleaned) -> None:
    for i, ch in enumerate(cleaned.text):
        if not ch.isspace():
            assert raw[cleaned.to_raw(i)] == ch, i


def test_whitespace_is_normalised_and_maps_back():
    raw = f"  {P1[:40]}\t\t {P1[40:]}  \r\n\r\n\r\n{P2}\u00a0\u00a0\n"
    c = clean(raw)
    assert c.text == f"{P1}\n\n{P2}"  # tabs and spaces between "of" and "peace" -> one space
    assert_maps_back(raw, c)


def test_invisible_characters_are_dropped_and_offsets_still_map():
    raw = f"Rus\u200bsia is \u00adready\ufeff to talk. {P3}"
    c = clean(raw)
    assert c.text.startswith("Russia is ready to talk.")
    assert_maps_back(raw, c)


def test_curly_and_straight_quotes_are_not_touched():
    raw = "He told Russian state TV: “I am ready to meet with everyone, including Zelensky.”\n\n" + P2
    c = clean(raw)
    assert "“I am ready to meet with everyone, including Zelensky.”" in c.text
    assert '"In general,' in c.text


def test_hard_wrapped_lines_are_joined_but_subheads_are_not():
    raw = ("Russia has launched a large offensive in Ukraine’s northeastern\n"
           "province of Sumy in recent weeks.\n"
           "Kursk conundrum\n"
           "While touting Russia’s battlefield advances, Putin faced questions.")
    c = clean(raw)
    assert c.text == ("Russia has launched a large offensive in Ukraine’s northeastern province of Sumy in recent weeks."
                      "\n\nKursk conundrum\n\nWhile touting Russia’s battlefield advances, Putin faced questions.")
    assert_maps_back(raw, c)


def test_headline_given_is_not_body_and_detected_stays_in_it():
    raw = f"Russia ready to hold third round of peace talks with Ukraine, Putin says\n\n{P1}\n\n{P2}"
    detected = clean(raw, detect_headline=True)
    assert detected.headline == "Russia ready to hold third round of peace talks with Ukraine, Putin says"
    # a title taken from the text stays searchable and annotated: the text is never shorter for it
    assert detected.text == raw
    given_title = clean(raw, title="Russia ready to hold third round of peace talks with Ukraine, Putin says")
    assert given_title.headline.startswith("Russia ready")
    assert not given_title.text.startswith("Russia ready")
    # a first line that is a sentence stays in the body
    assert clean(f"{P1}\n{P2}", detect_headline=True).text.startswith("Russia is ready")


def test_byline_and_date_stamp_are_metadata_not_body():
    raw = f"by Dmytro Basmat June 27, 2025 10:57 PM 2 min read\nUpdated: June 28, 2025\n{P1}\n{P2}"
    c = clean(raw)
    assert c.text == f"{P1}\n\n{P2}"
    assert {r.rule for r in c.removed} == {"byline", "date_line"}
    assert byline_author("by Dmytro Basmat June 27, 2025 10:57 PM 2 min read") == "Dmytro Basmat"
    assert byline_author("By Shaun Walker and Pjotr Sauer | Reuters") == "Shaun Walker and Pjotr Sauer"
    # sentences that start with "By" are not bylines
    assert byline_author("By Monday, Russian troops had withdrawn from the town.") is None
    assert byline_author("By the end of the day the talks had stalled.") is None


def test_guardian_newsletter_and_caption_lines_go():
    raw = (f"{P1}\n\nSign up to First Edition, our free daily newsletter – every weekday morning at 7am BST\n\n"
           "Evacuees from Mariupol and its surrounds arrive in Zaporizhzhia. Photograph: Roman Pilipey/EPA\n\n"
           f"{P2}\n\nIf you have any questions or comments about any of our newsletters please email newsletters@theguardian.com")
    c = clean(raw)
    assert c.text == f"{P1}\n\n{P2}"
    assert [r.rule for r in c.removed] == ["sign_up", "photo_caption", "newsletter_contact"]


def test_long_entry_ending_in_a_credit_keeps_its_text():
    entry = ("Ukrainian president Volodymyr Zelenskiy has met with the president of the International Olympic "
             "Committee Thomas Bach on Sunday. The meeting comes as at least 89 Ukrainian athletes and coaches have "
             "been killed since the invasion began, according to the sports ministry in Kyiv, which has called for "
             "a ban on Russian athletes. Photograph: Ukrainian Presidential Press Service/Reuters")
    c = clean(f"{P1}\n\n{entry}")
    assert "at least 89 Ukrainian athletes and coaches have been killed" in c.text
    assert "Photograph:" not in c.text


def test_lists_and_letter_signatures_are_kept():
    # BBC list lines and a Guardian letter signature are content, not teasers
    raw = (f"{P1}\n\nBarcelona, Bayern Munich, Porto, Real Madrid, Werder Bremen\n\n{P3}\n\n"
           f"TOO FAST TOO FURIOUS (DIGITAL BRIDGES)\n\n{P2}\n\nDavid Sutherland\n\nLondon")
    c = clean(raw)
    for kept in ("Werder Bremen", "TOO FAST TOO FURIOUS", "David Sutherland", "London"):
        assert kept in c.text


def test_empty_and_all_boilerplate_inputs_give_empty_text():
    for raw in ("", "   \n\n \t", "Skip to content\nPostImage\nJOIN US ON TELEGRAM"):
        c = clean(raw)
        assert c.text == ""
        assert c.offsets.segments == ()


def test_offset_map_json_round_trip_and_spans():
    raw = f"PostImage\n\n{P1}\n\n{P2}"
    c = clean(raw)
    stored = c.offsets.to_json()
    assert OffsetMap.from_json(stored) == c.offsets
    i = c.text.index("Istanbul") if "Istanbul" in c.text else c.text.index("Putin")
    assert to_raw(stored, i) == c.to_raw(i)
    start = c.text.index("\"In general")
    s, e = c.to_raw_span(start, start + len(P2))
    assert raw[s:e] == P2
    assert len(stored) < 40  # compact: a few segments, not one entry per character


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_clean_never_raises_and_kept_characters_map_back(raw):
    c = clean(raw, detect_headline=True)
    assert_maps_back(raw, c)
    assert "\n\n\n" not in c.text
    assert c.text == c.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([P1, P2, P3, "PostImage", "Kursk conundrum", "", "  ", "Video",
                                 "Sign up to First Edition", "“Unbalanced quote", "by Jane Doe"]), max_size=12),
       st.sampled_from(["\n", "\r\n", "\n\n", "\u2029"]))
def test_line_rules_on_shuffled_real_lines_keep_the_map(lines, sep):
    raw = sep.join(lines)
    c = clean(raw)
    assert_maps_back(raw, c)
    for paragraph in (P1, P2, P3):
        if paragraph in lines and lines.count(paragraph) >= 1:
            assert paragraph in c.text or any(r.rule.startswith("tail:") for r in c.removed)


def test_archive_headlines_ending_in_a_full_stop_or_split_over_two_lines():
    # PolNeAR (UPI, USA Today, Western Journal archives, 2016)
    body = ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — Green Party presidential candidate Jill Stein was escorted off the "
            "premises of Hofstra University on Monday afternoon.")
    dotted = clean(f"Green Party candidate Jill Stein removed from N.Y. debate site by police.\n\n{body}",
                   detect_headline=True)
    assert dotted.headline == "Green Party candidate Jill Stein removed from N.Y. debate site by police."
    assert dotted.text.endswith(body)
    split = clean("Candidates vie for vets' support; \nTrump and Clinton point out own credentials, each other's "
                  f"failings during leadership forum.\n\n{body}", detect_headline=True)
    assert split.headline.startswith("Candidates vie for vets' support; Trump and Clinton")
    assert split.text.endswith(body)
    long_title_case = ("Tim Allen Just Got Asked About Donald Trump – His Response Might Infuriate Most Of Hollywood "
                       "And Everyone Is Talking About It.")
    assert clean(f"{long_title_case}\n\n{body}", detect_headline=True).headline == long_title_case
    # a short lede in sentence case that runs on without a blank line is body
    lede = "Russia said on Friday it was ready to talk."
    assert clean(f"{lede}\n{body}", detect_headline=True).text.startswith(lede)
    # nor is a short lede set off by a blank line, a dateline or a greeting (untitled bodies)
    for first in (lede, "KYIV, Ukraine (AP) —", "Good morning."):
        assert clean(f"{first}\n\n{body}", detect_headline=True).headline is None, first


def test_one_line_texts_lose_copyright_and_social_footers_only():
    # GVA (US local news, 2018-19): whole articles on one line
    body = "Lafayette Police are searching for two suspects who they say robbed a Lafayette home at gunpoint Monday evening."
    notice = ("Copyright 2019 Nexstar Broadcasting, Inc. All rights reserved. This material may not be published, "
              "broadcast, rewritten, or redistributed.")
    assert clean(f"{notice} {body}").text == body
    assert clean(f"{body} ({notice})").text == body
    assert clean(f"{body} Like Times of Trenton on Facebook • Follow @TimesofTrenton on Twitter").text == body
    # inside a sentence it is text
    assert clean("He said he would follow @Reuters on Twitter.").text == "He said he would follow @Reuters on Twitter."
