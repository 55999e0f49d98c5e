// Load a Cytoscape.js JSON export in headless Cytoscape.js and print what it holds (used by the tests).
// Usage: node cytoscape_elements.js FILE  ->  {"nodes": [id...], "edges": [[id, source, target, key]...]}
// elements(file) returns the same object (read_many.js reads many files in one process with it).
const cytoscape = require("cytoscape");

function elements(file) {
  const data = JSON.parse(require("fs").readFileSync(file, "utf8"));
  const cy = cytoscape({headless: true, elements: data.elements});
  return {
    nodes: cy.nodes().map(n => n.id()),
    edges: cy.edges().map(e => [e.id(), e.source().id(), e.target().id(), e.data("key")]),
  };
}

module.exports = {elements};
if (require.main === module) console.log(JSON.stringify(elements(process.argv[2])));
