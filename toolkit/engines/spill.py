"""Finished partitions' tables kept on disk until the corpus is assembled.

Without it, every engine held each finished partition's tables in memory
until the end of the run and then concatenated them (a copy), so the
annotating process grew with the corpus: ten times ru_ua_2022 (3,970
articles) ended its partitions at 854 MiB against 371 MiB after the first,
far more than the tables themselves (~150 MiB), because the small objects of
the tables were allocated between the parser's large temporary arrays and
kept the heap from shrinking after each batch (``docs/results/scale.md``).

:class:`TableSpill` writes each finished partition's text tables to a
private temporary folder as Parquet and forgets them; at the end
:func:`toolkit.extraction.assemble_tables` reads each table back, one table
at a time, through the mapping interface. The round trip is the one the
annotation cache makes (``to_parquet``, ``read_parquet``, then
:func:`toolkit.schema.conform`), so the tables are the ones an in-memory run
gives. The articles that could not be annotated (``annotate_failures``, a few
rows) stay in memory.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd

from toolkit import schema
from toolkit.extraction import FAILED, TEXT_TABLES


class TableSpill(Mapping):
    """Text tables of finished partitions, on disk (``spill[name]`` reads one
    table back, all partitions in the order they were added).

    Args:
        folder: where the temporary folder goes (default: the system's
            temporary folder, ``TMPDIR``).

    Raises:
        OSError: the temporary folder cannot be created.
    """

    def __init__(self, folder: str | None = None):
        self.dir = Path(tempfile.mkdtemp(prefix="toolkit-spill-", dir=folder))
        self.n_parts = 0
        self._failed: list[pd.DataFrame] = []

    def add(self, frames: Mapping[str, pd.DataFrame]) -> None:
        """Write one partition's tables (``frames`` as an engine returns them)."""
        index = self.n_parts
        for name in TEXT_TABLES:
            frame = frames.get(name)
            if frame is not None and len(frame):
                frame.to_parquet(self.dir / f"{name}.{index:06d}.parquet", index=False)
        failed = frames.get(FAILED)
        if failed is not None and len(failed):
            self._failed.append(failed)
        self.n_parts += 1

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TEXT_TABLES:
            raise KeyError(name)
        parts = [pd.read_parquet(path) for path in sorted(self.dir.glob(f"{name}.*.parquet"))]
        if not parts:
            return schema.frame(name)
        return schema.conform(name, pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0])

    def __iter__(self) -> Iterator[str]:
        return iter(TEXT_TABLES)

    def __len__(self) -> int:
        return len(TEXT_TABLES)

    def failed(self) -> pd.DataFrame:
        """The ``annotate_failures`` rows of every partition added."""
        frames = [f for f in self._failed if len(f)]
        return schema.conform(FAILED, pd.concat(frames, ignore_index=True)) if frames else schema.frame(FAILED)

    def close(self) -> None:
        """Delete the temporary folder."""
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> TableSpill:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
