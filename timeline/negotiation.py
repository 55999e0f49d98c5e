"""Issues, positions and plans as plain data: what a negotiation is about, who stood where, how each plan changed.

No I/O here: :mod:`timeline.read.negotiation` reads and checks them, :mod:`timeline.positions`
answers questions about them. A :class:`~timeline.model.Dataset` holds them in ``issues``
(by id), ``positions`` (in the order read), ``plans`` (by id) and ``stances`` (the scale).

Shapes and rules (the data format is in the README, "Issues, positions and plans"):

- An :class:`Issue` is a question the sides take positions on. Its ``proposition`` says what
  the stances are for or against ("Ukraine cedes territory to Russia"), which gives the
  scale its direction. ``parent`` nests issues ("donbas" in "territory"); parents never
  form a cycle.
- A :class:`Position` is an actor's :class:`Stance` on an issue at a date (EDTF). It holds
  until the same actor's next own position on the same issue; a position on a child issue
  does not replace one on its parent. ``claimed_by`` marks a position others attribute to
  the actor ("Kyiv says Moscow demands ..."): claims are kept apart from the actor's own
  positions and never replace them. A position rests on ``sources``, or on an ``event``
  that has them.
- A :class:`Plan` has :class:`PlanVersion` s; a version lists its :class:`Point` s (``key``
  identifies one point across versions; by default its number), the
  :class:`VersionRelation` s to other versions (``supersedes``, ``amends``, ``answers``)
  and the :class:`Response` s actors gave to it.

>>> DEFAULT_SCALE.value("rejects"), DEFAULT_SCALE["open_to"].label
(-1.0, 'Open to')
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from timeline.dates import DateSpan

#: Relations of one plan version to another (any plan's).
VERSION_RELATIONS = ("supersedes", "amends", "answers")
#: What an actor may say about a plan version.
RESPONSES = ("drafted", "endorsed", "accepted", "accepted_as_basis", "welcomed", "open_to", "rejected", "amended")
#: Each response as a reader says it of the version ("Ukraine took it as a basis"), for charts and tables.
RESPONSE_WORDS = {"drafted": "drafted it", "endorsed": "endorsed it", "accepted": "accepted it",
                  "accepted_as_basis": "took it as a basis", "welcomed": "welcomed it", "open_to": "was open to it",
                  "rejected": "rejected it", "amended": "proposed changes"}


def response_words(response: str) -> str:
    """'amended' -> 'proposed changes': what the actor did with the version, in words (an unknown id with its
    underscores as spaces)."""
    return RESPONSE_WORDS.get(response, response.replace("_", " "))


@dataclass(slots=True)
class Quote:
    """Words an actor said, short and attributed (in an event, or behind a position)."""

    speaker: str
    text: str
    source: str | None = None


class Stance(NamedTuple):
    """One step of a stance scale: ``id`` used in the data, ``value`` (higher: more in favour), ``label``."""

    id: str
    value: float
    label: str


#: The scale used when a dataset gives none, from most in favour of an issue's proposition to most against.
DEFAULT_STANCES = (
    Stance("demands", 2.0, "Demands"),
    Stance("accepts", 1.0, "Accepts"),
    Stance("open_to", 0.5, "Open to"),
    Stance("undecided", 0.0, "Undecided"),
    Stance("rejects", -1.0, "Rejects"),
    Stance("red_line", -2.0, "Red line"),
)


@dataclass(slots=True)
class StanceScale:
    """A dataset's stances, ordered from most in favour (highest value) to most against.

    ``scale["rejects"]`` gives the :class:`Stance` (``KeyError`` if none); ``"x" in scale``
    says whether it has one.
    """

    stances: tuple[Stance, ...] = DEFAULT_STANCES

    def __getitem__(self, stance_id: str) -> Stance:
        for stance in self.stances:
            if stance.id == stance_id:
                return stance
        raise KeyError(stance_id)

    def __contains__(self, stance_id: object) -> bool:
        return any(stance.id == stance_id for stance in self.stances)

    def __iter__(self) -> Iterator[Stance]:
        return iter(self.stances)

    def ids(self) -> tuple[str, ...]:
        return tuple(stance.id for stance in self.stances)

    def value(self, stance_id: str) -> float:
        """The value of a stance: its place on the scale (``KeyError`` if none)."""
        return self[stance_id].value


DEFAULT_SCALE = StanceScale()


@dataclass(slots=True)
class Issue:
    """A question of the negotiation: what the stances on it are for or against (``proposition``)."""

    id: str
    name: str
    proposition: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(slots=True)
class Position:
    """An actor's stance on an issue, from a date (EDTF), in our own words (``statement``).

    ``claimed_by`` is empty for the actor's own position, else the actors who attribute it.
    """

    id: str
    actor: str
    issue: str
    stance: str
    date: DateSpan
    statement: str = ""
    event: str | None = None
    quote: Quote | None = None
    claimed_by: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    notes: str | None = None

    @property
    def claimed(self) -> bool:
        """Is this a position others attribute to the actor (not its own)?"""
        return bool(self.claimed_by)


class VersionRelation(NamedTuple):
    """A version ``supersedes``, ``amends`` or ``answers`` another (``version``, an id)."""

    relation: str
    version: str


class Point(NamedTuple):
    """A point of a plan version: its ``number`` as written, its ``key`` across versions, ``text``, ``issues``."""

    number: str
    key: str
    text: str
    issues: tuple[str, ...] = ()


class Response(NamedTuple):
    """What an actor said about a plan version (one of :data:`RESPONSES`), when, resting on what."""

    actor: str
    response: str
    date: DateSpan | None = None
    event: str | None = None
    sources: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(slots=True)
class PlanVersion:
    """One version of a plan: dated, drafted by actors, with its points, relations and responses."""

    id: str
    name: str
    date: DateSpan
    drafted_by: tuple[str, ...] = ()
    event: str | None = None
    sources: tuple[str, ...] = ()
    relations: tuple[VersionRelation, ...] = ()
    points: tuple[Point, ...] = ()
    responses: tuple[Response, ...] = ()
    notes: str | None = None


@dataclass(slots=True)
class Plan:
    """A proposal, counter-proposal or draft, with its versions in the order written."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    versions: tuple[PlanVersion, ...] = ()
    notes: str | None = None
