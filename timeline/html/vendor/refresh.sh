#!/usr/bin/env bash
# Refresh the browser libraries that the offline page inlines, from npm, at the pinned versions.
# Usage: timeline/html/vendor/refresh.sh   (needs npm; `pip install .` never does)
# To upgrade, change a version below, run this, look at the page, and commit the files and SHA256SUMS.
set -euo pipefail
VIS_TIMELINE=8.5.4
CYTOSCAPE=3.35.0

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "vis-timeline@$VIS_TIMELINE" "cytoscape@$CYTOSCAPE" >/dev/null
mkdir vis cy
tar xzf "vis-timeline-$VIS_TIMELINE.tgz" -C vis
tar xzf "cytoscape-$CYTOSCAPE.tgz" -C cy
cp vis/package/standalone/umd/vis-timeline-graph2d.min.js "$here/vis-timeline-graph2d.min.js"
cp vis/package/styles/vis-timeline-graph2d.min.css "$here/vis-timeline-graph2d.min.css"
cat vis/package/LICENSE.md vis/package/LICENSE.MIT.txt > "$here/LICENSE.vis-timeline.txt"
cp cy/package/dist/cytoscape.min.js "$here/cytoscape.min.js"
cp cy/package/LICENSE "$here/LICENSE.cytoscape.txt"
printf 'vis-timeline %s\ncytoscape %s\n' "$VIS_TIMELINE" "$CYTOSCAPE" > "$here/VERSIONS"
cd "$here"
sha256sum vis-timeline-graph2d.min.js vis-timeline-graph2d.min.css cytoscape.min.js > SHA256SUMS
cat SHA256SUMS
