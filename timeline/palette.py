"""The one palette of timeline: side colours, event-type families and relation families.

Every picture and file that colours the record takes its colours from here:
the matplotlib charts (:mod:`timeline.render`), the GEXF and DOT exports and
the offline page. Nothing here imports matplotlib.

**Type families.** The model's 46 event types (:data:`timeline.model.EVENT_TYPES`)
fall into eight families, each with a shape and a colour of its own, so that
a family is told apart by shape alone (black-and-white print) and by colour
alone (a key read at a glance). The colours are Okabe and Ito's set for
colour-vision deficiencies (Okabe & Ito 2008, *Color Universal Design*),
with the yellow left out because it vanishes on white paper. A type no family
names joins one by its CAMEO root code (CAMEO 1.1b3 codebook), so a type the
model adds later still has a home.

**Relation families.** The actor graph draws the relations the types make
(``met``, ``rejected``, ...) in five families: talks, cooperation, pressure,
words and force; each has a dash of its own. Lines are greys but for the
hostile families' accents (pressure dark red, force black), so that a line
never wears a side's colour: side colours are for nodes.

**Side colours.** :func:`side_colors` gives each side (a state or an
organisation) its own colour: the dataset's (an actor's ``color`` field)
first, then a stable default for common states (:data:`KNOWN_SIDES`), then
the palette colour its name hashes to (or the next free one); when the distinct colours run out the
rest share :data:`OTHER_SIDE` grey, which a key names "other sides", each
by name. No two sides get one colour unless the dataset itself asks for it.

Stable API for the page and the exports: :data:`FAMILIES`, :func:`family_of`,
:data:`TYPE_FAMILIES`, :data:`RELATION_FAMILIES`, :func:`relation_family`,
:func:`side_colors`, :data:`OTHER_SIDE`, :func:`graph_look` and the look
tuples it returns.
"""
from __future__ import annotations

import math
import zlib
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from timeline.folding import fold
from timeline.model import EVENT_TYPES, HELD_STATUSES

if TYPE_CHECKING:
    import networkx as nx

    from timeline.model import Dataset

#: Text and rule colours shared by every picture.
INK = "#222222"
MUTED = "#666666"
GRID = "#E5E5E5"
#: Fonts of every picture: the body font and size in points, the title size.
FONT = {"family": "DejaVu Sans", "size": 9}
TITLE_SIZE = 14


class Family(NamedTuple):
    """A family of event types drawn alike.

    ``id``: a stable key (``"talks"``); ``label``: the key's words;
    ``color``: hex ``#RRGGBB``; ``marker``: the matplotlib marker;
    ``shape``: the same shape named for other drawing tools (``circle``,
    ``diamond``, ``triangle-up``, ``triangle-down``, ``square``, ``star``,
    ``cross``, ``plus``: SVG/CSS or Cytoscape.js names); ``types``: the
    model's type names in it, in the model's order.
    """

    id: str
    label: str
    color: str
    marker: str
    shape: str
    types: tuple[str, ...]


#: The families' own members; every other type joins a family by its CAMEO root (:data:`_ROOT_FAMILIES`).
_MEMBERS: dict[str, tuple[str, ...]] = {
    "talks": ("meeting", "visit", "talks_resumed"),
    "calls": ("call",),
    "proposals": ("proposal", "counter_proposal", "joint_draft", "offer_to_mediate", "agreement_in_principle",
                  "agreement", "agreement_signed", "endorsement", "acceptance"),
    "pressure": ("demand", "appeal", "rejection", "threat", "deadline", "accusation", "criticism",
                 "talks_suspended"),
    "words": ("statement", "claim", "denial", "assessment"),
    "relief": ("exchange", "release", "aid", "cooperation", "ceasefire_declared", "ceasefire_in_force",
               "withdrawal"),
    "measures": ("sanctions", "sanctions_eased", "expulsion", "relations_reduced", "coercion", "arrest",
                 "investigation", "protest"),
    "force": ("military_action", "assault", "abduction", "ceasefire_violation", "mass_violence", "show_of_force"),
}
#: The family of a type no family names, by CAMEO root code.
_ROOT_FAMILIES = {"01": "words", "02": "pressure", "03": "proposals", "04": "talks", "05": "proposals",
                  "06": "relief", "07": "relief", "08": "relief", "09": "measures", "10": "pressure",
                  "11": "pressure", "12": "pressure", "13": "pressure", "14": "measures", "15": "force",
                  "16": "measures", "17": "measures", "18": "force", "19": "force", "20": "force"}
