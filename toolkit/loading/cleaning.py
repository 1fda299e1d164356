"""Clean scraped article text into body paragraphs, keeping a map to the raw text.

Method: line classification, in the spirit of boilerplate-removal work such as
jusText (Pomikálek 2011: paragraphs judged by length, link density and
stop-word density) but driven by what scraped *plain text* still shows: each
raw line is kept or removed by one named rule, in this order:

1. page furniture is stripped from the start of a line ("Skip to content",
   ``date 2025-06-27``: ``leading_tokens`` in ``data/boilerplate.yaml``) and
   from its end (a copyright footer in one-line texts: ``trailing_tokens``);
2. an end marker in the second half ("Author: ...", "Video", "Thank you for
   signing up ...") cuts everything after it (``tail:<rule>``);
3. lines without a letter or digit, known furniture lines (calls to action,
   newsletter and social promos, share bars) and photo captions ending in an
   agency credit;
4. related-story cards: an outlet name glued to an author ("The Kyiv
   IndependentChris York") and the teaser/headline lines just above it;
5. the headline: the first line, when it equals the given title (removed: the
   metadata holds it) or looks like a headline (``Cleaned.headline``, kept in
   the text: the text is never shorter for a title taken from it), then a
   byline and date stamps near the top (metadata, read by
   :mod:`toolkit.loading.metadata`);
6. repeated blocks: a line of 5+ words, or the headline, seen earlier;
7. related-story teasers: an isolated Title Case line between two body
   paragraphs ("‘Welcome Donald’: Zelensky Seeks to Win Trump to Kyiv‘s Side";
   sentence-case subheads such as "Kursk conundrum" are kept).

Kept lines become paragraphs separated by ``"\\n\\n"`` (a hard-wrapped line
continuing in lower case is joined with a space instead); runs of whitespace
become one space, invisible characters (zero-width, soft hyphen, controls) are
dropped. Quote characters and all other text are copied verbatim, so every kept
character maps back to ``raw`` (:class:`~toolkit.loading.offsets.OffsetMap`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit.loading.boilerplate import Boilerplate, load_boilerplate
from toolkit.loading.datetext import DATE_LINE, MONTH
from toolkit.loading.offsets import OffsetMap, SegmentBuilder

LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f"
VISIBLE_RUN = re.compile(rf"[^\s{INVISIBLE}]+")
#: what _copy_line does not copy verbatim: a run of 2+ whitespace/invisible
#: characters, any whitespace other than a plain space, any invisible character
GAP = re.compile(rf"[\s{INVISIBLE}]{{2,}}|[^\S ]|[{INVISIBLE}]")
WHITESPACE = re.compile(r"\s")
#: sentence-final punctuation, optionally followed by closing quotes/brackets
ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
ENDS_HEADLINE_OK = re.compile(r"[^.:;,]$|[?!][\"'”’»)]*$|\.\.\.$")
SMALL_WORDS = frozenset(
    "a an the and or but nor of to in on at for with by from as into onto over per via vs vs. is are was be "
    "than that this its it his her their our your up off out down".split())
#: furniture lines are short; long lines are never matched against line patterns
MAX_FURNITURE_CHARS = 320
#: a caption is a sentence or two; a longer line ending in a credit is an entry with a picture
MAX_CAPTION_CHARS = 300
#: a photo credit sits in a line's last characters: only they are searched
CREDIT_TAIL = 200
#: closing quotes and brackets after a line's last punctuation
CLOSING = re.compile(r"[\"'”’»)\]\s]+$")
#: a dateline opening a lede: "KYIV, Ukraine (AP) —", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —"
DATELINE_START = re.compile(r"[A-Z][A-Z.'’ -]{2,30}(?:,|\s+\()")
#: words of a lede, not of a headline written in sentence case: past-tense
#: reporting, weekdays, first and second person, pronoun openers
LEDE_WORDS = re.compile(
    r"\b(?:(?i:said|told|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight)|"
    r"I|I'm|we|We|you|You|our|Our|my|My)\b|^(?:It|It's|This|That|There|He|She|They|Mr|Ms|Mrs)\b")
#: a first line ending in a full stop is a headline only when this short and set off by a blank line
MAX_DOTTED_HEADLINE_WORDS = 15
#: how many content lines at the top may hold the headline, byline and date stamps
HEADER_LINES = 6


@dataclass(frozen=True)
class Removed:
    """A raw span the cleaner dropped, and the rule that dropped it."""

    raw_start: int
    raw_end: int
    rule: str
    text: str


@dataclass
class Cleaned:
    """Cleaned text, its map back to the raw text, and what was removed."""

    text: str
    offsets: OffsetMap
    removed: list[Removed] = field(default_factory=list)
    #: the headline line found at the top (the title when no metadata gives one)
    headline: str | None = None

    def to_raw(self, offset: int) -> int:
        return self.offsets.to_raw(offset)

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_raw_span(start, end)

    def removed_by(self, *rules: str) -> list[Removed]:
        """Removed spans whose rule is one of ``rules`` (prefix match for ``tail:``)."""
        return [r for r in self.removed if r.rule in rules or r.rule.split(":")[0] in rules]


@dataclass
class _Line:
    raw_start: int  # the raw line, without its line break
    raw_end: int
    start: int  # the content: after stripped furniture and surrounding whitespace
    end: int
    block: int  # lines with no blank line between them share a block
    index: int = 0  # position among the raw lines
    rule: str | None = None
    stripped: list[tuple[int, int, str]] = field(default_factory=list)
    text: str = ""


def clean(raw: str, *, title: str | None = None, detect_headline: bool = False,
          rules: Boilerplate | None = None, drop: frozenset[str] | set[str] = frozenset()) -> Cleaned:
    """Clean ``raw`` (see the module docstring for the rules, in order).

    ``title``: a known headline; a first line equal to it is removed.
    ``detect_headline``: report a first line that looks like a headline as
    ``headline`` (plain-text files, whose first line is often the title); it
    stays in ``text``, so a lede mistaken for a title is never lost.
    ``drop``: lines to remove as ``outlet_repeat`` (compared case- and
    whitespace-insensitively): the boilerplate :mod:`toolkit.loading.repeats`
    finds recurring within one outlet.
    Never raises on odd text; an empty or all-boilerplate input gives "".
    """
    rules = rules or load_boilerplate()
    lines = _split_lines(raw, rules)
    content = [ln for ln in lines if ln.rule is None and ln.start < ln.end]
    _cut_tail(content, len(raw), rules)
    _mark_furniture(content, rules)
    if drop:
        for ln in content:
            if ln.rule is None and _norm(ln.text) in drop:
                ln.rule = "outlet_repeat"
    live = [ln for ln in content if ln.rule is None]
    headline = _mark_header(live, title, detect_headline)
    headline_removed = any(ln.rule == "headline" for ln in live)
    live = [ln for ln in live if ln.rule is None]
    # a repeat of the title further down is dropped; a headline kept in the text is not its own repeat
    _mark_repeats(live, [t for t in (headline if headline_removed else None, title) if t])
    live = [ln for ln in live if ln.rule is None]
    _mark_teasers(live)
    text, offsets = _assemble(raw, [ln for ln in content if ln.rule is None])
    removed = [Removed(s, e, rule, raw[s:e]) for ln in lines for s, e, rule in ln.stripped]
    removed += [Removed(ln.start, ln.end, ln.rule, ln.text) for ln in content if ln.rule is not None]
    removed.sort(key=lambda r: r.raw_start)
    return Cleaned(text=text, offsets=offsets, removed=removed, headline=_squash(headline) if headline else None)


# -- steps -------------------------------------------------------------------

def _split_lines(raw: str, rules: Boilerplate) -> list[_Line]:
    lines: list[_Line] = []
    block, pos, blank_before = 0, 0, False
    breaks = [(m.start(), m.end()) for m in LINE_BREAK.finditer(raw)] + [(len(raw), len(raw))]
    for brk_start, brk_end in breaks:
        ln = _Line(pos, brk_start, pos, brk_start, block, index=len(lines))
        _strip(raw, ln, rules)
        if ln.start >= ln.end:
            ln.rule = ln.stripped[-1][2] if ln.stripped else None
            blank_before = blank_before or not ln.stripped
        else:
            if blank_before:
                block += 1
                ln.block = block
            blank_before = False
            ln.text = raw[ln.start:ln.end]
        lines.append(ln)
        pos = brk_end
    return lines


def _strip(raw: str, ln: _Line, rules: Boilerplate) -> None:
    """Strip leading furniture tokens and surrounding whitespace from a line."""
    while True:
        m = rules.leading.match(raw, ln.start, ln.end)
        if not m or m.end() == ln.start:
            break
        ln.stripped.append((ln.start, m.end(), m.lastgroup or "leading"))
        ln.start = m.end()
    while ln.start < ln.end and _invisible(raw[ln.start]):
        ln.start += 1
    while ln.end > ln.start and _invisible(raw[ln.end - 1]):
        ln.end -= 1
    while ln.start < ln.end:
        # furniture at the end of a line: only its last characters are searched
        m = rules.trailing.search(raw, max(ln.start, ln.end - MAX_FURNITURE_CHARS), ln.end)
        if not m or m.start() == ln.end:
            break
        ln.stripped.append((m.start(), ln.end, m.lastgroup or "trailing"))
        ln.end = m.start()
        while ln.end > ln.start and _invisible(raw[ln.end - 1]):
            ln.end -= 1


def _invisible(ch: str) -> bool:
    return VISIBLE_RUN.match(ch) is None


def _cut_tail(content: list[_Line], raw_length: int, rules: Boilerplate) -> None:
    half = raw_length / 2
    for i, ln in enumerate(content):
        if ln.start < half or len(ln.text) > MAX_FURNITURE_CHARS:
            continue
        m = rules.end_marker.fullmatch(ln.text)
        if m:
            for later in content[i:]:
                later.rule = f"tail:{m.lastgroup}"
            return


def _mark_furniture(content: list[_Line], rules: Boilerplate) -> None:
    for i, ln in enumerate(content):
        if ln.rule is not None:
            continue
        text = ln.text
        if not any(ch.isalnum() for ch in text):
            ln.rule = "no_words"
        elif len(text) <= MAX_FURNITURE_CHARS and (m := rules.line.fullmatch(text)):
            ln.rule = m.lastgroup or "furniture"
        elif m := rules.caption_credit.search(text, max(0, len(text) - CREDIT_TAIL)):  # credits end a line
            if len(text) <= MAX_CAPTION_CHARS:
                ln.rule = "photo_caption"
            else:  # a live-blog entry ending in its picture's credit: keep the entry, drop the credit
                _trim_end(ln, ln.start + m.start(), "photo_credit")
        elif rules.card_credit.fullmatch(text):
            ln.rule = "related_card"
            _mark_card_above(content, i)


def _trim_end(ln: _Line, cut: int, rule: str) -> None:
    ln.stripped.append((cut, ln.end, rule))
    ln.end = cut
    while ln.end > ln.start and ln.text[ln.end - ln.start - 1].isspace():
        ln.end -= 1
    ln.text = ln.text[: ln.end - ln.start]


def _mark_card_above(content: list[_Line], i: int) -> None:
    """The teaser (a truncated paragraph) and headline just above a card credit."""
    block = content[i].block
    above = [ln for ln in content[max(0, i - 2):i] if ln.block == block and ln.rule is None]
    if above and not ENDS_SENTENCE.search(above[-1].text):
        above[-1].rule = "related_card"
        if len(above) == 2 and _looks_like_headline(above[0].text):
            above[0].rule = "related_card"


def _mark_header(live: list[_Line], title: str | None, detect_headline: bool) -> str | None:
    """Mark the headline, byline and date stamps at the top; return the headline."""
    headline = None
    if live:
        first = live[0]
        same_as_title = title is not None and _norm(first.text).rstrip(".") == _norm(title).rstrip(".")
        standalone = len(live) > 1 and live[1].block != first.block  # a blank line follows
        if same_as_title:
            first.rule, headline = "headline", first.text  # the metadata holds it: not body
        elif detect_headline and len(live) > 1 and _looks_like_headline(first.text, standalone):
            # taken from the text, it stays in the text: a lede mistaken for a
            # title must not vanish, and a real title is searched and annotated
            headline = first.text
        elif detect_headline and _is_split_headline(live):
            # "Candidates vie for vets' support;" + "Trump and Clinton point out ..." (headline; dek)
            headline = f"{live[0].text} {live[1].text}"
    for ln in [ln for ln in live if ln.rule is None][:HEADER_LINES]:
        if byline_author(ln.text) is not None:
            ln.rule = "byline"
        elif len(ln.text) <= 120 and DATE_LINE.fullmatch(ln.text):
            ln.rule = "date_line"
    return headline


def _mark_repeats(live: list[_Line], seen_titles: list[str]) -> None:
    titles = {_norm(t) for t in seen_titles}
    seen: set[str] = set()
    for ln in live:
        key = _norm(ln.text)
        if key in titles or key in seen:
            ln.rule = "repeat"
        elif len(key.split()) >= 5:
            seen.add(key)


def _mark_teasers(live: list[_Line]) -> None:
    for i in range(1, len(live) - 1):
        ln = live[i]
        if _is_title_case_teaser(ln.text) and _is_body(live[i - 1].text) and _is_body(live[i + 1].text):
            ln.rule = "teaser"


def _assemble(raw: str, kept: list[_Line]) -> tuple[str, OffsetMap]:
    out = SegmentBuilder(raw)
    previous: _Line | None = None
    for ln in kept:
        if previous is not None:
            # a hard-wrapped line: the next raw line, continuing a sentence in lower case
            wrapped = (ln.index == previous.index + 1 and not ENDS_SENTENCE.search(previous.text)
                       and ln.text[:1].islower())
            out.insert(" " if wrapped else "\n\n")
        _copy_line(raw, ln.start, ln.end, out)
        previous = ln
    return out.result()


def _copy_line(raw: str, start: int, end: int, out: SegmentBuilder) -> None:
    """Copy a line, collapsing whitespace runs to one space and dropping
    invisible characters; text between such gaps is copied in one piece."""
    pos = start
    for m in GAP.finditer(raw, start, end):
        out.copy(pos, m.start())
        gap = m.group()
        if gap[0] == " ":
            out.copy(m.start(), m.start() + 1)  # a real space: keep it mapped
        elif WHITESPACE.search(gap):
            out.insert(" ")
        pos = m.end()
    out.copy(pos, end)


# -- line shapes ---------------------------------------------------------------

def byline_author(line: str) -> str | None:
    """The author named by a byline ("by Dmytro Basmat June 27, 2025 10:57 PM
    2 min read", "By Jane Doe and John Roe | Reuters"), else None."""
    m = re.match(r"\s*(?:by|author:)\s+(.*)$", line, re.IGNORECASE)
    if not m or len(line.split()) > 20:
        return None
    names: list[str] = []
    words = m.group(1).split()
    i = 0
    while i < len(words):
        w = words[i]
        bare = w.strip(",;")
        if re.fullmatch(MONTH, bare, re.IGNORECASE) and i + 1 < len(words) and words[i + 1][:1].isdigit():
            break
        if bare[:1].isupper() or (bare.lower() in {"and", "&", "de", "van", "von", "al", "bin", "da"} and names):
            names.append(bare)
            i += 1
            if w.endswith((",", ";")) and (i < len(words) and not words[i][:1].isupper()):
                break
            continue
        break
    rest = " ".join(words[i:])
    if not names or names[-1].lower() in {"and", "&"}:
        return None
    rest_ok = (not rest or rest[:1] in "|•·–—-(" or rest[:1].isdigit() or DATE_LINE.match(rest)
               or re.match(r"(?:updated|published|posted|in |for |\d+\s*min)", rest, re.IGNORECASE))
    if not rest_ok or len(names) > 8:
        return None
    return " ".join(names).rstrip(",")


def _looks_like_headline(text: str, standalone: bool = False) -> bool:
    """A title, judged by its look alone: short, and not ending like a sentence
    (a full stop inside closing quotes, ``…intolerable.”``, ends a sentence too);
    or set off by a blank line, ending in a full stop and either in Title Case
    (some archives end headlines so: PolNeAR) or short and worded like a
    headline (present tense, no "said", no weekday: "Green Party candidate Jill
    Stein removed from N.Y. debate site by police."). A dateline ("KYIV,
    Ukraine (AP) —") or a greeting ("Good morning.") is never a title: on
    untitled bodies those rules took ledes for titles (evaluation/eval_titles_untitled.py).
    """
    words = text.split()
    if not 1 <= len(words) <= 30 or len(text) > 250:
        return False
    if DATELINE_START.match(text) or text.rstrip().endswith(("-", "–", "—")):
        return False
    bare = CLOSING.sub("", text)
    if ENDS_HEADLINE_OK.search(bare) and not bare.endswith("."):
        return True
    if not standalone or not bare.endswith((".", "…")):
        return False
    # a lede paragraph is never in Title Case, so a Title Case line may be longer
    if _title_case_share(text) >= 0.85 and len(words) >= 3:
        return True
    return 4 <= len(words) <= MAX_DOTTED_HEADLINE_WORDS and not LEDE_WORDS.search(text)


def _is_split_headline(live: list[_Line]) -> bool:
    if len(live) < 3 or live[1].block != live[0].block or live[2].block == live[1].block:
        return False
    first, second = live[0].text, live[1].text
    return (first.endswith((";", ":")) and len(first.split()) <= 15
            and _looks_like_headline(second, standalone=True) and len(second.split()) <= 25)


def _is_title_case_teaser(text: str) -> bool:
    if len(text) > 150 or ENDS_SENTENCE.search(text):
        return False
    words = _words(text)
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    # a headline has lower-case small words ("Seeks to Win"); a list of names or an all-caps label has none
    if len(words) < 4 or len(content) < 3 or not any(w in SMALL_WORDS for w in words) or text.isupper():
        return False
    return _title_case_share(text) >= 0.85


def _words(text: str) -> list[str]:
    words = [w.strip("‘’“”\"'()[]:,;–—-…") for w in text.split()]
    return [w for w in words if w and w[0].isalpha()]


def _title_case_share(text: str) -> float:
    """Share of content words (not small words) that start with a capital."""
    content = [w for w in _words(text) if w.lower() not in SMALL_WORDS]
    return sum(w[0].isupper() for w in content) / len(content) if content else 0.0


def _is_body(text: str) -> bool:
    return len(text.split()) >= 12 and bool(ENDS_SENTENCE.search(text))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _squash(text: str) -> str:
    return " ".join(text.split())
