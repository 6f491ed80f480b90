"""The CJK font every chart draws with, found once per process.

A fresh machine set up only by ``pip install -e .`` has no Chinese font, and matplotlib's
default (DejaVu Sans) has no Han glyphs: titles come out as empty boxes with a "Glyph …
missing from font" warning.  So:

1. a system CJK font is preferred when one is installed (it usually looks better and is
   what the reader's other documents use);
2. otherwise the WenQuanYi Micro Hei that the ``paperang-p2-fonts-cjk`` dependency ships
   is registered with matplotlib;
3. the chosen font must embed in PDF as TrueType (``pdf.fonttype`` 42): matplotlib's
   default Type 3 output turns CJK text into unsearchable bitmaps-as-paths.  Older
   matplotlib releases cannot subset a TrueType *collection* (``.ttc``) for the PDF
   backend, so when a trial PDF fails, the collection's first face is converted once to a
   plain ``.ttf`` in the user cache folder and that file is used instead.

SVG output uses ``svg.fonttype = 'path'``: glyphs become outlines, so the file renders the
same on a viewer that has no Chinese font at all.
"""
from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import config
from ..config import packaged_font_path

# In order of preference.  Sans faces first: charts are read at a glance.
PREFERRED_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "Sarasa Gothic SC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
)

# Characters a chart of this newsletter is sure to print: a font missing any of them is
# not a usable Chinese font (some "CJK" fonts cover only Japanese kana or Hangul).
PROBE_TEXT = "山西省通信行业协会会刊反诈算力覆盖率来源：（）％—·年月期"

@dataclass(frozen=True)
class FontChoice:
    family: str  # the name matplotlib knows the font by
    path: Path  # the file that will be embedded
    origin: str  # "system" | "packaged" | "converted"


def cache_dir() -> Path:
    """Where derived files (the converted font) live: ``config.user_cache_dir()``."""
    return config.user_cache_dir()


def missing_characters(font_path: Path | str, text: str = PROBE_TEXT) -> str:
    """The characters of ``text`` that the font (first face of a collection) has no glyph for."""
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(str(font_path)).get_charmap()
    return "".join(ch for ch in dict.fromkeys(text) if not ch.isspace() and ord(ch) not in charmap)


def _system_choice() -> FontChoice | None:
    from matplotlib import font_manager

    by_family: dict[str, Path] = {}
    for entry in font_manager.fontManager.ttflist:
        by_family.setdefault(entry.name, Path(entry.fname))
    for family in PREFERRED_FAMILIES:
        path = by_family.get(family)
        if path is None or path == packaged_font_path():
            continue
        try:
            if not missing_characters(path):
                return FontChoice(family, path, "system")
        except (OSError, RuntimeError):  # unreadable font file: try the next family
            continue
    return None


def _register(path: Path) -> str:
    """Add a font file to matplotlib and return the family name it is known by."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def ttc_first_face_as_ttf(ttc_path: Path, out_dir: Path | None = None) -> Path:
    """Write the first face of a TrueType collection as a standalone ``.ttf`` (once) and return it.

    The file name carries the collection's size and mtime, so an upgraded font package
    produces a new file instead of silently reusing a stale conversion.
    """
    from fontTools.ttLib import TTCollection

    out_dir = out_dir or cache_dir()
    stat = ttc_path.stat()
    target = out_dir / f"{ttc_path.stem}-{stat.st_size}-{int(stat.st_mtime)}.ttf"
    if target.exists():
        return target
    out_dir.mkdir(parents=True, exist_ok=True)
    collection = TTCollection(str(ttc_path))
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    collection.fonts[0].save(str(tmp))
    os.replace(tmp, target)  # atomic: two processes converting at once both end well
    return target


def embeds_in_pdf(family: str) -> bool:
    """Whether matplotlib can write a PDF that embeds ``family`` as TrueType with Chinese text."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": [family], "pdf.fonttype": 42}):
        fig = Figure(figsize=(1, 1))
        fig.text(0.1, 0.5, PROBE_TEXT[:6])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                fig.savefig(io.BytesIO(), format="pdf")
        except Exception:  # any failure means: do not rely on this file for PDF output
            return False
    return True


@lru_cache(maxsize=1)
def cjk_font() -> FontChoice:
    """The font charts use for Chinese text: a system CJK font, else the packaged one.

    Raises ``RuntimeError`` when neither exists (the package dependency was removed).
    """
    choice = _system_choice()
    if choice is not None:
        return choice
    path = packaged_font_path()
    if path is None:
        raise RuntimeError(
            "no Chinese font found: install a CJK font (e.g. fonts-noto-cjk) or the "
            "'paperang-p2-fonts-cjk' package that ccasx-analytics depends on"
        )
    family = _register(path)
    if path.suffix.lower() == ".ttc" and not embeds_in_pdf(family):
        ttf = ttc_first_face_as_ttf(path)
        return FontChoice(_register(ttf), ttf, "converted")
    return FontChoice(family, path, "packaged")


def title_weight() -> str:
    """``"bold"`` when the chosen family has a bold face, else ``"normal"``.

    Asking for bold from a family without one makes matplotlib log a findfont complaint
    on every title and still draw the regular face; titles then stand out by size alone.
    """
    from matplotlib import font_manager

    family = cjk_font().family
    weights = [f.weight for f in font_manager.fontManager.ttflist if f.name == family]
    heavy = any((w if isinstance(w, int) else font_manager.weight_dict.get(str(w), 400)) >= 600 for w in weights)
    return "bold" if heavy else "normal"


def font_rc() -> dict[str, object]:
    """rcParams that make text Chinese-capable and embedded in PDF and SVG output."""
    family = cjk_font().family
    return {
        # The CJK face first (it has Latin glyphs too, so mixed strings keep one look);
        # DejaVu Sans behind it catches any symbol the CJK face lacks.  Named directly, not
        # through the generic "sans-serif": text made inside a style context keeps the
        # family after the context ends, so a figure drawn later still finds its glyphs.
        "font.family": [family, "DejaVu Sans"],
        "font.sans-serif": [family, "DejaVu Sans"],
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        # A real minus sign only when the face has one; a hyphen beats a missing glyph.
        "axes.unicode_minus": not missing_characters(cjk_font().path, "\u2212"),
    }


def use_cjk_font() -> FontChoice:
    """Set the CJK font globally (for notebooks); returns the choice made."""
    import matplotlib

    matplotlib.rcParams.update(font_rc())
    return cjk_font()