#: Each family's words, colour (Okabe-Ito), matplotlib marker and shape name, in the key's order.
_LOOKS: dict[str, tuple[str, str, str, str]] = {
    "talks": ("Meetings and talks", "#0072B2", "o", "circle"),
    "calls": ("Calls", "#56B4E9", "D", "diamond"),
    "proposals": ("Proposals and agreements", "#009E73", "^", "triangle-up"),
    "pressure": ("Demands, rejections and threats", "#D55E00", "v", "triangle-down"),
    "words": ("Statements, claims and denials", "#CC79A7", "s", "square"),
    "relief": ("Ceasefires, exchanges and aid", "#E69F00", "*", "star"),
    "measures": ("Sanctions and measures", "#7F7F7F", "P", "plus"),
    "force": ("Military action", "#000000", "X", "cross"),
}


def _families() -> dict[str, Family]:
    """Every family with every type of the model placed in exactly one."""
    placed = {t: fam for fam, types in _MEMBERS.items() for t in types if t in EVENT_TYPES}
    for name, kind in EVENT_TYPES.items():
        placed.setdefault(name, _ROOT_FAMILIES.get(kind.cameo, "words"))
    return {fam: Family(fam, label, color, marker, shape, tuple(t for t in EVENT_TYPES if placed[t] == fam))
            for fam, (label, color, marker, shape) in _LOOKS.items()}


#: The eight families, by id, in the key's order.
FAMILIES: dict[str, Family] = _families()
#: The family id of every event type of the model.
TYPE_FAMILIES: dict[str, str] = {t: fam.id for fam in FAMILIES.values() for t in fam.types}


def family_of(event_type: str) -> Family:
    """The family of ``event_type`` (a type name); an unknown name is a statement ("words")."""
    return FAMILIES[TYPE_FAMILIES.get(event_type, "words")]


def type_label(event_type: str) -> str:
    """The model's words for ``event_type`` ('Ceasefire declared'), else the name in words."""
    kind = EVENT_TYPES.get(event_type)
    return kind.label if kind else event_type.replace("_", " ").capitalize()


# -- relations --------------------------------------------------------------------------------------------


class RelationFamily(NamedTuple):
    """A family of actor-graph relations drawn alike: ``id``, key ``label``, ``color`` (hex), ``dash``
    (a matplotlib linestyle: a name or ``(offset, (on, off, ...))`` in points) and ``dot_style``
    (Graphviz's nearest style: solid, dashed, dotted, bold); ``short``: a column head's words; ``head``: the
    matplotlib arrowstyle of a directed line's head (``-|>`` filled, ``->`` open)."""

    id: str
    label: str
    color: str
    dash: object
    dot_style: str
    short: str = ""
    head: str = "-|>"


#: The five relation families, in the key's order. Lines are neutral greys told apart by dash, and only the
#: hostile families carry an accent (pressure a dark red, force black), so that no line takes a side's colour
#: (:data:`SIDE_PALETTE`: side colours are for nodes only). Without colour (print, protanopia) cooperation and
#: pressure still differ twice: long dashes and an open head against a solid line and a filled head; talks are
#: solid with no head, claims dotted.
RELATION_FAMILIES: dict[str, RelationFamily] = {f.id: f for f in (
    RelationFamily("talks", "Met or talked (meeting, call, visit)", "#999999", "-", "solid", "Met"),
    RelationFamily("cooperation", "Proposed, agreed, exchanged, mediated", "#4D4D4D", (0, (8, 3.5)), "dashed",
                   "Proposed, agreed", "->"),
    RelationFamily("pressure", "Demanded, rejected, threatened, accused", "#A50026", "-", "dashed",
                   "Demanded, rejected"),
    RelationFamily("words", "Claimed, denied, stated", "#707070", (0, (1, 1.6)), "dotted",
                   "Claimed, denied"),
    RelationFamily("force", "Military action in this record (not a count of the war's attacks)", "#000000",
                   "-", "bold", "Military action in this record"),
)}
#: Type family -> relation family.
_TYPE_TO_RELATION = {"talks": "talks", "calls": "talks", "proposals": "cooperation", "relief": "cooperation",
                     "pressure": "pressure", "measures": "pressure", "words": "words", "force": "force"}
