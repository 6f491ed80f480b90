"""What a query may name: the theme taxonomy as a listing, with how many articles of a
build each theme touches."""
from __future__ import annotations

import pandas as pd

from .corpus import Tables, corpus_of
from .registry import theme_taxonomy

TERM_JOIN = "、"


def theme_listing(tables: Tables | None = None) -> pd.DataFrame:
    """One row per theme: ``theme`` (the id a query names), ``label`` (Chinese name),
    ``terms`` (``、``-joined), ``n_terms``, and with ``tables`` ``articles`` (counted
    articles the theme touches) and ``share`` of all counted articles (NaN without articles).

    >>> theme_listing().set_index("theme").loc["anti_fraud", "label"]
    '反诈'
    """
    taxonomy = theme_taxonomy()
    out = pd.DataFrame({
        "theme": taxonomy["theme"].astype("string"),
        "label": taxonomy["label"].astype("string"),
        "terms": [TERM_JOIN.join(t) for t in taxonomy["terms"]],
        "n_terms": [len(t) for t in taxonomy["terms"]],
    })
    out["terms"] = out["terms"].astype("string")
    if tables is None:
        return out
    corpus = corpus_of(tables)
    pos, rows = corpus.mention_rows("theme_hits")
    counts = (pd.DataFrame({"theme": rows["theme"].astype(str).to_numpy(), "pos": pos}).drop_duplicates()
              .groupby("theme")["pos"].size() if len(pos) else pd.Series(dtype="int64"))
    extra = [t for t in counts.index if t not in set(out["theme"])]  # themes a build knows but the taxonomy lost
    if extra:
        out = pd.concat([out, pd.DataFrame({"theme": extra, "label": extra, "terms": "", "n_terms": 0})], ignore_index=True)
    out["articles"] = out["theme"].map(counts).fillna(0).astype("int64")
    out["share"] = out["articles"] / corpus.n if corpus.n else float("nan")
    return out
