"""Who meets whom at one event: the groups of actors a meeting, call, visit or agreement joins.

:meth:`timeline.model.Dataset.met_pairs` expands them into pairs; asking
for one actor's pairs only (``only``) costs time in proportion to the
event's actors, not to its pairs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.model import Dataset, Event

#: Pairs across (left, right), or all pairs within left when right is ``None``.
Groups = list[tuple[list[str], "list[str] | None"]]


def candidate_pairs(groups: Groups, at: Callable[[str], str],
                     only: str | None) -> Iterator[tuple[str, str]]:
    """Actor pairs from the groups of :func:`meeting_groups`, only those with node ``only`` if given."""
    for left, right in groups:
        if only is None:
            yield from ((u, v) for u in left for v in right) if right is not None else combinations(left, 2)
            continue
        mine = [a for a in left if at(a) == only]
        if right is None:
            yield from ((u, v) for u in mine for v in left if at(v) != only)
        else:
            yield from ((u, v) for u in mine for v in right)
            yield from ((u, v) for u in (a for a in right if at(a) == only) for v in left)


def meeting_groups(dataset: Dataset, event: Event) -> Groups:
    """Who meets whom at ``event``: pairs across (left, right), or all pairs within left (right ``None``).

    Only at a meeting, call or visit does a mediator keep the sides apart: the
    parties to an agreement, exchange or ceasefire reached through mediators
    are parties to it together (the mediators are not). A visit's host meets
    the visitors; a host of talks meets the attendees unless its own people sit
    at the table (:func:`represented_hosts`), who then meet them for it.
    """
    attendees = list(event.attendees())
    if not event.event_type.meeting:
        return [(parties(dataset, event), None)]
    if event.mediator:
        mediators = list(dict.fromkeys(event.mediator))
        sides: dict[str, list[str]] = {}
        for actor in attendees:
            if actor not in mediators:
                sides.setdefault(dataset.side(actor, event.date), []).append(actor)
        return [(mediators, None), *((members, None) for members in sides.values()),
                ([a for a in attendees if a not in mediators], mediators)]
    if event.type == "visit" and event.host and event.participants:
        return [(list(event.participants), list(event.host))]
    idle = represented_hosts(dataset, event)
    return [(sorted({*attendees, *(h for h in event.host if h not in idle)}), None)]


def represented_hosts(dataset: Dataset, event: Event) -> set[str]:
    """The hosts of ``event`` whose own people sit at the table (a state whose foreign minister attends):
    they meet the others through those people, not again beside them, as :func:`parties` counts a party once."""
    if not event.host:  # most meetings: no affiliations to walk
        return set()
    return set(event.host) & represented(dataset, event.attendees(), event)


def parties(dataset: Dataset, event: Event) -> list[str]:
    """The parties to a symmetric event that is not a meeting, mediators left out.

    A party represented by another (a state whose president signed) is not a
    party again beside it: the Emir of Qatar and the President of Egypt sign,
    not also Qatar with the President of Egypt.
    """
    found = {*event.attendees(), *event.host, *event.signatory} - set(event.mediator)
    return sorted(found - represented(dataset, found, event))


def represented(dataset: Dataset, actors: Iterable[str], event: Event) -> set[str]:
    """What ``actors`` belong to at ``event``'s date (their states, organisations): represented by them there."""
    return {group for actor in actors for group in dataset.affiliation_chain(actor, event.date)[1:]}
