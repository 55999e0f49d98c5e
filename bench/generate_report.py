"""The reporting side of a synthetic dataset (bench/generate.py): each event's status, id, date as news gives
it, quotes and sources (an article covers up to 10 events)."""
from __future__ import annotations

from datetime import date, timedelta

from generate_cast import Cast, Event, Sampler, Track
from generate_words import CANCELLED, HEADLINES, PLANNED, PRECISIONS, PUBLISHERS, QUOTED, QUOTES, SYMMETRIC, slug


class Reporting(Cast):
    """The cast, with the record's ``events``, their ids, and the ``sources`` that report them."""

    def __init__(self, events: int, seed: int = 1):
        super().__init__(events, seed)
        self.sources: list[dict] = []
        self.latest_sources: list[tuple[int, str]] = []    # (day published, id), newest last
        self.room: dict[str, int] = {}                      # source id -> how many more events it may cite
        self.events: list[Event] = []
        self.event_ids: set[str] = set()
        self.precision = Sampler(list(PRECISIONS), list(PRECISIONS.values()))

    def status(self, kind: str) -> str:
        if kind not in SYMMETRIC:
            return "occurred"
        roll = self.rng.random()
        return "planned" if roll < PLANNED else "cancelled" if roll < PLANNED + CANCELLED else "occurred"

    def new_id(self, actor: str, kind: str, day: int) -> str:
        base = f"{actor}-{kind.replace('_', '-')}-{date.fromordinal(day):%Y-%m-%d}"
        ident, n = base, 2
        while ident in self.event_ids:
            ident, n = f"{base}-{n}", n + 1
        self.event_ids.add(ident)
        return ident

    def date_text(self, day: int, status: str, side: str) -> str:
        """The event's date as reporting gives it, in a form drawn from PRECISIONS (EDTF)."""
        rng, when = self.rng, date.fromordinal(day)
        form = self.precision(rng)
        if form == "day":
            return when.isoformat()
        if form == "month":
            return f"{when:%Y-%m}"
        if form == "year":
            return f"{when:%Y}"
        if form == "moment":
            return f"{when}T{rng.randint(6, 23):02d}:{rng.choice((0, 0, 15, 30, 45)):02d}{self.actors[side].zone}"
        if form == "interval":
            roll = rng.random()
            if roll < 0.7:
                return f"{when}/{when + timedelta(days=rng.randint(1, 5))}"
            if roll < 0.85:
                return f"{when:%Y-%m}/{when + timedelta(days=rng.randint(3, 40))}"
            return f"{when:%Y-%m}/{date.fromordinal(day + rng.randint(28, 62)):%Y-%m}"
        if form == "qualified":
            return rng.choice((f"{when}?", f"{when}?", f"{when:%Y-%m}~", f"{when}~", f"{when:%Y}~", f"{when:%Y-%m}?"))
        return f"{when}/.." if status == "planned" or rng.random() < 0.2 else f"../{when}"

    def finish(self, event: Event, track: Track | None, words: dict) -> None:
        """Give ``event`` its quotes and sources and add it to the record."""
        rng = self.rng
        if rng.random() < QUOTED.get(event.type, 0.05):
            speakers = event.roles.get("source") or event.roles["participants"]
            event.quotes = [(rng.choice(speakers), rng.choice(QUOTES), None) for _ in range(1 + (rng.random() < 0.2))]
        self.cite(event, track, words)
        if event.quotes and rng.random() < 0.2:
            speaker, text, _ = event.quotes[0]
            event.quotes[0] = (speaker, text, event.sources[0])
        self.events.append(event)

    def cite(self, event: Event, track: Track | None, words: dict) -> None:
        """One to three sources published on or soon after the event; an article covers up to 10 events."""
        rng = self.rng
        pool = track.sources if track is not None else []
        room = self.room
        fresh = [ident for day, ident in pool if event.day <= day <= event.day + 7 and room[ident]]
        roundup = [ident for day, ident in self.latest_sources if event.day <= day <= event.day + 2 and room[ident]]
        for _ in range(rng.choice((1, 1, 1, 1, 1, 1, 2, 2, 2, 3))):
            roll, ident = rng.random(), None
            if fresh and roll < 0.85:
                ident = rng.choice(fresh)
            elif roundup and roll < 0.95:
                ident = rng.choice(roundup)
            if ident is None or ident in event.sources:
                day = event.day + rng.choice((0, 0, 1, 1, 2))
                ident = self.new_source(day, words)
                for recent in (pool, self.latest_sources):
                    recent.append((day, ident))
                    del recent[:-10]
            event.sources.append(ident)
            room[ident] -= 1

    def new_source(self, day: int, words: dict) -> str:
        rng, when = self.rng, date.fromordinal(day)
        publisher = rng.choice(PUBLISHERS)
        ident = f"{slug(publisher)[:24].strip('-')}-{when}-{len(self.sources) + 1}"
        roll = rng.random()
        published = (f"{when}?" if roll < 0.05 else
                     f"{when}T{rng.randint(5, 23):02d}:{rng.randint(0, 59):02d}Z" if roll < 0.1 else when.isoformat())
        source = {"id": ident, "publisher": publisher, "title": rng.choice(HEADLINES).format(**words),
                  "published": published}
        if rng.random() < 0.7:
            source["url"] = f"https://{slug(publisher)}.example/{when:%Y/%m/%d}/{slug(source['title'])[:60]}"
        self.sources.append(source)
        self.room[ident] = rng.randint(2, 10)
        return ident
