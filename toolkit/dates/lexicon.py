"""The temporal lexicon (``toolkit/dates/data/lexicon.yaml``) and regex pieces built from it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path


from toolkit.datafiles import load_yaml

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.yaml"
#: full month and weekday names are matched Capitalised only ("may", "march" are verbs)
FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
FULL_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    position_modifiers: dict[str, str]
    quantity_modifiers: dict[str, str]
    signal_modifiers: dict[str, str]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    vague_amounts: tuple[str, ...]
    future_lemmas: frozenset[str]
    references: dict[str, str]
    holidays: dict[str, dict]
    count_nouns: frozenset[str]
    year_nouns: frozenset[str]
    month_cues: frozenset[str]
    date_like_names: tuple[str, ...] = ()
    money_words: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon YAML (cached per path)."""
    data = load_yaml(Path(path or LEXICON_PATH).read_text(encoding="utf-8"))
    return Lexicon(
        months={str(k).lower(): int(v) for k, v in data["months"].items()},
        weekdays={str(k).lower(): int(v) for k, v in data["weekdays"].items()},
        seasons={str(k).lower(): str(v) for k, v in data["seasons"].items()},
        parts_of_day={str(k).lower(): str(v) for k, v in data["parts_of_day"].items()},
        position_modifiers={str(k).lower(): str(v) for k, v in data["position_modifiers"].items()},
        quantity_modifiers={str(k).lower(): str(v) for k, v in data["quantity_modifiers"].items()},
        signal_modifiers={str(k).lower(): str(v) for k, v in data["signal_modifiers"].items()},
        numbers={str(k).lower(): float(v) for k, v in data["numbers"].items()},
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        vague_amounts=tuple(str(v).lower() for v in data["vague_amounts"]),
        future_lemmas=frozenset(str(v).lower() for v in data["future_lemmas"]),
        references={str(k).lower(): str(v) for k, v in data["references"].items()},
        holidays={str(k): dict(v) for k, v in (data.get("holidays") or {}).items()},
        count_nouns=frozenset(str(v).lower() for v in data.get("count_nouns") or ()),
        year_nouns=frozenset(str(v).lower() for v in data.get("year_nouns") or ()),
        month_cues=frozenset(str(v).lower() for v in data.get("month_cues") or ()),
        date_like_names=tuple(str(v) for v in data.get("date_like_names") or ()),
        money_words=frozenset(str(v).lower() for v in data.get("money_words") or ()),
    )


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def month_pattern(lex: Lexicon) -> str:
    """Capitalised month names; abbreviations need a dot or a following day number."""
    abbreviations = [k.capitalize() for k in lex.months if k.capitalize() not in FULL_MONTHS]
    abbr = "|".join(sorted(abbreviations, key=len, reverse=True))
    full = "|".join(FULL_MONTHS)
    return rf"(?:{full}|(?:{abbr})\.|(?:{abbr})(?=\s+\d))"


def weekday_pattern(lex: Lexicon) -> str:
    abbreviations = [k.capitalize() for k in lex.weekdays if k.capitalize() not in FULL_WEEKDAYS]
    abbr = "|".join(sorted(abbreviations, key=len, reverse=True))
    return rf"(?:{'|'.join(FULL_WEEKDAYS)}|(?:{abbr})\.)"


def month_number(lex: Lexicon, text: str) -> int:
    return lex.months[text.rstrip(".").lower()]


def weekday_number(lex: Lexicon, text: str) -> int:
    return lex.weekdays[text.rstrip(".").lower()]


def parse_amount(lex: Lexicon, text: str) -> float | None:
    """ "three" -> 3, "twenty four" -> 24, "three-and-a-half" -> 3.5, "1,200" -> 1200,
    "a" -> 1, "a four" -> 4, "a couple of" -> 2; vague amounts ("several", "recent") -> None."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    if text in lex.vague_amounts:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    text = re.sub(r"\b(?:a )?couple of\b", "two", text)
    words = [w for w in re.split(r"[\s\-–]+", text) if w]
    # the indefinite article before a number word is no amount of its own:
    # "a four(-hour)" is four, "a hundred" a hundred (it used to add 1: PT5H)
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]
    total = 0.0
    i = 0
    while i < len(words):
        if words[i:i + 3] == ["and", "a", "half"]:
            total += 0.5
            i += 3
            continue
        value = lex.numbers.get(words[i])
        if value is None:
            return None
        if value >= 100 and total:       # "two hundred", "a hundred": a multiplier, not a summand
            total *= value
        else:
            total += value
        i += 1
    return total or None
