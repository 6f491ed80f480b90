"""Tables <-> files: validated Parquet (plus Excel-safe CSV copies) in one folder.

``write_tables`` never leaves a half-written folder behind.  Everything is written to a
temporary sibling folder, flushed to disk, and only then swapped in with one atomic
``renameat2(RENAME_EXCHANGE)`` (or, where the filesystem lacks it, two renames that
``recover`` can finish or undo).  A build killed at any moment therefore leaves the
previous tables complete and readable.

Files in the output folder that are not tables (``.gitkeep``, notes a person left there)
are carried over into the new folder.  The parse cache does *not* live here: it sits in
``<out_dir>/../.cache`` (see ``cache.py``) so that swapping the tables never moves it.

``load`` is the one entry point notebooks use: typed DataFrames, validated on read.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from ..errors import CcasxError, SchemaError
from . import tables as T

MANIFEST = "manifest.json"
# CSV cells starting with these run as formulas in Excel / LibreOffice (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


class StoreError(CcasxError):
    """The tables folder is missing, incomplete or unreadable."""


# --- writing ----------------------------------------------------------------------------


def table_files(name: str) -> tuple[str, str]:
    """The two files one table occupies in the output folder."""
    return f"{name}.parquet", f"{name}.csv"


def owned_names() -> set[str]:
    """Every file name in the output folder that a build rewrites."""
    names = {MANIFEST}
    for name in T.SCHEMAS:
        names.update(table_files(name))
    return names


def validate_tables(tables: Mapping[str, pd.DataFrame]) -> None:
    """Check every table against its schema and raise one SchemaError listing *every* violation.

    Beyond each table's own schema, mention rows must point at existing articles and
    articles at existing issues, and mention offsets must point at their surface.
    """
    problems: list[str] = []
    missing = [name for name in T.SCHEMAS if name not in tables]
    if missing:
        problems.append(f"missing tables: {', '.join(missing)}")
    unknown = sorted(set(tables) - set(T.SCHEMAS))
    if unknown:
        problems.append(f"tables without a schema: {', '.join(unknown)}")
    articles = tables.get("articles")
    for name, schema in T.SCHEMAS.items():
        if name not in tables:
            continue
        df = tables[name]
        try:
            T.validate(df, schema, articles=articles if schema.offsets else None)
        except SchemaError as exc:
            problems.extend(f"{name}: {v}" for v in exc.violations)
        problems.extend(f"{name}: {v}" for v in _reference_problems(name, df, tables))
    if problems:
        raise SchemaError("tables", problems)


def _reference_problems(name: str, df: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Rows whose issue_id / article_id point at nothing."""
    out = []
    issues, articles = tables.get("issues"), tables.get("articles")
    if name != "issues" and issues is not None and "issue_id" in df.columns and "issue_id" in issues.columns:
        orphans = sorted(set(df["issue_id"].dropna()) - set(issues["issue_id"].dropna()))
        if orphans:
            out.append(f"{len(orphans)} issue_id value(s) not in issues, e.g. {orphans[:3]}")
    if name not in ("issues", "articles") and articles is not None and "article_id" in df.columns \
            and "article_id" in articles.columns:
        orphans = sorted(set(df["article_id"].dropna()) - set(articles["article_id"].dropna()))
        if orphans:
            out.append(f"{len(orphans)} article_id value(s) not in articles, e.g. {orphans[:3]}")
    return out


def excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as spreadsheet formulas: ``=1+1`` becomes ``'=1+1``.

    Only for the CSV copies; Parquet keeps the exact text.
    """
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if not (pd.api.types.is_string_dtype(s.dtype) or s.dtype == object):
            continue
        mask = s.notna() & s.astype("string").str.startswith(FORMULA_TRIGGERS).fillna(False).astype(bool)
        if mask.any():
            out[col] = s.astype("string").where(~mask, "'" + s.astype("string"))
    return out


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path | str) -> Path:
    """Validate every table, then atomically replace ``out_dir`` with Parquet + CSV copies.

    Raises SchemaError (every violation at once) before touching ``out_dir``.
    Returns ``out_dir``.
    """
    out_dir = Path(out_dir)
    validate_tables(tables)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out_dir):
        recover(out_dir)
        staging = out_dir.parent / f".{out_dir.name}.new-{uuid.uuid4().hex[:12]}"
        staging.mkdir()
        try:
            manifest = {"tables": {}}
            for name in T.SCHEMAS:  # schema order: deterministic manifest
                df = tables[name]
                parquet, csv = table_files(name)
                df.to_parquet(staging / parquet, index=False)
                # CRLF rows, as Excel writes them; it also makes the csv writer quote cells
                # holding a bare CR, which would otherwise split a row.
                excel_safe(df).to_csv(staging / csv, index=False, encoding="utf-8-sig",
                                      date_format="%Y-%m-%d", lineterminator="\r\n")
                manifest["tables"][name] = {"rows": int(len(df)), "columns": list(df.columns)}
            (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
            if out_dir.exists():
                _carry_over(out_dir, staging)
            _fsync_tree(staging)
            _swap_in(staging, out_dir)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return out_dir


def _carry_over(old: Path, new: Path) -> None:
    """Bring files a build does not own (``.gitkeep``, notes) into the new folder, by hard link."""
    owned = owned_names()
    for entry in sorted(old.iterdir()):
        if entry.name in owned:
            continue
        target = new / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(src, dst) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            if os.path.islink(p):
                continue
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(Path(dirpath))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on directories; rename order still holds
        pass
    finally:
        os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False when the platform cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _swap_in(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.rename(staging, out_dir)
    elif _exchange(staging, out_dir):
        shutil.rmtree(staging)  # staging now holds the previous tables
    else:
        # Two renames: between them out_dir is absent, and ``recover`` puts the old one back.
        old = out_dir.parent / f".{out_dir.name}.old-{uuid.uuid4().hex[:12]}"
        os.rename(out_dir, old)
        os.rename(staging, out_dir)
        _fsync_dir(out_dir.parent)
        shutil.rmtree(old)
    _fsync_dir(out_dir.parent)


def recover(out_dir: Path | str) -> None:
    """Finish or undo a swap that was interrupted, and drop abandoned staging folders.

    Safe to call any time; called before every write and every load.
    """
    out_dir = Path(out_dir)
    parent = out_dir.parent
    if not parent.exists():
        return
    olds = sorted(parent.glob(f".{out_dir.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not out_dir.exists():
        os.rename(olds.pop(), out_dir)  # interrupted between the two renames: keep the old build
    for p in olds:
        shutil.rmtree(p, ignore_errors=True)
    # Staging folders of a build still running are protected by the lock, see _locked.
    if _lock_is_free(out_dir):
        for p in parent.glob(f".{out_dir.name}.new-*"):
            shutil.rmtree(p, ignore_errors=True)


def _lock_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


@contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One writer at a time per output folder (two builds racing would otherwise interleave)."""
    with open(_lock_path(out_dir), "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _lock_is_free(out_dir: Path) -> bool:
    path = _lock_path(out_dir)
    if not path.exists():
        return True
    try:
        fh = open(path, "a+")
    except OSError:  # a read-only copy of the tables: nobody is writing there
        return False
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        fcntl.flock(fh, fcntl.LOCK_UN)
        return True


# --- reading ----------------------------------------------------------------------------


def load(data_dir: Path | str | None = None, *, validate: bool = True) -> dict[str, pd.DataFrame]:
    """Read every table of a build as typed DataFrames, validated against the schemas.

    >>> import ccasx_analytics as cx
    >>> tables = cx.load("data/processed")          # doctest: +SKIP
    >>> tables["articles"][["title", "authors"]]    # doctest: +SKIP
    """
    from .. import config

    data_dir = Path(data_dir) if data_dir is not None else config.PROCESSED_DIR
    if data_dir.parent.exists() and _lock_is_free(data_dir):
        try:
            recover(data_dir)
        except OSError:  # read-only location: read what is there
            pass
    if not data_dir.is_dir():
        raise StoreError(f"{data_dir}: no such folder — run `ccasx build` first")
    missing = [name for name in T.SCHEMAS if not (data_dir / table_files(name)[0]).is_file()]
    if len(missing) == len(T.SCHEMAS):
        raise StoreError(f"{data_dir}: no tables here yet — run `ccasx build` first")
    if missing:
        raise StoreError(
            f"{data_dir}: build is incomplete or from an older version (missing {', '.join(missing)})"
            " — run `ccasx build` again"
        )
    out: dict[str, pd.DataFrame] = {}
    problems: list[str] = []
    for name in T.SCHEMAS:
        try:
            out[name] = read_table(data_dir, name)
        except SchemaError as exc:
            problems.extend(exc.violations)
    if problems:
        raise SchemaError("tables", problems)
    if validate:
        validate_tables(out)
    return out


def read_table(data_dir: Path | str, name: str) -> pd.DataFrame:
    """One table of a build, typed by its schema (``load`` reads every table through this).

    Raises StoreError when the file cannot be read, SchemaError when it lacks a column.
    """
    schema = T.SCHEMAS[name]
    path = Path(data_dir) / table_files(name)[0]
    try:
        raw = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for damaged files
        raise StoreError(f"{path}: cannot be read ({exc})") from exc
    absent = [c for c in schema.names if c not in raw.columns]
    if absent:
        raise SchemaError(name, [f"{name}: missing columns: {', '.join(absent)}"])
    return T.coerce(raw, schema)
