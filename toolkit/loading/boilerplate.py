"""The boilerplate rules as data: loaded once from ``data/boilerplate.yaml``.

Each rule has a name; the cleaner records which rule removed which raw span,
so what a rule removes can be counted and read (docs/results/loading.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path


from toolkit.datafiles import load_yaml

DEFAULT_PATH = Path(__file__).parent / "data" / "boilerplate.yaml"


@dataclass(frozen=True)
class Boilerplate:
    """Compiled patterns (see the YAML file for what each group means)."""

    leading: re.Pattern  # named alternatives stripped from the start of a line
    trailing: re.Pattern  # ... and from its end, when it starts a sentence there
    line: re.Pattern  # named alternatives matching a whole furniture line
    caption_credit: re.Pattern
    end_marker: re.Pattern
    card_credit: re.Pattern  # "The Kyiv IndependentChris York"


def _alternation(rules: dict[str, str]) -> str:
    # the same rule name may appear in several groups; group names must be unique per pattern
    return "|".join(f"(?P<{name}>{pattern})" for name, pattern in rules.items())


@functools.lru_cache(maxsize=8)
def load_boilerplate(path: str | None = None) -> Boilerplate:
    """Compile the rules in ``path`` (default: the packaged file)."""
    data = load_yaml(Path(path or DEFAULT_PATH).read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    outlets = "|".join(re.escape(o) for o in data.get("card_credit_outlets", []))
    return Boilerplate(
        leading=re.compile(rf"\s*(?:{_alternation(data['leading_tokens'])})(?=\s|$)\s*", flags),
        trailing=re.compile(rf"(?:(?<=[.!?…\"”’)] )|(?<=[.!?…\"”’)]  )|(?<=[\n\r\v\f\x85\u2028\u2029])|^)(?:{_alternation(data.get('trailing_tokens') or {'none': '(?!)'})})\s*$", flags),
        line=re.compile(_alternation(data["line_patterns"]), flags),
        caption_credit=re.compile(data["caption_credit"], flags),
        end_marker=re.compile(_alternation(data["end_markers"]), flags),
        # outlet name glued to a capitalised name: no space between them is the tell
        card_credit=re.compile(rf"(?:{outlets})(?:[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){{0,3}})"),
    )
