"""Boilerplate that recurs within one outlet, found by repetition.

The line rules of :mod:`toolkit.loading.cleaning` know furniture that many
sites share; each outlet also has its own (a video-link line under every
story, a navigation trail, an app promotion). Such a line shows itself by
recurring: after the first cleaning pass, every kept line is counted per
outlet, and a line is taken for boilerplate when

* it recurs in at least :data:`MIN_ARTICLES` articles and in at least
  :data:`MIN_SHARE` of the outlet's articles (an outlet needs
  :data:`MIN_OUTLET_ARTICLES` articles for the share to mean anything), and
* it is not a sentence of prose, or it is one that calls to action
  (watch / download / subscribe / follow …): outlets genuinely repeat
  background sentences ("Russia launched its full-scale invasion of Ukraine
  on Feb. 24, 2022."), and those are content, kept and counted.

The articles holding such lines are cleaned again with the lines dropped
(rule ``outlet_repeat``, so offsets still map back to the raw text), and each
one's load-report row lists what was removed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from toolkit.loading.cleaning import _norm

MIN_ARTICLES = 3
MIN_SHARE = 0.5
MIN_OUTLET_ARTICLES = 4
#: a line of prose: six words or more, ending like a sentence
PROSE = re.compile(r"^(?:\S+\s+){5,}\S+[.!?…][\"'”’»)\]]*$")
#: the words of a call to action, which make even a sentence furniture
CALL_TO_ACTION = re.compile(
    r"\b(?:watch|video|download|app|subscribe|newsletter|follow us|click|tap here|sign up|read more|"
    r"share this|listen|podcast|telegram|whatsapp|cookies?)\b", re.IGNORECASE)


def is_prose(line: str) -> bool:
    """A sentence an outlet may genuinely repeat (and not a call to action)."""
    return bool(PROSE.match(line)) and not CALL_TO_ACTION.search(line)


def recurring_boilerplate(texts_by_outlet: dict[str, list[str]]) -> dict[str, dict[str, tuple[str, int, int]]]:
    """Per outlet, ``{normalised line: (line, articles holding it, outlet's articles)}``
    for the lines taken for boilerplate (see the module docstring).

    Args:
        texts_by_outlet: each outlet's cleaned article texts (paragraphs
            separated by blank lines, as :func:`~toolkit.loading.cleaning.clean`
            writes them).
    """
    out: dict[str, dict[str, tuple[str, int, int]]] = {}
    for outlet, texts in texts_by_outlet.items():
        n = len(texts)
        if n < MIN_OUTLET_ARTICLES:
            continue
        counts: Counter = Counter()
        shown: dict[str, str] = {}
        for text in texts:
            keys = set()
            for paragraph in text.split("\n\n"):
                key = _norm(paragraph)
                if key:
                    keys.add(key)
                    shown.setdefault(key, paragraph.strip())
            counts.update(keys)
        found = {key: (shown[key], k, n) for key, k in counts.items()
                 if k >= MIN_ARTICLES and k / n >= MIN_SHARE and not is_prose(shown[key])}
        if found:
            out[outlet] = found
    return out


def group_texts(articles: list[dict]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        groups[str(a.get("outlet"))].append(a["text"])
    return groups
