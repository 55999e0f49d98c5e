"""Choose events by date, actor, type and status.

>>> from timeline.filters import EventFilter
>>> [e.id for e in EventFilter(since="2025-12-02", types=("meeting",)).apply(record)]
['moscow-talks', 'planned-meeting-ukrainian-delegation']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.vocabulary import ORDERS, ROLES

if TYPE_CHECKING:  # a filter is made without the model: a query answered from the store's tables needs none
    from timeline.model import Dataset, Event


@dataclass(frozen=True)
class EventFilter:
    """Which events to keep; every criterion left empty keeps everything.

    Dates are read as people type them ("2 Dec 2025", "2025-12") and
    compared with each event's whole span: an event is kept if it may lie
    in the period (``November 2025`` is kept by ``--until 2025-11-15``).
    An actor keeps its own events and those of every actor affiliated to it;
    with ``roles``, only those where it (or a member) has one of these roles
    (``initiator``: the calls it asked for). Drafts (``draft: true``, awaiting
    review) are left out unless ``include_drafts``. ``order`` is one of
    :data:`~timeline.model.ORDERS` (see :func:`~timeline.model.date_order`).
    """

    since: str | None = None
    until: str | None = None
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    include_drafts: bool = False
    order: str = "midpoint"

    def apply(self, dataset: Dataset) -> list[Event]:
        """The events of ``dataset`` that pass, in date order (``ValueError`` for an unknown role or order)."""
        from timeline.dates import DateError, parse_user_date
        from timeline.model import date_order

        if unknown := [r for r in self.roles if r not in ROLES]:
            raise ValueError(f"roles are {', '.join(ROLES)}, not {', '.join(unknown)}")
        if self.order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {self.order!r}")
        since = parse_user_date(self.since).start if self.since is not None else None
        until = parse_user_date(self.until).end if self.until is not None else None
        if since and until and since >= until:
            raise DateError(f"--since {self.since} is after --until {self.until}; swap them")
        members = self.actor_ids(dataset)
        events = dataset.events
        if self.include_drafts and dataset.drafts:
            events = sorted((*events, *dataset.drafts), key=lambda e: (date_order(e.date), e.id))
        chosen = [
            event for event in events
            if (self.include_drafts or not event.draft)
            and (not self.types or event.type in self.types)
            and (not self.statuses or event.status in self.statuses)
            and (members is None or not members.isdisjoint(self._actors_of(event)))
            and (since is None and until is None or event.date.overlaps(since, until))
        ]
        if self.order != "midpoint":  # the dataset's own order
            chosen.sort(key=lambda e: (date_order(e.date, self.order), e.id))
        return chosen

    def _actors_of(self, event: Event) -> list[str]:
        if not self.roles:
            return event.actors()
        return [actor for actor, role in event.roles() if role in self.roles]

    def actor_ids(self, dataset: Dataset) -> set[str] | None:
        """The ids the actor criterion accepts (each actor and its members), or ``None`` for all."""
        if not self.actors:
            return None
        from timeline.names import find_actor

        wanted = {find_actor(dataset, name).id for name in self.actors}
        return {a for a in dataset.actors if wanted.intersection(dataset.affiliation_chain(a))}
