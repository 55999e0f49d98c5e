"""Write a realistic synthetic dataset in timeline's YAML format, for benchmarks.

    python bench/generate.py --preset 100k              # -> bench/data/100k
    python bench/generate.py --events 2500 --out /tmp/d --seed 7

The record looks like real reporting on several negotiations at once:
hundreds of actors (states, organisations, delegations, people with titles
and aliases, names in Cyrillic, Chinese, Arabic... and with apostrophes or
colons), a Zipf-like activity (a few actors in most events), negotiation
"tracks" that give the actor graph its communities, the type mix and date
precisions of news, claims paired with denials, responses, sources.
The same seed always writes the same bytes. The events are invented.

The folder gets ``actors.yaml``, ``sources.yaml``, ``events/<year>.yaml``
(``events/<year>-<month>.yaml`` when a year would pass ~8 MB) and
``bench.json``, a summary that ``bench/run.py`` reads (not part of the dataset).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from generate_cast import Event, Recent, Sampler, Track
from generate_report import Reporting
from generate_words import (
    ANSWERS,
    CHARGES,
    CLAIM_DENIED,
    DAYS,
    DEMANDS,
    FIGHTING,
    FIRST_DAY,
    NOTES,
    SECOND_SENTENCES,
    SYMMETRIC,
    TEMPLATES,
    TOPICS,
    TOWNS,
    TYPE_SHARES,
    VERDICTS,
)
from generate_yaml import actor_yaml, event_files, header, negotiation_yaml, q, source_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
SUMMARY_FILE = "bench.json"


class Generator(Reporting):
    """One dataset in memory: ``actors``, ``events`` (in date order) and ``sources``."""

    def __init__(self, events: int, seed: int = 1):
        super().__init__(events, seed)
        self.build_events()

    # -- events ------------------------------------------------------------------

    def build_events(self) -> None:
        """Draw the types first (a claim may bring its denial), then days, then fill in in date order."""
        rng = self.rng
        types = Sampler(list(TYPE_SHARES), list(TYPE_SHARES.values()))
        kinds, total = [], 0
        while total < self.target:
            kind = types(rng)
            denied = kind == "claim" and total + 2 <= self.target and rng.random() < CLAIM_DENIED
            kinds.append((kind, denied))
            total += 1 + denied
        drafts = sorted(self.draft_day() for _ in kinds)
        wars = [track for track in self.tracks if track.conflict]
        for (day, track_index), (kind, denied) in zip(drafts, kinds):
            track = self.tracks[track_index] if track_index >= 0 else None
            if kind in FIGHTING and not (track and track.conflict):
                track = rng.choice([war for war in wars if war.start <= day < war.end])
            event = self.event(kind, day, track)
            if denied:
                self.deny(event, track)
        self.events.sort(key=lambda e: e.day)

    def draft_day(self) -> tuple[int, int]:
        """A (day, track index or -1) for one event: mostly in a track, often near one of its rounds."""
        rng = self.rng
        if rng.random() < 0.1:
            return FIRST_DAY + rng.randrange(DAYS), -1
        index = self.pick_track(rng)
        track = self.tracks[index]
        day = rng.choice(track.rounds) + round(rng.gauss(0, 3)) if rng.random() < 0.4 else rng.randrange(track.start, track.end)
        return min(max(day, FIRST_DAY), FIRST_DAY + DAYS - 1), index

    def sides(self, track: Track | None) -> tuple[str, str]:
        """Two different states: the acting side and the other."""
        if track is not None:
            a, b = self.rng.sample(track.states, 2)
            return a, b
        a = self.pick_state(self.rng).id
        b = self.pick_state(self.rng).id
        while b == a:
            b = self.rng.choice(self.states).id
        return a, b

    def speaker(self, side: str, track: Track | None, person_share: float = 0.55) -> str:
        """An actor for ``side``: one of its people, else the state itself or its delegation."""
        roll = self.rng.random()
        if roll < person_share and side in self.pick_person:
            return self.pick_person[side](self.rng).id
        if track is not None and side in track.delegations and roll > 0.9:
            return track.delegations[side]
        return side

    def event(self, kind: str, day: int, track: Track | None) -> Event:
        rng = self.rng
        a, b = self.sides(track)
        related: list[tuple[str, str]] = []
        venue = track.venue if track else self.actors[b].capital
        if kind in SYMMETRIC:
            roles, location = self.gathering(kind, a, b, track, venue)
        else:
            if kind in ANSWERS and track is not None and (answered := self.answered(track, day, a)):
                related.append(("responds_to", answered.id))
                a, b = answered.other, answered.side
            roles, location = self.directed(kind, a, b, track, answered.actor if related else None)
            if kind in ("proposal", "demand") and location is None and rng.random() < 0.3:
                location = venue
        if track is not None and not related:
            related = self.links(kind, track, day, a, b)
        status = self.status(kind)
        first = (roles.get("source") or (roles["participants"] if kind == "visit" else
                                         roles.get("host", []) + roles["participants"]))[0]
        counterpart = next((x for key in ("target", "host", "participants") for x in roles.get(key, ())
                            if x != first), b)
        words = self.words(track, a=self.actors[first].short, b=self.actors[counterpart].short,
                           b_state=self.actors[b].short, b_capital=self.actors[b].capital, place=location or venue)
        event = Event(self.new_id(first, kind, day), kind, day, self.date_text(day, status, a), status,
                      self.summary(kind, words),
                      roles, location, related=related, notes=rng.choice(NOTES) if rng.random() < 0.04 else None)
        self.finish(event, track, words)
        if track is not None:
            recent = track.recent.setdefault(kind, [])
            recent.append(Recent(day, event.id, a, b, first))
            del recent[:-12]
        return event

    def words(self, track: Track | None, **names: str | None) -> dict:
        """What the summary and headline templates fill in."""
        rng = self.rng
        words = {"topic": rng.choice(track.topics if track else TOPICS), "town": rng.choice(
            track.towns if track else TOWNS), "rounds": rng.randint(2, 12), "pct": rng.randint(5, 30),
            "hours": rng.randint(2, 7), "demand": rng.choice(DEMANDS), "verdict": rng.choice(VERDICTS), **names}
        words["charge"] = rng.choice(CHARGES).format(**words)
        return words

    def summary(self, kind: str, words: dict) -> str:
        """One sentence from the type's templates, sometimes two."""
        text = self.rng.choice(TEMPLATES[kind]).format(**words)
        if self.rng.random() < 0.35:
            text += " " + self.rng.choice(SECOND_SENTENCES).format(**words)
        return text[0].upper() + text[1:]

    def gathering(self, kind: str, a: str, b: str, track: Track | None,
                  venue: str) -> tuple[dict[str, list[str]], str | None]:
        """Roles and place of a meeting, call, visit or agreement between sides ``a`` and ``b``."""
        rng = self.rng
        if kind == "visit":
            host = b if rng.random() < 0.6 else self.speaker(b, track, 1.0)
            return {"participants": [self.speaker(a, track, 0.9)], "host": [host]}, self.actors[b].capital
        people = [a, b] if kind == "agreement" else [self.speaker(a, track, 0.85), self.speaker(b, track, 0.85)]
        if kind == "meeting" and rng.random() < 0.3:
            people.append(self.speaker(rng.choice((a, b)), track, 1.0))
        if track is not None and track.mediator and rng.random() < 0.25:
            people.append(track.mediator)
        roles = {"participants": list(dict.fromkeys(people))}
        if kind == "meeting" and rng.random() < 0.3:
            roles["host"] = [roles["participants"].pop(0)]
        return roles, None if kind == "call" else (venue if rng.random() < 0.6 else self.actors[b].capital)

    def directed(self, kind: str, a: str, b: str, track: Track | None,
                 target: str | None) -> tuple[dict[str, list[str]], str | None]:
        """Roles and place of an event that goes from side ``a`` to side ``b``."""
        rng = self.rng
        fighting = kind in FIGHTING
        source = self.speaker(a, track, 0.3 if kind == "claim" else 0 if fighting else 0.55)
        if fighting and rng.random() < 0.5 and f"{a}-armed-forces" in self.actors:
            source = f"{a}-armed-forces"
        elif kind == "assessment":
            monitor = rng.choice(self.monitors)
            source = self.staff[monitor.id].id if monitor.id in self.staff and rng.random() < 0.3 else monitor.id
        elif kind in ("statement", "demand", "accusation", "proposal") and rng.random() < 0.06:
            source = rng.choice(self.collectives).id
        target = target or (b if fighting or kind == "assessment" else self.speaker(b, track, 0.25))
        roles = {"source": [source]}
        if rng.random() < 0.85:
            roles["target"] = [target]
        if "target" not in roles or (target != b and rng.random() < 0.2):
            roles["mentioned"] = [b]
        if fighting:
            return roles, rng.choice(track.towns if track else TOWNS)
        if kind == "statement" and rng.random() < 0.25:
            return roles, self.actors[a].capital
        return roles, None

    def answered(self, track: Track, day: int, side: str) -> Recent | None:
        """A recent proposal or demand of ``track`` for an answer from ``side`` (else from anyone)."""
        pool = [e for k in ("proposal", "counter_proposal", "demand") for e in track.recent.get(k, ())
                if day - 120 <= e.day]
        aimed = [e for e in pool if e.other == side]
        return self.rng.choice(aimed or pool) if pool else None

    def links(self, kind: str, track: Track, day: int, a: str, b: str) -> list[tuple[str, str]]:
        """part_of, supersedes and responds_to links to earlier events of the same track."""
        rng, recent = self.rng, track.recent
        if kind == "meeting" and rng.random() < 0.3:
            if visits := [e for e in recent.get("visit", ()) if day - 2 <= e.day]:
                return [("part_of", visits[-1].id)]
        elif kind == "statement":
            if rng.random() < 0.08 and (meetings := [e for e in recent.get("meeting", ()) if day - 1 <= e.day]):
                return [("part_of", meetings[-1].id)]
            if rng.random() < 0.12 and (pool := [e for k in ("accusation", "threat", "statement", "military_action")
                                                 for e in recent.get(k, ()) if day - 7 <= e.day and e.side == b]):
                return [("responds_to", rng.choice(pool).id)]
        elif kind == "proposal" and rng.random() < 0.1:
            if own := [e for e in recent.get("proposal", ()) if e.side == a]:
                return [("supersedes", own[-1].id)]
        elif kind == "demand" and rng.random() < 0.1 and (plans := recent.get("proposal")):
            return [("part_of", plans[-1].id)]
        return []

    def deny(self, claim: Event, track: Track | None) -> None:
        """The other side's denial of ``claim``, a few days later; the claim becomes disputed."""
        rng = self.rng
        claimant = self.actors[claim.roles["source"][0]]
        other = self.actors[(claim.roles.get("target") or claim.roles["mentioned"])[0]]
        side, other_side = claimant.side or claimant.id, other.side or other.id
        day = min(claim.day + rng.choice((0, 1, 1, 2, 3)), FIRST_DAY + DAYS - 1)
        denier = self.speaker(other_side, track, 0.4)
        words = self.words(track, a=self.actors[denier].short, b=self.actors[side].short, town=claim.location,
                           b_state=self.actors[side].short, b_capital=self.actors[side].capital)
        claim.status = "disputed"
        event = Event(self.new_id(denier, "denial", day), "denial", day, self.date_text(day, "occurred", other_side),
                      "occurred", self.summary("denial", words),
                      {"source": [denier], "target": [side]}, claim.location, related=[("disputes", claim.id)])
        self.finish(event, track, words)

    def activity(self) -> Counter:
        """Events per actor, over every role."""
        return Counter(actor for event in self.events for actor in dict.fromkeys(
            a for ids in event.roles.values() for a in ids))


