// Read a GEXF or GraphML export with graphology (graphology-gexf, graphology-graphml) and print what it holds.
// Usage: node graphology_read.js gexf|graphml FILE
//   -> {"type": ..., "multi": ..., "nodes": [[key, attributes]...], "edges": [[key, source, target, undirected, attributes]...]}
const Graph = require("graphology");
const parsers = {gexf: require("graphology-gexf"), graphml: require("graphology-graphml")};
const [format, file] = process.argv.slice(2);
const text = require("fs").readFileSync(file, "utf8");
const graph = parsers[format].parse(Graph, text, {addMissingNodes: false});
console.log(JSON.stringify({
  type: graph.type,
  multi: graph.multi,
  nodes: graph.mapNodes((key, attributes) => [key, attributes]),
  edges: graph.mapEdges((key, attributes, source, target, s, t, undirected) => [key, source, target, undirected, attributes]),
}));
