"""Files for other tools, one module per format (like ``networkx.readwrite``)."""
