// Read a GEXF or GraphML export with graphology (graphology-gexf, graphology-graphml) and print what it holds.
// Usage: node graphology_read.js gexf|graphml FILE
//   -> {"type": ..., "multi": ..., "nodes": [[key, attributes]...], "edges": [[key, source, target, undirected, attributes]...]}
// read(format, file) returns the same object (read_many.js reads many files in one process with it).
const Graph = require("graphology");
const parsers = {gexf: require("graphology-gexf"), graphml: require("graphology-graphml")};

function read(format, file) {
  const text = require("fs").readFileSync(file, "utf8");
  const graph = parsers[format].parse(Graph, text, {addMissingNodes: false});
  return {
    type: graph.type,
    multi: graph.multi,
    nodes: graph.mapNodes((key, attributes) => [key, attributes]),
    edges: graph.mapEdges((key, attributes, source, target, s, t, undirected) => [key, source, target, undirected, attributes]),
  };
}

module.exports = {read};
if (require.main === module) console.log(JSON.stringify(read(...process.argv.slice(2, 4))));