#: Relations the graph makes that no type names.
_OWN_RELATIONS = {"mediated": "cooperation", "acted_together": "cooperation"}


def relation_family(relation: str) -> RelationFamily:
    """The family of an actor-graph relation (``met``, ``rejected``, ``mediated``...), found through the
    type that makes it, or of a family id itself (``pressure``); a relation no type makes is a "words"
    relation."""
    if relation in RELATION_FAMILIES:
        return RELATION_FAMILIES[relation]
    family = _OWN_RELATIONS.get(relation)
    if family is None:
        kind = next((t for t in EVENT_TYPES.values() if t.relation == relation), None)
        family = _TYPE_TO_RELATION[TYPE_FAMILIES[kind.name]] if kind else "words"
    return RELATION_FAMILIES[family]


# -- sides ------------------------------------------------------------------------------------------------

#: Distinct colours for sides in order of use: Okabe and Ito's six (no yellow, no black), then Paul Tol's
#: wine and a deep indigo (Tol's #332288 darkened to L* 13: judged round 9, the US's indigo and Ukraine's blue
#: printed as two dark greys and came together for tritanopes). Every pair differs by a CIEDE2000 distance of at
#: least 12 in normal vision and under simulated deuteranopia and protanopia (Machado et al. 2009), and none is
#: a relation's colour (tests/test_palette_sides.py measures it). Past these, sides share :data:`OTHER_SIDE`
#: and the key names them.
SIDE_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#882255", "#21165A")
#: Colour shared by the sides past the palette; a key calls them "other sides" and names them.
OTHER_SIDE = "#C8C8C8"
#: Stable colours of common sides by folded name or alias, so that Russia is the same in every chart. The three
#: main sides of the talks lie far apart in lightness too (CIELAB L* 13, 45 and 71), so that they stay three
#: greys in black-and-white print: the United States deep indigo, Ukraine blue, Russia orange (CIEDE2000 of the
#: US and Ukraine: 33 in normal vision, 24 deuteranopia, 27 protanopia, 27 tritanopia, 28 in greys).
KNOWN_SIDES: dict[str, str] = {
    "russia": "#E69F00", "russian federation": "#E69F00",
    "ukraine": "#0072B2",
    "united states": "#21165A", "united states of america": "#21165A", "usa": "#21165A", "us": "#21165A",
    "european union": "#D55E00", "eu": "#D55E00",
    "united kingdom": "#56B4E9", "uk": "#56B4E9",
    "turkey": "#CC79A7", "türkiye": "#CC79A7", "turkiye": "#CC79A7",
    "china": "#882255", "france": "#009E73",
}


def side_colors(sides_by_activity: list[str], dataset: Dataset | None = None, counts: Counter | None = None
                ) -> dict[str, str]:
    """A colour (hex) for each side id, the most active side first.

    Order of rule: the side's own ``color`` in the dataset; a stable
    default for a common state (:data:`KNOWN_SIDES`) unless an earlier side
    holds that colour; else the colour of :data:`SIDE_PALETTE` (leaving out
    the three main sides') its folded name hashes to (CRC-32), or the next one
    after it that no side holds;
    past the palette, :data:`OTHER_SIDE`. So a side's colour does not
    depend on which other sides a dataset has, unless two of them hash to
    one colour. Two sides share a colour only if the dataset gives them the
    same ``color``. With a ``dataset``,
    the colours are dealt over every side of the whole record, the most
    active first, whatever the sides asked for and their order: a side has
    one colour in every chart of a record (the timeline's band, the graphs,
    the page), however few sides each one draws; ``counts`` are the dataset's :func:`side_counts`, if known.
    """
    if dataset is not None:
        counts = side_counts(dataset) if counts is None else counts
        asked = {side: i for i, side in enumerate(sides_by_activity)}
        every = _deal(sorted(set(counts) | set(asked), key=lambda s: (-counts[s], s if s in counts else "", asked.get(s, 0))),
                      dataset)
        return {side: every[side] for side in sides_by_activity}
    return _deal(sides_by_activity, None)