def generate(events: int, out: str | Path, seed: int = 1, files: int | None = None, positions: int = 0) -> dict:
    """Write a dataset of ``events`` events to the folder ``out``; return its summary (also in bench.json).

    ``files``: split the events into that many files (see :func:`event_files`). ``positions``: also
    ``negotiation.yaml``, with issues, that many positions and a few plans (:func:`negotiation_yaml`).
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / SUMMARY_FILE).exists():
        raise SystemExit(f"error: {out} has files that generate.py did not write; choose another --out")
    started = time.perf_counter()
    generator = Generator(events, seed)
    files = {"actors.yaml": header(generator) + "dataset:\n"
             f"  title: {q(f'Invented negotiations, {events:,} events (test data)')}\n"   # a chart's headline
             f"  description: Invented negotiations between real and fictional actors, for benchmarks only "
             f"(bench/generate.py, seed {seed}).\n"
             "actors:\n" + "".join(map(actor_yaml, generator.actors.values())),
             "sources.yaml": header(generator) + "sources:\n" + "".join(map(source_yaml, generator.sources)),
             **event_files(generator.events, files)}
    if positions:
        files["negotiation.yaml"] = header(generator) + negotiation_yaml(generator, positions, seed)
    for old in [*out.glob("events/*.yaml"), *out.glob("negotiation.yaml")]:
        old.unlink()
    (out / "events").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    (most_active, count), = generator.activity().most_common(1)
    summary = {"generator": "bench/generate.py", "seed": seed, "events": len(generator.events),
               "actors": len(generator.actors), "sources": len(generator.sources), "files": sorted(files),
               "bytes": sum(len(text.encode()) for text in files.values()),
               "most_active": most_active, "most_active_events": count,
               "seconds": round(time.perf_counter() - started, 2)}
    (out / SUMMARY_FILE).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return summary



def size(text: str) -> int:
    """'1k' -> 1000, '2.5k' -> 2500, '1m' -> 1000000, '300' -> 300."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 1k, 10k, 2500)")
    return round(float(match[1]) * {"": 1, "k": 1000, "m": 1000000}[match[2]])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--events", type=size, help="number of events (1k, 2500, ...)")
    group.add_argument("--preset", help="1k, 10k or 100k: that many events, written to bench/data/<preset>")
    parser.add_argument("--out", type=Path, help="folder to write (default with --preset: bench/data/<preset>)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--files", type=int, help="split the events into this many files (default: per year "
                                                  "or month); 2034 makes the 2,036-file layout of issue 18")
    parser.add_argument("--positions", type=size, default=0,
                        help="also write negotiation.yaml: 20 issues, this many positions, 3 plans (e.g. 5000)")
    args = parser.parse_args(argv)
    if args.preset:
        args.events, args.out = size(args.preset), args.out or DATA_DIR / args.preset
    elif args.out is None:
        parser.error("--out is required with --events")
    summary = generate(args.events, args.out, args.seed, args.files, args.positions)
    print(f"{args.out}: {summary['events']} events, {summary['actors']} actors, {summary['sources']} sources, "
          f"{len(summary['files'])} files, {summary['bytes'] / 2**20:.1f} MB in {summary['seconds']:.1f} s; "
          f"most active: {summary['most_active']} ({summary['most_active_events']} events)")


if __name__ == "__main__":
    sys.exit(main())
