"""Fold names as people type them: without case, accents or apostrophe shapes (no model, no data).

>>> fold("Мар'яна O’Brien")
"мар'яна o'brien"
"""
from __future__ import annotations

import unicodedata

#: Characters people and keyboards use for an apostrophe, all matched as ``'``: the typewriter
#: apostrophe, right and left single quotation marks, the modifier letter apostrophe (Ukrainian
#: orthography, Unicode's recommended apostrophe), turned comma, prime, grave and acute accents.
APOSTROPHES = "'\u2019\u2018\u201b\u02bc\u02bb\u02b9\u2032\u0060\u00b4\uff07"
_TO_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


def fold(text: str) -> str:
    """``text`` without case, accents or extra spaces: 'Zelenskyy' and 'ZELENSKYY' fold alike.

    Every character of :data:`APOSTROPHES` folds to ``'``; hyphens and underscores to spaces.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_TO_APOSTROPHE))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("-", " ").replace("_", " ").split())
