"""An edit of a file of actors and sources, brought into the store's tables without the record.

What the tables hold of an actor beyond its id is its names (``names``: id,
name, aliases folded) and what it counts as at each level (its side, from its
kind and affiliations: ``actors``, ``pairs``, ``chains``, ``links`` at state
level...); of a source, only its id (``items``). So when a data file that
defines actors and sources (and nothing of events or of the negotiation)
changes only names, aliases, titles, notes or colours of its actors, adds
actors (when it holds every actor) or sources, or changes sources, the
tables need the dataset's own rows (``file`` 0) made anew from the new actors
and the file's ids: work in proportion to the file, not to the events. An
actor or a source removed, a kind or an affiliation changed, an actor also
defined in another file, the dataset's title, description or scale changed:
``None``, and the whole load checks and writes everything (:mod:`timeline.index.update`).
"""
from __future__ import annotations

import dataclasses
import sqlite3

from timeline.model import Actor, Dataset
from timeline.store.fragments import Fragment

#: The fields of an actor that no row but ``names`` is made of.
NAMING = ("name", "aliases", "title", "notes", "color")


def defines_names_only(piece: Fragment) -> bool:
    """Does the file of ``piece`` define actors and sources only (and maybe the dataset's title and description)?"""
    record, found = piece.record, piece.negotiation
    return piece.ids.keys() <= {"actors", "sources"} and not (found["ids"] or found["refs"] or found["scale"]) \
        and not (record.events or record.drafts or record.issues or record.positions or record.plans)


def renamed(db: sqlite3.Connection, context: Dataset, number: int, piece: Fragment) -> Dataset | None:
    """``context`` (the record without events and sources) with the actors of ``piece``, the new state of the data
    file ``number``, if the tables can take the edit by their dataset rows alone (see the module); else ``None``."""
    record = piece.record
    if record.title not in (None, context.title) or record.description not in (None, context.description) \
            or record.stances != context.stances:
        return None
    before = {key: {ident for (ident,) in db.execute("SELECT id FROM items WHERE file = ? AND key = ?", (number, key))}
              for key in ("actors", "sources")}
    elsewhere = db.execute("SELECT count(*) FROM items WHERE file <> ? AND key = 'actors' AND id IN"
                           " (SELECT value FROM json_each(?))", (number, _json(record.actors))).fetchone()[0]
    if elsewhere or not before["sources"] <= set(record.sources) or not before["actors"] <= set(record.actors):
        return None  # an actor defined in two files, or an id removed (other files may name it)
    if any(_structure(context.actors[ident]) != _structure(record.actors[ident]) for ident in before["actors"]):
        return None  # a kind or an affiliation: what other rows are made of
    added = set(record.actors) - before["actors"]
    if added and len(before["actors"]) != len(context.actors):
        return None  # new actors of a file that does not hold them all: their place among the others' is not known
    actors = dict(record.actors) if added else {ident: record.actors.get(ident, actor)
                                                for ident, actor in context.actors.items()}
    return dataclasses.replace(context, actors=actors)


def _structure(actor: Actor) -> Actor:
    """``actor`` without what only its names rows hold (:data:`NAMING`)."""
    return dataclasses.replace(actor, name="", aliases=(), title=None, notes=None, color=None)


def _json(ids: object) -> str:
    import json

    return json.dumps(list(ids))  # type: ignore[call-overload]
