"""Choose events by date, actor, type and status.

>>> from timeline.filters import EventFilter
>>> [e.id for e in EventFilter(since="2025-12-02", types=("meeting",)).apply(record)]
['moscow-talks', 'planned-meeting-ukrainian-delegation']
"""
from __future__ import annotations

from dataclasses import dataclass

from timeline.dates import DateError, parse_user_date
from timeline.model import Dataset, Event
from timeline.names import find_actor


@dataclass(frozen=True)
class EventFilter:
    """Which events to keep; every criterion left empty keeps everything.

    Dates are read as people type them ("2 Dec 2025", "2025-12") and
    compared with each event's whole span: an event is kept if it may lie
    in the period (``November 2025`` is kept by ``--until 2025-11-15``).
    An actor keeps its own events and those of every actor affiliated to it.
    """

    since: str | None = None
    until: str | None = None
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    def apply(self, dataset: Dataset) -> list[Event]:
        """The events of ``dataset`` that pass, in date order."""
        since = parse_user_date(self.since).start if self.since is not None else None
        until = parse_user_date(self.until).end if self.until is not None else None
        if since and until and since >= until:
            raise DateError(f"--since {self.since} is after --until {self.until}; swap them")
        members = self.actor_ids(dataset)
        return [
            event for event in dataset.events
            if (not self.types or event.type in self.types)
            and (not self.statuses or event.status in self.statuses)
            and (members is None or not members.isdisjoint(event.actors()))
            and (since is None and until is None or event.date.overlaps(since, until))
        ]

    def actor_ids(self, dataset: Dataset) -> set[str] | None:
        """The ids the actor criterion accepts (each actor and its members), or ``None`` for all."""
        if not self.actors:
            return None
        wanted = {find_actor(dataset, name).id for name in self.actors}
        return {a for a in dataset.actors if wanted.intersection(dataset.affiliation_chain(a))}
