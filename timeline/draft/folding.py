"""Text folded for name matching, one character for each character of the article (offsets are kept)."""
from __future__ import annotations

import unicodedata

from timeline.names import APOSTROPHES


def fold_chars(text: str) -> str:
    """``text`` in lower case without accents, one character for each of ``text`` (offsets are kept).

    >>> fold_chars("Zelenskyy’s Éire")
    "zelenskyy's eire"
    """
    return text.translate(_FOLDED)


class _Folded(dict):
    """Code point -> its folded character, computed on first use (for :meth:`str.translate`)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in APOSTROPHES:
            folded = "'"
        else:
            bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            lower = (bare or char).lower()
            folded = lower if len(lower) == 1 else char
        self[code] = folded
        return folded


_FOLDED = _Folded()


def make_doc(text: str):  # noqa: ANN202 - spaCy's Doc
    from timeline.draft.sentences import pipeline

    return pipeline().make_doc(text)
