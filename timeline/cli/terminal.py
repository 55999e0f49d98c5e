r"""Text from a dataset made safe to print on a terminal: control characters shown, never obeyed.

A location, a name or an error message may hold characters a terminal
acts on: a carriage return that moves back over a row, ``ESC [2J`` that
clears the screen, ``ESC ] 0;`` (OSC) that sets the window title, a
bidirectional override that reorders what follows. Tables, ``show`` and
error messages print such characters as Python-style escapes (``\r``,
``\x1b``, ``\u202e``), so what is on the screen is what is in the data.

>>> visible("Moscow\r\x1b[2KKyiv")
'Moscow\\r\\x1b[2KKyiv'
>>> visible("line one\nline two", newline=" ")
'line one line two'
"""
from __future__ import annotations

import re

#: C0 and C1 controls and DEL (category Cc), the line and paragraph separators,
#: and the bidirectional embeddings, overrides and isolates (Unicode UAX #9).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def visible(text: str, newline: str | None = None) -> str:
    """``text`` with every character in :data:`UNSAFE` written as an escape.

    With ``newline`` given, line feeds and tabs (ordinary in prose) become
    ``newline`` instead; a carriage return is always escaped.
    """
    if newline is not None:
        text = text.replace("\r\n", newline).replace("\n", newline).replace("\t", " ")
    return UNSAFE.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    """Does ``text`` hold a character that :func:`visible` would escape?"""
    return UNSAFE.search(text) is not None
