"""One person's name spelt two ways in one article ("Abdourahamane Tchiani" / "Abdoulrahmane Tchiani").

Wire copy transliterates names from Arabic, Russian or Amharic by ear, and one article may give two
spellings of one first name. Two names are one person's when their surnames fold to the same word and
their first names are near-identical by the Indel similarity of `rapidfuzz
<https://rapidfuzz.github.io/RapidFuzz/>`_ (``fuzz.ratio``, 0–100): the same initial, at least
:data:`SIMILAR` and both at least four letters long (short names differ by one letter too often:
"Ali" / "Ari"). Different first names ("Ivanka Trump" / "Donald Trump") stay two people.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from timeline.names import fold

#: The least ``fuzz.ratio`` of two first names of one person ("Yury" / "Yuri" is 75, "Mike" / "Mark" 50).
SIMILAR = 75.0


def same_first_name(first: str, other: str) -> bool:
    """Whether two first names are one name spelt two ways (case and accents ignored).

    >>> same_first_name("Abdourahamane", "Abdoulrahmane"), same_first_name("Ivanka", "Donald")
    (True, False)
    """
    a, b = fold(first), fold(other)
    if a == b:
        return True
    return min(len(a), len(b)) >= 4 and a[:1] == b[:1] and fuzz.ratio(a, b) >= SIMILAR


def same_person(name: str, other: str) -> bool:
    """Whether two full names (first names, then the surname) name one person spelt two ways.

    >>> same_person("Abdourahamane Tchiani", "Abdoulrahmane Tchiani")
    True
    >>> same_person("Ivanka Trump", "Donald Trump"), same_person("Tchiani", "Abdourahamane Tchiani")
    (False, False)
    """
    words, others = name.split(), other.split()
    if len(words) < 2 or len(others) < 2 or fold(words[-1]) != fold(others[-1]) or len(words) != len(others):
        return False
    return all(same_first_name(a, b) for a, b in zip(words[:-1], others[:-1]))