def side_counts(dataset: Dataset) -> Counter:
    """How many events of ``dataset`` each side (:meth:`Dataset.side`) takes part in, each actor's side looked up once."""
    sides: dict[str, str] = {}
    counts: Counter = Counter()
    for event in getattr(dataset, "events", ()):
        here = set()
        for actor in event.actors():
            side = sides.get(actor)
            if side is None:
                side = sides[actor] = dataset.side(actor)
            here.add(side)
        counts.update(here)
    return counts


def _deal(sides_by_activity: list[str], dataset: Dataset | None) -> dict[str, str]:
    """The colours of :func:`side_colors`, dealt in the order given."""
    colors: dict[str, str] = {}
    for side in sides_by_activity:  # the dataset's own colours first: they are never moved
        actor = dataset.actors.get(side) if dataset is not None else None
        if getattr(actor, "color", None):
            colors[side] = actor.color.upper()
    for side in sides_by_activity:
        if side in colors:
            continue
        actor = dataset.actors.get(side) if dataset is not None else None
        names = (side, *((actor.name, *actor.aliases) if actor else ()))
        known = next((KNOWN_SIDES[n.casefold()] for n in names if n.casefold() in KNOWN_SIDES), None)
        if known and known not in colors.values():
            colors[side] = known
    for side in sides_by_activity:
        if side not in colors:
            colors[side] = _hashed(side, dataset, set(colors.values()))
    return {side: colors[side] for side in sides_by_activity}


#: The main sides' colours, and the rest of the palette: a side's hash picks among the rest first.
_MAIN = tuple(KNOWN_SIDES[s] for s in ("ukraine", "russia", "united states"))
_MINOR = tuple(c for c in SIDE_PALETTE if c not in _MAIN)


def _hashed(side: str, dataset: Dataset | None, held: set[str]) -> str:
    """The palette colour ``side``'s folded name hashes to, or the next free one after it, or OTHER_SIDE."""
    actor = dataset.actors.get(side) if dataset is not None else None
    start = zlib.crc32(fold(actor.name if actor else side).encode()) % len(_MINOR)
    turn = _MINOR[start:] + _MINOR[:start] + _MAIN
    return next((c for c in turn if c not in held), OTHER_SIDE)


def principal_colors(colors: dict[str, str], keep: int = 3) -> dict[str, str]:
    """``colors`` (side -> hex, the most active side first) with only the principal sides keeping theirs: the
    main sides of the talks in their fixed colours (United States, Ukraine, Russia: :data:`KNOWN_SIDES`), or in a
    record with none of them its ``keep`` most active sides; every other side :data:`OTHER_SIDE`. A drawing that
    colours only these never gives one hue to two actors across a series of charts."""
    main = [s for s, c in colors.items() if c in _MAIN]
    chosen = set(main or list(colors)[:keep])
    return {s: c if s in chosen else OTHER_SIDE for s, c in colors.items()}


# -- graph looks: one function for the graph drawing and the graph exports -----------------------------------

#: Node marker area in points², from the least to the most active actor (actor graph; ROW_AREA beside
#: event nodes in the actor-event graph); every event node has EVENT_AREA.
NODE_AREA = (90.0, 900.0)
ROW_AREA = (30.0, 200.0)
EVENT_AREA = 70.0
#: Colour of event-to-event links (responds_to, part_of, ...) in the actor-event graph.
LINK_COLOR = MUTED
#: Edge colours of the actor-event graph by the actor's role; a role the model adds later takes OTHER_ROLE.
ROLE_COLORS: dict[str, str] = {
    "participant": "#0072B2", "host": "#56B4E9", "source": "#444444",
    "target": "#D55E00", "mentioned": "#BBBBBB", "mediator": "#009E73", "initiator": "#E69F00",
    "signatory": "#117733", "head": "#332288",
}
OTHER_ROLE = "#888888"


