"""The loader's checks across files, run once every file is read: references, affiliation cycles, roles.

Mixed into the loader (:class:`timeline.dataset._Builder`), which gives
``problem``, ``origin`` and ``dataset``; :mod:`timeline.store.assemble` and
:mod:`timeline.index.update` run the same checks on a record put together
from parts.
"""
from __future__ import annotations

from timeline.items import ModelFields
from timeline.model import EVENT_TYPES, ROLE_KEYS, Event
from timeline.read.negotiation import NegotiationFields
from timeline.read.problems import did_you_mean
from timeline.read.reading import Path_


class CrossFileChecks(ModelFields, NegotiationFields):
    """Every reference checked against the ids defined in any file; affiliations without cycles; roles."""

    def _check_references(self) -> None:
        """Check every reference against the ids defined, including those of items that had problems."""
        defined: dict[str, set[str]] = {"actors": set(), "events": set(), "sources": set()}
        for ident, (_, where) in self.origin.items():
            defined[str(where[0])].add(ident)
        actors, sources, event_ids = defined["actors"], defined["sources"], defined["events"]
        for actor in self.dataset.actors.values():
            file, where = self.origin[actor.id]
            for index, parent in enumerate([a.actor for a in actor.affiliations] or [actor.affiliation]):
                if parent and parent not in actors:
                    place = (*where, "affiliation", index) if actor.affiliations else (*where, "affiliation")
                    self.problem(file, place, f"unknown affiliation '{parent}' of "
                                 f"actor '{actor.id}'{did_you_mean(parent, actors)}")
        self._check_cycles()
        for event in (*self.dataset.events, *self.dataset.drafts):
            self._check_event(event, actors, sources, event_ids)
        self._check_negotiation()

    def _check_cycles(self) -> None:
        actors = self.dataset.actors
        reported: set[str] = set()
        for start in actors:
            chain: list[str] = []
            ident: str | None = start
            while ident is not None and ident in actors and ident not in chain:  # any affiliation ever listed
                chain.append(ident)
                parents: list[str | None] = [a.actor for a in actors[ident].affiliations] or [actors[ident].affiliation]
                ident = next((p for p in parents if p in chain), parents[-1])
            if ident in chain and ident not in reported:
                cycle = chain[chain.index(ident):]
                reported.update(cycle)
                file, where = self.origin[ident]
                self.problem(file, (*where, "affiliation"), "affiliation cycle: "
                             f"{' -> '.join([*cycle, ident])}; an actor cannot belong to itself")

    def _check_event(self, event: Event, actors: set[str], sources: set[str], event_ids: set[str]) -> None:
        file, where = self.origin[event.id]
        for key in ROLE_KEYS:
            for index, actor in enumerate(getattr(event, key)):
                if actor not in actors:
                    hint = did_you_mean(actor, actors)
                    if not hint and actor in sources:
                        hint = "; that is a source: cite it under 'sources'"
                    self.problem(file, (*where, key, index),
                                 f"unknown actor '{actor}' in event '{event.id}'{hint}")
        for index, quote in enumerate(event.quotes):
            if quote.speaker not in actors:
                self.problem(file, (*where, "quotes", index, "speaker"), f"unknown speaker '{quote.speaker}' in "
                             f"event '{event.id}'{did_you_mean(quote.speaker, actors)}")
            if quote.source and quote.source not in sources:
                self.problem(file, (*where, "quotes", index, "source"), f"unknown source '{quote.source}' in "
                             f"event '{event.id}'{did_you_mean(quote.source, sources)}")
        for index, source in enumerate(event.sources):
            if source not in sources:
                hint = did_you_mean(source, sources)
                if not hint and source in actors:
                    hint = "; that is an actor: name the acting actor with 'source' (singular)"
                self.problem(file, (*where, "sources", index), f"unknown source '{source}' in "
                                                               f"event '{event.id}'{hint}")
        for index, link in enumerate(event.related):
            if link.event not in event_ids:
                self.problem(file, (*where, "related", index, "event"), f"unknown event '{link.event}' in "
                             f"'related' of '{event.id}'{did_you_mean(link.event, event_ids)}")
        self._check_model_references(file, where, event, actors)
        self._check_roles(file, where, event)

    def _check_roles(self, file: str, where: Path_, event: Event) -> None:
        kind = EVENT_TYPES[event.type]
        if kind.symmetric:
            if len({*event.attendees(), *event.host, *event.mediator, *event.signatory}) < 2:
                self.problem(file, where, f"{event.type} '{event.id}' needs at least two actors "
                                          "in 'participants', 'head', 'host', 'mediator' and 'signatory'")
            if event.source or event.target:
                self.problem(file, where, f"{event.type} '{event.id}' is symmetric: list its actors under "
                                          "'participants' (and 'host'), not 'source'/'target'")
        elif not event.source:
            self.problem(file, where, f"{event.type} '{event.id}' needs a 'source': the actor who acts")
