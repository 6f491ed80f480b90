"""One Excel workbook of a build: a sheet per table and a sheet per standard chart's data.

Each sheet has two header rows — the column in Chinese, then its English name as the
tables and the CSV copies spell it — frozen above the data, with widths that fit the
text.  A ``说明`` sheet lists every sheet with its Chinese name and what it holds.
Text is written as text: a cell starting with ``=`` stays a string, never a formula.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..normalize import display_columns
from .column_names import chinese_header

LEGEND_SHEET = "说明"
# Excel refuses longer cells; longer article bodies are cut there, and the legend says so.
MAX_CELL_CHARS = 32767
MAX_WIDTH = 60
MIN_WIDTH = 6
_WIDTH_SAMPLE = 200  # rows looked at to size a column

TABLE_NAMES_ZH = {
    "issues": "期刊", "articles": "文章", "org_mentions": "单位提及", "person_mentions": "人物提及",
    "figures": "数字", "theme_hits": "主题命中", "keywords": "关键词",
}

def _sheet_frames(tables: Mapping[str, pd.DataFrame], with_charts: bool) -> list[tuple[str, str, pd.DataFrame]]:
    """(sheet name, Chinese name, data) for every table, then every standard chart's data."""
    sheets = [(_sheet_name(name), TABLE_NAMES_ZH.get(name, name), df) for name, df in tables.items()
              if isinstance(df, pd.DataFrame)]
    if with_charts:
        import matplotlib.pyplot as plt

        from .chart_set import standard_charts

        for chart in standard_charts(tables):
            plt.close(chart.figure)  # only the data goes into the workbook
            sheets.append((_sheet_name(f"chart_{chart.name}"), f"图表数据：{chart.title}", chart.data))
    return sheets


def _sheet_name(name: str) -> str:
    # Excel allows 31 characters in a sheet name, none of []:*?/\ ; the name keeps its start.
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31]


def _cell_text(value: object) -> object:
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        return value[: MAX_CELL_CHARS - 1] + "…"
    return value


def _width(header_zh: str, column: str, values: pd.Series) -> int:
    sample = values.head(_WIDTH_SAMPLE).dropna().astype(str).map(lambda s: display_columns(s[:MAX_WIDTH * 2]))
    longest = max([display_columns(header_zh), len(column), *sample.tolist()], default=MIN_WIDTH)
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def _excel_ready(df: pd.DataFrame) -> pd.DataFrame:
    """Cells Excel can hold: no time zones, nulls as blanks, text within the cell limit."""
    out = df.reset_index(drop=True).copy()
    for col in out.columns:
        dtype = str(out[col].dtype)
        if dtype.startswith("datetime64") and getattr(out[col].dt, "tz", None) is not None:
            out[col] = out[col].dt.tz_localize(None)
        elif not dtype.startswith(("datetime64", "float", "int", "Int", "bool", "boolean")):
            out[col] = out[col].astype(object).where(out[col].notna(), None).map(_cell_text)
        elif dtype in ("boolean",) or dtype.startswith("Int"):
            out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out


def write_workbook(tables: Mapping[str, pd.DataFrame], path: Path, *, with_charts: bool = True) -> list[str]:
    """Write the workbook to ``path``; returns the sheet names in order (legend first).

    Read it back with ``pd.read_excel(path, sheet_name=None, header=1)`` for the English
    column names, or ``header=[0, 1]`` for both rows.
    """
    sheets = _sheet_frames(tables, with_charts)
    path.parent.mkdir(parents=True, exist_ok=True)
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(path, engine="xlsxwriter", datetime_format="yyyy-mm-dd", date_format="yyyy-mm-dd",
                        engine_kwargs={"options": options}) as writer:
        book = writer.book
        head_zh = book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1})
        head_en = book.add_format({"italic": True, "font_color": "#555555", "bg_color": "#F2F2F2", "border": 1})
        legend = _legend(sheets)
        _write_sheet(writer, LEGEND_SHEET, legend, head_zh, head_en)
        for name, _, df in sheets:
            _write_sheet(writer, name, df, head_zh, head_en)
    return [LEGEND_SHEET, *(name for name, _, _ in sheets)]


def _legend(sheets: list[tuple[str, str, pd.DataFrame]]) -> pd.DataFrame:
    rows = [{"sheet": name, "name_zh": zh, "rows": len(df), "columns": len(df.columns),
             "note": "正文超过 Excel 单元格上限（32767 字）时截断" if "text" in df.columns else ""}
            for name, zh, df in sheets]
    return pd.DataFrame(rows, columns=["sheet", "name_zh", "rows", "columns", "note"])


_LEGEND_HEADERS = {"sheet": "工作表", "name_zh": "中文名称", "rows": "行数", "columns": "列数", "note": "备注"}


def _write_sheet(writer: pd.ExcelWriter, name: str, df: pd.DataFrame, head_zh, head_en) -> None:
    data = _excel_ready(df)
    data.to_excel(writer, sheet_name=name, index=False, header=False, startrow=2)
    sheet = writer.sheets[name]
    for j, column in enumerate(map(str, data.columns)):
        zh = _LEGEND_HEADERS.get(column, column) if name == LEGEND_SHEET else chinese_header(column)
        sheet.write_string(0, j, zh, head_zh)
        sheet.write_string(1, j, column, head_en)
        sheet.set_column(j, j, _width(zh, column, data[column]))
    sheet.freeze_panes(2, 0)
    if len(data.columns):
        sheet.autofilter(1, 0, 1 + len(data), len(data.columns) - 1)
