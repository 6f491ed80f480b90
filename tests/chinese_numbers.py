"""Our own speller of integers in Chinese numerals (standard form, 零 where a place is
skipped), to check that the reader and the figures read every spelling back."""
from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:  # 0 < n < 10000
    out, zero = "", False
    for power, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // power % 10
        if d:
            if zero and out:
                out += "零"
            out += _DIGITS[d] + name
            zero = False
        else:
            zero = True
    return out


def spell(n: int) -> str:
    parts: list[str] = []
    for scale, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        sec = n // scale % 10**4 if scale < 10**8 else n // scale
        if sec:
            text = _section(sec)
            if parts and sec < 1000:
                text = "零" + text
            parts.append(text + name)
    return "".join(parts)
