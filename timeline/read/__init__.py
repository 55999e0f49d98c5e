"""Readers: turn a data file into plain mappings and lists that remember their lines.

One module per file format (:mod:`timeline.read.yaml` today); the checks that make a
:class:`~timeline.model.Dataset` of them live in :mod:`timeline.dataset`.
"""
