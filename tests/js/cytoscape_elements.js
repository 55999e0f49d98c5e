// Load a Cytoscape.js JSON export in headless Cytoscape.js and print what it holds (used by the tests).
// Usage: node cytoscape_elements.js FILE  ->  {"nodes": [id...], "edges": [[id, source, target, key]...]}
const cytoscape = require("cytoscape");
const data = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({headless: true, elements: data.elements});
console.log(JSON.stringify({
  nodes: cy.nodes().map(n => n.id()),
  edges: cy.edges().map(e => [e.id(), e.source().id(), e.target().id(), e.data("key")]),
}));
