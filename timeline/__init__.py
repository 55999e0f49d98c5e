"""timeline: keep the record of a diplomatic negotiation and see it.

The library behind the ``timeline`` command::

    import timeline
    record = timeline.load("seeds")
    [e.id for e in timeline.EventFilter(types=("meeting",)).apply(record)]

Heavy parts (graphs, charts, exports) live in their own modules and are
imported only when used.
"""
from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "load": "timeline.dataset", "default_path": "timeline.dataset", "DatasetError": "timeline.dataset",
    "Dataset": "timeline.model", "Actor": "timeline.model", "Event": "timeline.model",
    "Source": "timeline.model", "EVENT_TYPES": "timeline.model",
    "DateSpan": "timeline.dates", "parse_edtf": "timeline.dates", "parse_user_date": "timeline.dates",
    "EventFilter": "timeline.filters", "find_actor": "timeline.names",
}
__all__ = sorted(_API)


def __getattr__(name: str) -> object:
    """Import public names on first use, so ``import timeline`` stays light."""
    if name not in _API:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_API[name]), name)
