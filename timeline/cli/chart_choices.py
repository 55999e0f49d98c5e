"""The choices and defaults the chart commands show in ``--help``, without importing the renderer.

``timeline render timeline --help`` must not pay for matplotlib (0.5 s) nor
networkx: these are the renderer's own values, repeated here for the option
definitions; ``tests/test_cli_startup.py`` checks that each equals the
renderer's.
"""
from __future__ import annotations

from timeline.outputs import DEFAULT_DIR

#: :data:`timeline.render.timeline.DEFAULT_PATH`
TIMELINE_PATH = DEFAULT_DIR / "timeline.png"
#: :data:`timeline.render.timeline.WIDTH`, inches
TIMELINE_WIDTH = 11.0
#: :data:`timeline.render.lanes.LANES`
LANES = ("side", "actor", "type", "none")
#: :data:`timeline.render.graph.GRAPH_LAYOUTS`
GRAPH_LAYOUTS = ("auto", "stress", "spring", "circular", "dated")
#: :data:`timeline.render.select.MAX_ACTORS`
MAX_ACTORS = 60
