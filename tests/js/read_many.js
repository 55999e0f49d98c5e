// Read many exports in one node process: node's start-up and the readers' loading (~0.3 s) are paid once.
// Usage: node read_many.js < JOBS, where JOBS is a JSON array of ["gexf"|"graphml"|"cyjs", FILE];
//   -> a JSON array of what graphology_read.js or cytoscape_elements.js prints for each job, in order.
const {read} = require("./graphology_read.js");
const {elements} = require("./cytoscape_elements.js");

const jobs = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(jobs.map(([format, file]) => (format === "cyjs" ? elements(file) : read(format, file)))));
