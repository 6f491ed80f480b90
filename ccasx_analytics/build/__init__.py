"""Build: folders of issue files in, validated tables in ``data/processed`` out.

    discovery.py  which files, in which order, with their sha256
    cache.py      parse and extraction results kept by sha256 and version
    worker.py     one file's parse and extraction, inside a worker process
    pool.py       worker processes, each file under a time limit, a crash costs one file
    preload.py    what every forked worker imports once, so it starts warm
    copies.py     the same content or the same issue in two renderings counted once
    corpus_checks.py  each issue checked against the others of the build (over-cut issues)
    rows.py       records to table rows, in a fixed order
    tables.py     the schema of every table (one source of column names and dtypes)
    store.py      tables <-> Parquet + CSV, swapped in atomically; ``load`` for notebooks
    run.py        ``build()``: the above in order, and the report
"""
from __future__ import annotations

import sys
import types

from .copies import same_issue
from .discovery import discover
from .run import BuildReport, build, option_problems
from .worker import Stages

__all__ = ["BuildReport", "Stages", "build", "discover", "option_problems", "same_issue"]


class _CallablePackage(types.ModuleType):
    """``ccasx_analytics.build`` is both this package and the public ``build()`` function:
    once anything imports the package (``load`` does), Python binds the package object to
    the name ``ccasx_analytics.build``, so calling the package must build."""

    def __call__(self, *args, **kwargs) -> BuildReport:
        return build(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
