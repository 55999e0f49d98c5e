"""Images of the record with matplotlib: the timeline chart and the actor graph."""
