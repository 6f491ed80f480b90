"""The data dictionary (docs/data-dictionary.md), generated from the schemas in build/tables.py.

Regenerate after changing a schema:

    .venv/bin/python -m ccasx_analytics.data_dictionary > docs/data-dictionary.md

A test compares the committed page with this output, so the two cannot drift apart.
"""
from __future__ import annotations

from .build import tables as T

_INTRO = """\
# Data dictionary

`ccasx build` writes one Parquet file per table to `data/processed/` (`NAME.parquet`), plus a
CSV copy of each (`NAME.csv`) that opens correctly in Excel: UTF-8 with a byte-order mark, and
any text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with `'` so it
cannot run as a formula (the Parquet files keep the exact text). `manifest.json` lists the tables
and their row counts. In Python, `ccasx_analytics.load("data/processed")` returns every table as a
typed pandas DataFrame, validated against the schemas below. The tables are replaced as a whole
(written to a temporary sibling folder, then swapped in), so an interrupted build leaves the
previous ones intact; other files in the folder (`.gitkeep`, notes) are kept. Per-file parse and
extraction results are cached beside it, in `data/.cache/` (safe to delete; `--force` ignores it).

Conventions:

- `issue_id` is the first 16 hex digits of the file's sha256. A file whose bytes repeat another
  file's gets its own row in `issues` with `issue_id` = that id + `-dupN`, `status` = `warning` and
  `duplicate_of` = the id of the file that was parsed; its articles are not counted again. The same
  issue in a second format (its PDF and a text rendering) is recognised by matching issue numbers
  and article titles and marked the same way; the PDF is kept.
- `article_id` is `{issue_id}-{seq:03d}`; `seq` 0 is the first article in reading order.
- Every mention's `start`/`end` index the article's `text`: `text[start:end] == surface`
  (`raw` for figures, `name` for people). Byline authors have null `start`/`end`.
- A byline gives people only to `authors` (and `person_mentions`): the role printed before a name
  (本刊记者, 通讯员, 实习生, 文, 文/图, …) goes to `author_roles`, at the same place; a unit
  (晋城移动, 协会秘书处, the organization after 供稿：) goes to `author_org`, never to the people.
- Rows are sorted deterministically: two builds of the same files give identical tables.
- Types are pandas dtypes: `string`, `Int64` (nullable integer), `float64`, `boolean`,
  `datetime64[ns]`. "required" means the column never holds a null.
"""


def markdown() -> str:
    """The whole data dictionary page, as Markdown."""
    parts = [_INTRO]
    for schema in T.SCHEMAS.values():
        parts.append(f"## {schema.name}\n")
        parts.append(f"{schema.doc[:1].upper()}{schema.doc[1:]}."
                     + (f" Unique on ({', '.join(schema.key)})." if schema.key else "") + "\n")
        parts.append("| column | type | required | meaning |\n| --- | --- | --- | --- |")
        for c in schema.columns:
            meaning = c.doc.replace("|", "\\|")
            if c.allowed:
                values = ", ".join(f"`{v}`" for v in c.allowed)
                meaning = f"{meaning} (one of {values})" if meaning else f"one of {values}"
            parts.append(f"| `{c.name}` | {c.dtype} | {'yes' if not c.nullable else ''} | {meaning} |")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
