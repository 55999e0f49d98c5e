"""Text in charts: the font chain, measuring, cutting to fit, and what no installed font can draw.

Names come in every script. The chart font is DejaVu Sans, followed by
whichever Noto families are installed (:data:`FALLBACK_FONTS`; Debian's
``fonts-noto-cjk`` draws Chinese, Japanese and Korean): matplotlib takes
each glyph from the first font that has it. What none can draw is
collected by :func:`undrawable` so that a caller says so once, instead of
matplotlib's warning per glyph.

Every text is cut to :data:`MAX_CHARS` before it is measured or wrapped,
so a 10 MB name costs no more than a long one.
"""
from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from matplotlib.font_manager import FontProperties, findSystemFonts, fontManager, get_font

BASE_FONT = "DejaVu Sans"
#: Tried in order after :data:`BASE_FONT` for glyphs it lacks; those not installed are skipped.
FALLBACK_FONTS = ("Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans CJK KR", "Noto Sans Georgian",
                  "Noto Sans Armenian", "Noto Sans Ethiopic", "Noto Sans Devanagari", "Noto Sans Thai",
                  "Noto Sans Symbols", "Noto Sans Symbols 2")
#: Characters of a text kept before measuring: far more than any label shows.
MAX_CHARS = 300
_GLYPH_WARNING = r"Glyph \d+ .*missing from"


@functools.cache
def font_chain() -> tuple[str, ...]:
    """The installed font families charts draw with, in fallback order.

    Noto fonts installed after matplotlib built its font cache are found too.
    """
    installed = {font.name for font in fontManager.ttflist}
    if not installed.intersection(FALLBACK_FONTS):
        for path in findSystemFonts():
            if Path(path).name.startswith("Noto") and "Serif" not in Path(path).name:
                try:
                    fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
        installed = {font.name for font in fontManager.ttflist}
    return (BASE_FONT, *(name for name in FALLBACK_FONTS if name in installed))


@functools.cache
def _charmaps() -> tuple[frozenset[int], ...]:
    maps = []
    for family in font_chain():
        path = fontManager.findfont(FontProperties(family=family), fallback_to_default=False)
        maps.append(frozenset(get_font(path).get_charmap()))
    return tuple(maps)


def can_draw(char: str) -> bool:
    """Does some font of the chain have a glyph for ``char``? (Spaces and controls count as drawable.)"""
    if not char.isprintable() or char.isspace():
        return True
    return any(ord(char) in charmap for charmap in _charmaps())


def undrawable(texts: Iterable[str]) -> str:
    """The characters of ``texts`` that no installed font draws, each once, in order of first use."""
    seen: dict[str, None] = {}
    for text in texts:
        for char in clip(text):
            if char not in seen and not can_draw(char):
                seen[char] = None
    return "".join(seen)


def undrawable_note(chars: str) -> str | None:
    """One line saying which characters no installed font draws, and what to install; ``None`` if none."""
    if not chars:
        return None
    shown = " ".join(chars[:12]) + (" …" if len(chars) > 12 else "")
    return (f"note: no installed font draws {shown} (drawn as boxes); install the Noto fonts for that script "
            "(Debian: fonts-noto-core, fonts-noto-cjk)")


def clip(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis): cheap, and done before any measuring."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def printable(text: str) -> str:
    """``text`` without the parenthesised parts that cannot be drawn: 'Yonhap (연합뉴스)' → 'Yonhap' if no font has Hangul.

    Right-to-left scripts count as undrawable: matplotlib does not join or reorder their letters.
    """
    def drawable(part: str) -> bool:
        return all(can_draw(c) and unicodedata.bidirectional(c) not in ("R", "AL") for c in part)

    return re.sub(r"\s*\(([^()]*)\)", lambda m: m[0] if drawable(m[1]) else "", clip(text))


_TYPESET = (
    (re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])"), r"\1–\2"),       # ranges: 8–10 May
    (re.compile(r"(?<![\d-])(\d{4})-(\d{4})(?![\d-])"), r"\1–\2"),           # 2022–2025
    (re.compile(r"(?<=\s)--?(?=\s)"), "–"),                    # a spaced dash: Bishkek – leave
    (re.compile(r"\.\.\."), "…"),
    (re.compile(r"(^|(?<=[\s(\[–—/]))\""), "“"),
    (re.compile(r"\""), "”"),
    (re.compile(r"(^|(?<=[\s(\[–—/“]))'"), "‘"),
    (re.compile(r"'"), "’"),
)


def typeset(text: str) -> str:
    """``text`` as print sets it: en dashes in ranges and between spaced words, curly quotes and
    apostrophes, an ellipsis character. 'Putin in Bishkek - "leave"' → 'Putin in Bishkek – “leave”'."""
    for pattern, replacement in _TYPESET:
        text = pattern.sub(replacement, text)
    return text


MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
#: A date as :meth:`~timeline.dates.DateSpan.label` words it: 'c. 13 Mar 2025 (uncertain)', '2–3 Dec', 'Mar 2025'.
_DATE = re.compile(rf"(?:\bc\. )?(?:\b\d{{1,2}}(?:–\d{{1,2}})? (?:{MONTHS})\b(?: \d{{4}}\b)?|\b(?:{MONTHS}) \d{{4}}\b)"
                   r"(?: \(uncertain\))?")
#: Stands for a space inside a date while lines are broken.
JOIN = "\u00a0"


def keep_dates(text: str) -> str:
    """``text`` with the spaces inside each date joined (:data:`JOIN`), so that a line is never broken inside
    one ('13 / Mar 2025'); break the lines, then turn :data:`JOIN` back into spaces."""
    return _DATE.sub(lambda m: m.group(0).replace(" ", JOIN), text)


def text_width(renderer: object, text: str, font: FontProperties) -> float:
    """The width in pixels of the widest line of ``text`` in ``font``."""
    return max(renderer.get_text_width_height_descent(line, font, ismath=False)[0]
               for line in clip(text).split("\n"))


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def fit(renderer: object, font: FontProperties, text: str, room: float, least: int = 12) -> str | None:
    """``text`` whole if it is at most ``room`` pixels wide, else shortened to fit; ``None`` if not even
    ``least`` characters of it fit (a short text is never cut: it fits whole or not at all)."""
    text = clip(text)
    limit = len(text)
    while True:
        label = shorten(text, limit)
        width = text_width(renderer, label, font)
        if width <= room:
            return label
        if limit <= least:
            return None
        limit = max(least, min(limit - 1, int(limit * room / width)))


@contextmanager
def quiet_glyphs() -> Iterator[None]:
    """Silence matplotlib's warning per missing glyph: callers report :func:`undrawable` once instead."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_GLYPH_WARNING)
        yield