class NodeLook(NamedTuple):
    """How a node is drawn: fill colour (hex), marker area in points², hollow (an event that did not happen)."""

    color: str
    area: float
    hollow: bool = False


class EdgeLook(NamedTuple):
    """How an edge is drawn: colour (hex), line width in points, dashed (planned, or a mere mention), and
    the relation family's dash (a matplotlib linestyle) that keeps it apart in print."""

    color: str
    width: float
    dashed: bool = False
    dash: object = "-"


class GraphLook(NamedTuple):
    """The look of each node and edge (keyed ``(u, v, key)``), and each side's colour for the key."""

    nodes: dict[str, NodeLook]
    edges: dict[tuple[str, str, str], EdgeLook]
    sides: dict[str, str]


def graph_look(graph: nx.MultiDiGraph, dataset: Dataset | None = None) -> GraphLook:
    """Colours and sizes of an actor graph or an actor-event graph, the same in drawings and exports.

    Actors take their side's colour (:func:`side_colors` over every side
    of the whole ``dataset``, ordered by their number of events, else over
    the graph's, so that a side keeps its colour in every chart of the
    record, whatever each one draws); their area grows linearly with
    ``activity`` (else their number of neighbours) within NODE_AREA, or
    ROW_AREA beside event nodes. Events take their type family's colour,
    hollow unless they happened. Relations take their family's colour and
    dash and a width growing with the log of their count; roles their colour.
    """
    activity = {n: d.get("activity", len(set(graph.successors(n)))) for n, d in graph.nodes(data=True)
                if d.get("node_type", "actor") == "actor"}
    if dataset is not None:
        counts = side_counts(dataset)
    else:
        counts = Counter()
        for node, count in activity.items():
            counts[graph.nodes[node].get("side", node)] += count
    sides = {graph.nodes[n].get("side", n) for n in activity}
    ranked = sorted(sides | set(counts), key=lambda s: (-counts[s], s))   # every side of the record: stable colours
    every = side_colors(ranked, dataset, counts if dataset is not None else None)
    colors = {s: every[s] for s in ranked if s in sides}
    most = max(activity.values(), default=1) or 1
    low, high = ROW_AREA if len(activity) < len(graph) else NODE_AREA
    nodes = {}
    for node, data in graph.nodes(data=True):
        if node in activity:
            nodes[node] = NodeLook(colors[data.get("side", node)], low + (high - low) * activity[node] / most)
        else:
            nodes[node] = NodeLook(family_of(data.get("type", "")).color, EVENT_AREA,
                                   data.get("status") not in HELD_STATUSES)
    most = max((c for *_, c in graph.edges(data="count", default=1)), default=1)
    edges = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        if "directed" in data:  # an actor-graph relation
            family = relation_family(key)
            edges[u, v, key] = EdgeLook(family.color, edge_width(data.get("count", 1), most),
                                        bool(data.get("planned")), family.dash)
        else:
            edges[u, v, key] = EdgeLook(ROLE_COLORS.get(key, OTHER_ROLE if "role" in data else LINK_COLOR), 1.0,
                                        key == "mentioned")
    return GraphLook(nodes, edges, colors)


def edge_width(count: int, most: int) -> float:
    """Line width in points: 1 for one event, up to 5 for the most (on a log scale, at least out of 8)."""
    return 1.0 + 4.0 * math.log(max(count, 1)) / math.log(max(most, 8))


# -- legibility: WCAG 2 contrast, for text on a coloured fill (the charts' cells, the page's chips) ------------

def hex_rgb(color: str) -> tuple[float, float, float]:
    """``#rrggbb`` as three sRGB channels, 0 to 1."""
    return (int(color[1:3], 16) / 255, int(color[3:5], 16) / 255, int(color[5:7], 16) / 255)


def luminance(rgb: tuple[float, float, float]) -> float:
    """The WCAG 2 relative luminance of an sRGB colour (channels 0 to 1), from 0 (black) to 1 (white)
    (www.w3.org/TR/WCAG21/#dfn-relative-luminance)."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    """The WCAG 2 contrast ratio of two sRGB colours, 1 to 21 (www.w3.org/TR/WCAG21/#dfn-contrast-ratio)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

