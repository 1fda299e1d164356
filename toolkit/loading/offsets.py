"""Map offsets in cleaned text back to the raw text it was cut from.

Format (what ``articles.offset_map`` stores): a JSON array of segments
``[[clean_start, raw_start, length], ...]`` sorted by ``clean_start``. Each
segment is a run of characters copied verbatim from the raw text, so
``text[c:c+n] == raw[r:r+n]``. Characters between segments were inserted by
the cleaner (paragraph breaks ``"\\n\\n"``, a single space standing for a run
of raw whitespace); they map to the raw position just after the previous
segment. A typical article needs one segment per paragraph, so the map is a
few hundred bytes.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence

Segment = tuple[int, int, int]


class OffsetMap:
    """Clean -> raw offsets from a list of (clean_start, raw_start, length)."""

    __slots__ = ("segments", "_starts")

    def __init__(self, segments: Sequence[Sequence[int]]):
        self.segments: tuple[Segment, ...] = tuple((int(c), int(r), int(n)) for c, r, n in segments)
        self._starts = [c for c, _, _ in self.segments]

    def to_raw(self, offset: int) -> int:
        """Raw index of clean character ``offset`` (or, for a character the
        cleaner inserted, the raw index just after the preceding kept text)."""
        if not self.segments:
            return 0
        k = bisect_right(self._starts, offset) - 1
        if k < 0:
            return self.segments[0][1]
        c, r, n = self.segments[k]
        return r + (offset - c) if offset < c + n else r + n

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) covering the clean span [start, end)."""
        if end <= start:
            pos = self.to_raw(start)
            return pos, pos
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def to_json(self) -> str:
        return json.dumps([list(s) for s in self.segments], separators=(",", ":"))

    @classmethod
    def from_json(cls, value: str) -> OffsetMap:
        return cls(json.loads(value) if value else [])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and self.segments == other.segments

    def __repr__(self) -> str:
        return f"OffsetMap({len(self.segments)} segments)"


def to_raw(offset_map: str, offset: int) -> int:
    """:meth:`OffsetMap.to_raw` straight from a stored ``offset_map`` string."""
    return OffsetMap.from_json(offset_map).to_raw(offset)


class SegmentBuilder:
    """Accumulates clean text and its segments, merging adjacent copies."""

    def __init__(self, raw: str):
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[list[int]] = []

    def copy(self, raw_start: int, raw_end: int) -> None:
        """Append raw[raw_start:raw_end] verbatim."""
        n = raw_end - raw_start
        if n <= 0:
            return
        self.parts.append(self.raw[raw_start:raw_end])
        last = self.segments[-1] if self.segments else None
        if last is not None and last[0] + last[2] == self.length and last[1] + last[2] == raw_start:
            last[2] += n
        else:
            self.segments.append([self.length, raw_start, n])
        self.length += n

    def insert(self, text: str) -> None:
        """Append text that does not come from the raw string."""
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(self.segments)
