"""One look for every chart: colours and markers by event type, relation and side.

Colours come from the Okabe-Ito and Tableau palettes, which stay apart for
readers with colour-vision deficiencies. Families share a hue: contacts
blue, offers green, demands and refusals orange, hostility red,
contested claims purple, words grey.
"""
from __future__ import annotations

from typing import NamedTuple


class Mark(NamedTuple):
    """How one event type is drawn: colour, matplotlib marker, legend label."""

    color: str
    marker: str
    label: str


EVENT_MARKS: dict[str, Mark] = {
    "meeting": Mark("#0072B2", "o", "Meeting"),
    "call": Mark("#56B4E9", "h", "Call"),
    "visit": Mark("#1F4E79", "D", "Visit"),
    "agreement": Mark("#009E73", "*", "Agreement"),
    "proposal": Mark("#2CA02C", "^", "Proposal"),
    "counter_proposal": Mark("#7FBF3F", "v", "Counter-proposal"),
    "acceptance": Mark("#006D2C", "P", "Acceptance"),
    "demand": Mark("#E69F00", ">", "Demand"),
    "rejection": Mark("#D55E00", "X", "Rejection"),
    "accusation": Mark("#C0392B", "<", "Accusation"),
    "threat": Mark("#8B0000", "d", "Threat"),
    "military_action": Mark("#4D0000", "8", "Military action"),
    "claim": Mark("#8E44AD", "p", "Claim"),
    "denial": Mark("#CC79A7", "H", "Denial"),
    "statement": Mark("#7F7F7F", "s", "Statement"),
    "assessment": Mark("#A0A0A0", "$\u2261$", "Assessment"),
}

#: Edge colours of the actor graph, by relation (see timeline.graph.ACTOR_RELATIONS).
RELATION_COLORS: dict[str, str] = {
    "met": "#0072B2", "agreed": "#009E73",
    "proposed_to": "#2CA02C", "counter_proposed_to": "#7FBF3F", "accepted": "#006D2C",
    "demanded_of": "#E69F00", "rejected": "#D55E00",
    "accused": "#C0392B", "threatened": "#8B0000", "attacked": "#4D0000",
    "claimed_against": "#8E44AD", "denied": "#CC79A7",
    "addressed": "#7F7F7F", "assessed": "#A0A0A0",
}

#: Colours for sides (states and organisations), assigned in order of activity.
SIDE_PALETTE = ("#1F77B4", "#D62728", "#FF7F0E", "#2CA02C", "#9467BD", "#8C564B",
                "#E377C2", "#17BECF", "#BCBD22", "#7F7F7F")
OTHER_SIDE = "#B0B0B0"

FONT = {"family": "DejaVu Sans", "size": 9}
TITLE_SIZE = 14
FOOTER_SIZE = 7
INK = "#222222"
MUTED = "#666666"
GRID = "#E5E5E5"

#: Legend labels of the actor-graph relations.
RELATION_LABELS: dict[str, str] = {
    "met": "Met (meeting, call, visit)", "agreed": "Agreed", "proposed_to": "Proposed to",
    "counter_proposed_to": "Counter-proposed to", "accepted": "Accepted", "demanded_of": "Demanded of",
    "rejected": "Rejected", "accused": "Accused", "threatened": "Threatened", "attacked": "Attacked",
    "claimed_against": "Claimed against", "denied": "Denied", "addressed": "Addressed (statement)",
    "assessed": "Assessed",
}

#: Graph node markers by actor kind; each is scaled to the same area when drawn.
KIND_MARKERS: dict[str, Mark] = {
    "person": Mark(MUTED, "o", "Person"),
    "state": Mark(MUTED, "s", "State"),
    "organization": Mark(MUTED, "D", "Organisation"),
    "group": Mark(MUTED, "h", "Group"),
}

#: Edge colours of the actor-event graph, by the actor's role in the event.
ROLE_COLORS: dict[str, str] = {
    "participant": "#0072B2", "host": "#56B4E9", "source": "#444444",
    "target": "#D55E00", "mentioned": "#BBBBBB",
}


def side_colors(sides_by_activity: list[str]) -> dict[str, str]:
    """A colour for each side, the most active first; sides past the palette share grey."""
    return {side: SIDE_PALETTE[i] if i < len(SIDE_PALETTE) else OTHER_SIDE
            for i, side in enumerate(sides_by_activity)}


def apply_defaults() -> None:
    """Set matplotlib's fonts and SVG output for reproducible, legible figures."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({
        "font.family": FONT["family"], "font.size": FONT["size"],
        "svg.hashsalt": "timeline", "svg.fonttype": "path",
        "pdf.fonttype": 42, "axes.edgecolor": MUTED, "axes.labelcolor": INK,
        "xtick.color": MUTED, "ytick.color": MUTED, "text.color": INK,
    })
