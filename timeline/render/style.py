"""The charts' matplotlib look: markers by event type, looks by status, fonts.

Colours, shapes and families come from :mod:`timeline.palette`, the one
palette of the project; this module adds what only matplotlib needs.
"""
from __future__ import annotations

from typing import NamedTuple

from timeline import model as _model
from timeline.model import EVENT_TYPES, HELD_STATUSES, STATUSES
from timeline.palette import (  # noqa: F401 (the names the renderers have always used)
    EVENT_AREA,
    FONT,
    GRID,
    INK,
    KNOWN_SIDES,
    LINK_COLOR,
    MUTED,
    NODE_AREA,
    OTHER_ROLE,
    OTHER_SIDE,
    RELATION_FAMILIES,
    ROLE_COLORS,
    ROW_AREA,
    SIDE_PALETTE,
    TITLE_SIZE,
    EdgeLook,
    GraphLook,
    NodeLook,
    edge_width,
    family_of,
    graph_look,
    relation_family,
    side_colors,
)


class Mark(NamedTuple):
    """How one event type is drawn: colour, matplotlib marker, legend label (its family's colour and shape)."""

    color: str
    marker: str
    label: str


#: CAMEO roots of the use of force: the events a battlefield band counts.
FORCE_ROOTS = ("18", "19", "20")

#: Every event type of the model, in its order, drawn as its family (:data:`timeline.palette.FAMILIES`).
EVENT_MARKS: dict[str, Mark] = {name: Mark(family_of(name).color, family_of(name).marker, kind.label)
                                for name, kind in EVENT_TYPES.items()}


class StatusLook(NamedTuple):
    """How a status is drawn on the timeline, whatever the event's type.

    ``fill``: the marker (or span) is filled; ``line``: the outline's dash
    (matplotlib linestyle) where hollow; ``ring``: a ring around the marker
    ('solid' or 'dashed', or ``None``); ``struck``: struck through;
    ``alpha``: opacity; ``label``: the legend's words.
    """

    fill: bool
    line: str
    ring: str | None
    struck: bool
    alpha: float
    label: str


_OWN_STATUS_LOOKS: dict[str, StatusLook] = {
    "occurred": StatusLook(True, "-", None, False, 1.0, "Took place"),
    "planned": StatusLook(False, "--", None, False, 1.0, "Planned (hollow)"),
    "proposed": StatusLook(False, ":", None, False, 1.0, "Proposed, not arranged (hollow, dotted)"),
    "postponed": StatusLook(False, "-.", None, False, 0.7, "Postponed (hollow, dash-dot)"),
    "cancelled": StatusLook(True, "-", None, True, 0.45, "Cancelled (faded, label says so)"),
    "disputed": StatusLook(True, "-", "solid", False, 1.0, "Disputed (ringed)"),
    "claimed": StatusLook(True, "-", "dashed", False, 1.0, "Claimed by one side (dashed ring)"),
}


def status_look(status: str) -> StatusLook:
    """The look of ``status``: its own, or one read from the model's flags (held, pending, contested)."""
    if status in _OWN_STATUS_LOOKS:
        return _OWN_STATUS_LOOKS[status]
    info = getattr(_model, "STATUS_INFO", {}).get(status)
    label = getattr(info, "label", status.replace("_", " ").capitalize())
    if getattr(info, "pending", False):
        return StatusLook(False, "--", None, False, 1.0, f"{label} (hollow)")
    if getattr(info, "contested", False):
        return StatusLook(True, "-", "dashed", False, 1.0, f"{label} (ringed)")
    held = status in HELD_STATUSES
    return StatusLook(True, "-", None, not held, 1.0 if held else 0.45, label)


#: Every status of the model with its look.
STATUS_LOOKS: dict[str, StatusLook] = {status: status_look(status) for status in STATUSES}

def relation_look(relation: str) -> tuple[str, object]:
    """The colour and dash of a relation: its family's (:func:`timeline.palette.relation_family`)."""
    family = relation_family(relation)
    return family.color, family.dash


#: Every relation the model's types make, and the graph's own two, with their family's look.
RELATION_LOOKS: dict[str, tuple[str, object]] = {
    r: relation_look(r) for r in dict.fromkeys((*(t.relation for t in EVENT_TYPES.values()), "mediated",
                                                "acted_together"))}
RELATION_COLORS: dict[str, str] = {r: color for r, (color, _) in RELATION_LOOKS.items()}
#: The words for single relations, as the page (timeline.html) shows them; the charts name families.
RELATION_LABELS: dict[str, str] = {
    "met": "Met (meeting, call, visit)", "agreed": "Agreed", "proposed_to": "Proposed to",
    "counter_proposed_to": "Counter-proposed to", "accepted": "Accepted", "demanded_of": "Demanded of",
    "rejected": "Rejected", "accused": "Accused", "threatened": "Threatened", "attacked": "Attacked",
    "claimed_against": "Claimed against", "denied": "Denied", "addressed": "Addressed (statement)",
    "assessed": "Assessed", "acted_together": "Acted together (joint draft, statement)",
    "mediated": "Mediated (an agreement, exchange)",
}


FOOTER_SIZE = 7
#: Points: the least type a chart prints (footnotes, keys, tabs; judge13/14 read 6.5 pt as the floor).
LEAST_TYPE = 6.5

def relation_label(relation: str) -> str:
    """The key's words for a relation family, given a relation or a family id."""
    return relation_family(relation).label


#: Graph node markers by actor kind; each is scaled to the same area when drawn.
KIND_MARKERS: dict[str, Mark] = {
    "person": Mark(MUTED, "o", "Person"),
    "state": Mark(MUTED, "s", "State"),
    "organization": Mark(MUTED, "D", "Organisation"),
    "group": Mark(MUTED, "h", "Group"),
}

#: The tie drawn from a person (or delegation) to the side it belongs to.
MEMBERSHIP_COLOR = "#E8E8E8"
MEMBERSHIP_WIDTH = 3.0
#: The one line per pair of a state-level drawing (any relation): a neutral grey, no side's colour.
PAIR_COLOR = "#8C8C8C"


def apply_defaults() -> None:
    """Set matplotlib's fonts (with the fallback chain) and SVG output for reproducible, legible figures."""
    import matplotlib

    from timeline.render.text import font_chain

    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "font.family": list(font_chain()), "font.size": FONT["size"],
        "svg.hashsalt": "timeline", "svg.fonttype": "path",
        "pdf.fonttype": 42, "axes.edgecolor": MUTED, "axes.labelcolor": INK,
        "xtick.color": MUTED, "ytick.color": MUTED, "text.color": INK,
        # unhinted text is as wide at every dpi and in SVG/PDF: what is measured is what is drawn
        "text.hinting": "no_hinting",
    })
