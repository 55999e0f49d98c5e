"""Find actors by what people type: id, name or alias, ignoring case and accents."""
from __future__ import annotations

import unicodedata

from timeline.errors import UserError
from timeline.model import Actor, Dataset


class ActorNotFound(UserError, LookupError):
    """No actor, or more than one, answers to a name; ``str()`` says which and what to try."""


def fold(text: str) -> str:
    """``text`` without case, accents or extra spaces: 'Zelenskyy' and 'ZELENSKYY' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace("-", " ").replace("_", " ").split())


def name_index(dataset: Dataset) -> dict[str, set[str]]:
    """Each folded id, name and alias, with the ids of the actors it names."""
    index: dict[str, set[str]] = {}
    for actor in dataset.actors.values():
        for name in (actor.id, actor.name, *actor.aliases):
            index.setdefault(fold(name), set()).add(actor.id)
    return index


def find_actor(dataset: Dataset, name: str) -> Actor:
    """The one actor called ``name``; raise :class:`ActorNotFound` with candidates or a suggestion.

    >>> find_actor(record, "zelensky").id        # doctest: +SKIP
    'zelenskyy'
    """
    if name in dataset.actors:
        return dataset.actors[name]
    key = fold(name)
    if not key:
        raise ActorNotFound("an empty actor name; give an id, a name or an alias")
    index = name_index(dataset)
    ids = index.get(key) or {i for k, found in index.items() if k.startswith(key) for i in found}
    if len(ids) == 1:
        return dataset.actors[ids.pop()]
    if ids:
        listed = ", ".join(f"{i} ({dataset.actors[i].name})" for i in sorted(ids))
        raise ActorNotFound(f"'{name}' could be any of: {listed}; use one of these ids")
    import difflib

    close = difflib.get_close_matches(key, index, n=3, cutoff=0.6)
    hint = sorted({i for k in close for i in index[k]})
    suggestion = f"; did you mean {' or '.join(repr(i) for i in hint)}?" if hint else \
        "; 'timeline actors' lists every actor"
    raise ActorNotFound(f"no actor called '{name}'{suggestion}")
