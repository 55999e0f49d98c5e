"""A person's grammatical gender, as the article itself marks it, for "he" and "she" (drafta9).

The datasets record no gender and a name alone does not tell it reliably, so only the text's own marks
are read: an honorific just before the name ("Mr. Hun Manet", "Ms Leavitt") and a gendered title word
("spokeswoman", "chairman", "Queen"). A person without such a mark has no known gender, and a pronoun
is then resolved as before (the last subject), never by a guess.
"""
from __future__ import annotations

import re

#: Honorifics and title words that mark a person as a man ("m") or a woman ("f").
MARKS = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "sheikh", "emir", "spokesman", "chairman",
                     "congressman", "businessman", "statesman", "countryman"), "m"),
    **dict.fromkeys(("mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "sheikha",
                     "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "stateswoman"), "f"),
}
#: The pronouns of each gender.
PRONOUNS = {"he": "m", "she": "f"}
_WORD = re.compile(r"[A-Za-z]+")


def marked_gender(before: str, title: str | None = None) -> str | None:
    """The gender the words right ``before`` a name (its last three) or its ``title`` mark: "m", "f" or None.

    >>> marked_gender("White House spokeswoman "), marked_gender("said Mr. "), marked_gender("President ")
    ('f', 'm', None)
    """
    words = [w.lower() for w in _WORD.findall(before)[-3:]] + [w.lower() for w in _WORD.findall(title or "")]
    found = {MARKS[w] for w in words if w in MARKS}
    return found.pop() if len(found) == 1 else None


def gendered(pronoun: str, chosen: list[tuple[str, str]], subject: list[str], named: list[str],
             genders: dict[str, str]) -> list[tuple[str, str]]:
    """The person "he"/"she" stands for, given the one ``chosen`` from the last subject (or none).

    A chosen person the text marks as the other gender gives way to the last person ``named`` marked as the
    pronoun's; of a subject of several persons, the one marked as the pronoun's when only one is. Otherwise
    ``chosen`` stands (no mark, no guess).
    """
    want = PRONOUNS[pronoun]
    if chosen and genders.get(chosen[0][0], want) != want:
        other = next((p for p in reversed(named) if genders.get(p) == want), None)
        return [(other, "person")] if other else []
    if not chosen and len(subject) > 1:
        matching = [p for p in subject if genders.get(p) == want]
        return [(matching[0], "person")] if len(matching) == 1 else []
    return chosen
