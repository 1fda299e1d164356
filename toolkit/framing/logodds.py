"""Weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection
and Evaluation for Identifying the Content of Political Conflict", *Political
Analysis* 16(4), eq. 16–22. For term ``w``, group ``i`` against all other
groups pooled (``r``), with prior pseudo-counts ``a_w`` (``a0 = sum a_w``):

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
            - log((y_rw + a_w) / (n_r + a0 - y_rw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_rw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior is the pooled counts of the whole corpus scaled by ``prior_scale``
(the empirical-Bayes choice of Jurafsky et al. 2014 and of the ``tidylo`` R
package, Schnoebelen & Silge), so rare terms are shrunk towards the corpus
rate and a large ``|z|`` means a difference the counts can bear.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def weighted_log_odds(counts: pd.DataFrame, prior: pd.Series | None = None, prior_scale: float = 1.0) -> pd.DataFrame:
    """Log-odds of every group (row of ``counts``) against the rest, per term
    (column). Returns a long frame: ``group, term, n_group, n_rest,
    log_odds, z``. ``prior`` defaults to the column totals."""
    if counts.empty:
        return pd.DataFrame(columns=["group", "term", "n_group", "n_rest", "log_odds", "z"])
    y = counts.to_numpy(dtype=float)
    total = y.sum(axis=0)
    alpha = (prior.reindex(counts.columns).fillna(0).to_numpy(dtype=float) if prior is not None else total) * prior_scale
    alpha = np.where(alpha > 0, alpha, 1e-2)  # a term absent from the prior still gets a tiny pseudo-count
    a0 = alpha.sum()
    n = y.sum(axis=1, keepdims=True)
    rest = total - y
    n_rest = n.sum() - n
    delta = (np.log((y + alpha) / (n + a0 - y - alpha))
             - np.log((rest + alpha) / (n_rest + a0 - rest - alpha)))
    z = delta / np.sqrt(1.0 / (y + alpha) + 1.0 / (rest + alpha))
    groups = np.repeat(counts.index.to_numpy(), y.shape[1])
    terms = np.tile(counts.columns.to_numpy(), y.shape[0])
    return pd.DataFrame({
        "group": groups,
        "term": terms,
        "n_group": y.ravel().astype(int),
        "n_rest": rest.ravel().astype(int),
        "log_odds": delta.ravel(),
        "z": z.ravel(),
    })
