"""Find actors by what people type: id, name or alias, ignoring case, accents and apostrophe shapes.

>>> find_actor(record, "Zelensky").id
'zelenskyy'
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from timeline.errors import UserError
from timeline.folding import APOSTROPHES, fold  # noqa: F401 (importable from here)
from timeline.model import Actor, Dataset


class ActorNotFound(UserError, LookupError):
    """No actor, or more than one, answers to a name; ``str()`` says which and what to try."""


def name_index(dataset: Dataset) -> dict[str, set[str]]:
    """Each folded id, name and alias, with the ids of the actors it names."""
    index: dict[str, set[str]] = {}
    for actor in dataset.actors.values():
        for name in (actor.id, actor.name, *actor.aliases):
            index.setdefault(fold(name), set()).add(actor.id)
    return index


def candidates(index: dict[str, set[str]], key: str) -> set[str]:
    """The ids a folded ``key`` may mean, from the best tier that has any.

    First a whole id, name or alias; then names that hold ``key`` as whole
    words ('ермак' in 'андріи ермак'); then names that begin with it
    ('zel' in 'zelenskyy'); then names with a later word that begins with it
    ('zel' in 'volodymyr zelenskyy').
    """
    if key in index:
        return set(index[key])
    tiers = (lambda name: f" {key} " in f" {name} ", lambda name: name.startswith(key),
             lambda name: f" {key}" in f" {name}")
    for tier in tiers:
        found = {i for name, ids in index.items() if tier(name) for i in ids}
        if found:
            return found
    return set()


def find_actor(dataset: Dataset, name: str) -> Actor:
    """The one actor called ``name``; raise :class:`ActorNotFound` with candidates or a suggestion.

    An empty or blank ``name`` is refused, wherever it comes from.

    >>> find_actor(record, "Zelensky").id
    'zelenskyy'
    >>> find_actor(record, "  ")
    Traceback (most recent call last):
    timeline.names.ActorNotFound: an actor name cannot be empty: give an id, a name or an alias ('timeline actors' lists them)
    """
    if name in dataset.actors:
        return dataset.actors[name]
    if not name.strip():
        raise ActorNotFound("an actor name cannot be empty: give an id, a name or an alias "
                            "('timeline actors' lists them)")
    index = name_index(dataset)
    ids = candidates(index, fold(name))
    if len(ids) == 1:
        return dataset.actors[ids.pop()]
    if ids:
        listed = ", ".join(f"{i} ({dataset.actors[i].name})" for i in sorted(ids))
        raise ActorNotFound(f"{_quoted(name)} could be any of: {listed}; use one of these ids")
    near = nearest(dataset, name)
    suggestion = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else \
        "; 'timeline actors' lists every actor"
    raise ActorNotFound(f"no actor called {_quoted(name)}{suggestion}")


#: Similarity (0-100) a spelling needs to be suggested, and how far below the best a second one may be.
NEAR, TIED = 75, 5
#: A match on one word of a longer name ('rubio' in 'Marco Rubio') counts this much less than a whole one.
WORD_PENALTY = 10


def nearest(dataset: Dataset, name: str, most: int = 3) -> list[str]:
    """The spellings (id, name or alias, as the data writes them) of the actors nearest to ``name``, best first
    (:func:`closest`, each actor counted once).

    >>> nearest(record, "Witkov"), nearest(record, "Putin Vladimir"), nearest(record, "Xerxes")
    (['witkoff'], ['Vladimir Putin'], [])
    """
    return closest(name, ((actor.id, actor.name, *actor.aliases) for actor in dataset.actors.values()), most)


def closest(name: str, choices: Iterable[str | Sequence[str]], most: int = 3) -> list[str]:
    """The choices nearest to ``name``, best first: the project's one "did you mean" for names people type (actors,
    an option's values, files). A choice is a spelling, or the spellings of one thing (counted once, by its nearest).

    Similarity is rapidfuzz's Indel ratio of the folded texts (0-100), the best of: the whole spelling, its words
    in any order (``token_sort_ratio``: 'Putin Vladimir'), and, for a one-word ``name``, each word of it less
    :data:`WORD_PENALTY` ('Rubbio' for 'Marco Rubio'). A thing's first spelling wins a tie; those at :data:`NEAR`
    or more and within :data:`TIED` of the best are kept, ``most`` at the most.

    >>> closest("meting", ["meeting", "call", "visit"]), closest("rubbio", [("rubio", "Marco Rubio")], most=1)
    (['meeting'], ['rubio'])
    """
    from rapidfuzz import fuzz

    key = fold(name[:200])
    one_word = len(key.split()) == 1
    scored: list[tuple[float, str]] = []
    for spellings in choices:
        best = (0.0, "")
        for spelling in (spellings,) if isinstance(spellings, str) else spellings:
            folded = fold(spelling)
            score = max(fuzz.ratio(key, folded), fuzz.token_sort_ratio(key, folded))
            if one_word and " " in folded:
                score = max(score, *(fuzz.ratio(key, word) - WORD_PENALTY for word in folded.split()))
            best = max(best, (score, spelling), key=lambda pair: pair[0])
        scored.append(best)
    scored.sort(key=lambda pair: -pair[0])
    top = scored[0][0] if scored else 0.0
    return [spelling for score, spelling in scored[:most] if score >= max(NEAR, top - TIED)]


def _quoted(name: str, limit: int = 60) -> str:
    """``'name'``, cut to ``limit`` characters with '...' for a long one."""
    return f"'{name}'" if len(name) <= limit else f"'{name[:limit - 3]}...'"


def respell(text: str, actor: Actor) -> str:
    """``text`` (a name of ``actor``) with each word in the actor's fullest spelling: of the words of its name and
    aliases that fold alike ('Erdogan', 'Erdoğan'), the one with the most accented letters, so that one actor is
    never printed both ways. Words in another script are left as they are.

    >>> respell("Erdogan", Actor(id="erdogan", name="Recep Tayyip Erdogan", kind="person", aliases=("Erdoğan",)))
    'Erdoğan'
    """
    best: dict[str, str] = {}
    for word in (w for name in (actor.name, *actor.aliases) for w in name[:200].split() if len(w) <= 60):
        key = fold(word)
        if _accents(word) > _accents(best.get(key, word)) or key not in best:
            best[key] = word
    return " ".join(_same_case(best.get(fold(w), w), w) if len(w) <= 60 else w for w in text.split(" "))


def _same_case(spelling: str, word: str) -> str:
    """``spelling`` where it differs from ``word`` only by accents (not by case or by script), else ``word``."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", spelling) if not unicodedata.combining(c))
    return spelling if plain == word else word


def _accents(word: str) -> int:
    return sum(not c.isascii() for c in word)


def spelled(actor: Actor) -> str:
    """The actor's name in its fullest spelling (:func:`respell`): 'Recep Tayyip Erdoğan' however the name is typed."""
    return respell(actor.name, actor)
