"""Run the command line with ``python -m timeline``."""
from timeline.cli import main

main()
