"""Ids that differ only in case, accents or dashes ('Putin' and 'putin'): allowed, but a typo's trap.

A reference is matched to an id exactly, so ``participants: [Putin]`` silently names
whichever actor has that spelling. Such pairs load (datasets of earlier versions hold
them); ``timeline validate`` warns of each.

>>> from timeline.model import Actor, Dataset
>>> near_duplicate_ids(Dataset(actors={"putin": Actor("putin", "A"), "Putín": Actor("Putín", "B")}))[0][:60]
"actor ids 'putin' and 'Putín' differ only in case, accents o"
"""
from __future__ import annotations

from timeline.folding import fold
from timeline.model import Dataset


def near_duplicate_ids(dataset: Dataset) -> list[str]:
    """One line for each group of ids of actors, sources and events that fold alike (:func:`fold`)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    events = (event.id for event in (*dataset.events, *dataset.drafts))
    for kind, idents in (("actor", dataset.actors), ("source", dataset.sources), ("event", events)):
        for ident in idents:
            groups.setdefault(fold(ident), []).append((kind, ident))
    lines = []
    for members in (found for found in groups.values() if len(found) > 1):
        kinds = {kind for kind, _ in members}
        named = " and ".join(f"'{ident}'" if len(kinds) == 1 else f"{kind} '{ident}'" for kind, ident in members)
        lines.append(f"{members[0][0] + ' ids ' if len(kinds) == 1 else 'ids '}{named} differ only in case, accents "
                     "or dashes: a reference meant for one names the other if mistyped; rename one")
    return lines
