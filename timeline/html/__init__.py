"""One self-contained HTML page of the record: the timeline and the actor graph as linked views.

>>> from timeline.html import write_page
>>> write_page(record, "output/index.html")          # doctest: +SKIP

The page works offline from disk: the browser libraries it uses
(vis-timeline, Cytoscape.js; see ``vendor/``), its script, its style and
its data are all inside the one file, and it asks nothing of the network.
"""
from timeline.html.page import page_html, write_page

__all__ = ["page_html", "write_page"]
