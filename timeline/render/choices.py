"""The choices and defaults of the charts, in one module without matplotlib.

The renderers take their values from here, and so does the CLI, whose
``--help`` must not pay for importing matplotlib (0.5 s) nor networkx.
"""
from __future__ import annotations

from timeline.outputs import DEFAULT_DIR

#: Where the timeline chart is written by default.
TIMELINE_PATH = DEFAULT_DIR / "timeline.png"
#: The timeline chart's width by default, inches.
TIMELINE_WIDTH = 11.0
#: The lanes of a timeline chart (:mod:`timeline.render.lanes`).
LANES = ("side", "actor", "type", "none")
#: Node layouts of the actor graph (:mod:`timeline.render.layout`); ``auto`` is ``stress``.
LAYOUTS = ("auto", "stress", "spring", "circular")
#: Layouts of the graph drawings; ``dated`` (events top to bottom by date) is for the actor-event graph,
#: ``grouped`` (each side's people in a circle round its state) for the person graph.
GRAPH_LAYOUTS = (*LAYOUTS, "dated", "grouped")
#: Actors an actor graph draws at most; past it the most active are kept.
MAX_ACTORS = 60
