"""All date rules, compiled in priority order: the calendar, deictic and span
rules (:mod:`~toolkit.dates.rules_calendar`, :mod:`~toolkit.dates.rules_deictic`,
:mod:`~toolkit.dates.rules_spans`) built from the shared pieces of
:mod:`toolkit.dates.grammar`.
"""

from __future__ import annotations

import functools
import re

from toolkit.dates import rules_calendar, rules_deictic, rules_spans
from toolkit.dates.grammar import Builder, Rule, pieces
from toolkit.dates.keywords import Keys
from toolkit.dates.lexicon import Lexicon, load_lexicon


def build_rules(lex: Lexicon) -> list[Rule]:
    """All rules in priority order (calendar, deictic, spans), built once per lexicon."""
    rules: list[Rule] = []

    def rule(name: str, pattern: str, flags: int = 0, keys: Keys | None = None):
        def register(fn: Builder) -> Builder:
            rules.append(Rule(name, re.compile(pattern, flags), fn, keys))
            return fn
        return register

    p = pieces(lex)
    for module in (rules_calendar, rules_deictic, rules_spans):
        module.register(rule, lex, p)
    return rules


@functools.lru_cache(maxsize=4)
def cached_rules(lexicon_path: str | None = None) -> tuple[Rule, ...]:
    """The compiled rules for a lexicon, built once per process."""
    return tuple(build_rules(load_lexicon(lexicon_path)))
