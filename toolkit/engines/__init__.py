"""Execution engines for :func:`toolkit.annotate` beyond the local default.

``toolkit.engines.dask`` sends partitions of articles to a ``dask.distributed``
cluster; ``toolkit.engines.partitioned`` writes and reads annotation tables
partition by partition, for corpora whose tables do not fit in memory.
Every engine runs the same unit of work, :func:`toolkit.extraction.annotate_partition`,
so their tables are identical to a local run.
"""
