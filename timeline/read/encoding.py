"""What a file's first bytes say of its encoding: a byte-order mark, or UTF-16 written without one.

Shared by the readers of tables (:mod:`timeline.importers.tabular`) and of articles
(:mod:`timeline.draft.text`), which then differ on purpose: an import refuses what it would
have to guess (a misread table is wrong data), an article is guessed (charset-normalizer).
The marks are Unicode's (The Unicode Standard, §23.8, "Specials: byte order mark").
"""
from __future__ import annotations

import codecs
from typing import NamedTuple


class Mark(NamedTuple):
    """A byte-order mark found: the encoding it announces (Python's codec name) and its length in bytes."""

    encoding: str
    length: int


#: Byte-order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
          (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def byte_order_mark(head: bytes) -> Mark | None:
    """The byte-order mark ``head`` starts with, if any.

    >>> byte_order_mark(b"\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00")
    Mark(encoding='utf-32-le', length=4)
    >>> byte_order_mark("a,b".encode("utf-16"))[0]
    'utf-16-le'
    >>> byte_order_mark(b"a,b") is None
    True
    """
    for mark, encoding in _MARKS:
        if head.startswith(mark):
            return Mark(encoding, len(mark))
    return None


def bare_utf16(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes, no mark) looks like UTF-16 without its mark: a NUL in every other
    byte of mostly-ASCII text (at least 90% of the pairs, four pairs or more).

    >>> bare_utf16("date,actor".encode("utf-16-le")), bare_utf16(b"date,actor")
    (True, False)
    """
    pairs = len(head) // 2
    return pairs >= 4 and max(head[1::2][:pairs].count(0), head[0::2][:pairs].count(0)) >= 0.9 * pairs
