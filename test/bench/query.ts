// Query speed on a generated citation graph: `npm run bench` runs it after extraction (alone:
// `npx tsx test/bench/query.ts --nodes 20000`). Figures are ratios against a baseline measured in
// the same run on the same graph — one breadth-first traversal of everything reachable from the
// middle text, either way (graphology-traversal): "how many whole-graph walks a query costs" —
// because this machine is shared and absolute times are noisy. The indexes questions read are built
// first, as the explorer builds them ahead of questions, and timed apart. A history is timed as
// answered; its list items are made when first read.
import { parseArgs } from "node:util";
import { bfsFromNode } from "graphology-traversal";
import { answerKeys } from "../../src/export/scope";
import { finish } from "../../src/query/memo";
import { prepareQueries } from "../../src/query/prepare";
import { answerCount, answerPage, runQuery } from "../../src/query/run";
import { generateGraph, median, type G } from "./corpus";

// Not strict: `npm run bench` passes the same options to every benchmark (test/bench/all.ts).
const { values } = parseArgs({
  strict: false,
  options: { nodes: { type: "string", default: "100000" }, json: { type: "boolean", default: false } },
});
const N = Number(values.nodes as string);

const t0 = performance.now();
const graph = generateGraph(N, 3);
const generated = performance.now() - t0;
// The middle text: the most cited of the middle tenth (citations are heavy-tailed: most texts
// are seldom cited, and a question about one of those says little about speed).
let middle = `R${Math.floor(N / 2)}`;
for (let i = Math.floor(0.45 * N); i < Math.floor(0.55 * N); i++)
  if (graph.inDegree(`R${i}`) > graph.inDegree(middle)) middle = `R${i}`;
const far = `R${Math.min(N - 1, Number(middle.slice(1)) + 2000)}`;
// And the most cited text of all, whose citers are a long answer.
let mostCited = "R0";
graph.forEachNode((id) => {
  if (graph.inDegree(id) > graph.inDegree(mostCited)) mostCited = id;
});
const last = `R${N - 1}`;

// Everything questions need, built ahead of them as the explorer does while it is in use.
const prepareMs = median(() => finish(prepareQueries(graph)), 1);
// A text every text cites (a constitution), on a copy of the graph with its own indexes: its
// citers are an answer as long as the graph.
const withHub = graph.copy();
withHub.addNode("CONSTITUTION", {
  kind: "convention",
  label: "Constitution",
  aliases: [],
  origin: "source",
  date: "1899-12-31",
});
withHub.forEachNode((id) => {
  if (id !== "CONSTITUTION")
    withHub.addDirectedEdgeWithKey(`${id}|recalls|CONSTITUTION`, id, "CONSTITUTION", {
      relation: "recalls",
      clause: "recalls",
      quote: `${id} recalls the Constitution`,
      source: "generated",
      method: "extracted",
      confidence: 1,
      occurrences: 1,
    });
});
finish(prepareQueries(withHub));
const cases: [string, string, G][] = [
  ["what led to (newest text)", `what led to ${last}`, graph],
  ["what followed from (middle text)", `what followed from ${middle}`, graph],
  ["what cites (middle text)", `what cites ${middle}`, graph],
  ["what cites (most cited text)", `what cites ${mostCited}`, graph],
  ["what cites (a text all cite)", "what cites CONSTITUTION", withHub],
  ["path from … to … (2,000 apart)", `path from ${far} to ${middle}`, graph],
  ["how is … connected to … (2,000 apart)", `how is ${middle} connected to ${far}`, graph],
];
const baseline = median(() => bfsFromNode(graph, middle, () => false, { mode: "directed" }));
// The answer, as the explorer first shows it: the first page of its list (each item with its edge
// and quote) and the keys of the nodes and edges it lights. Its whole list is counted here apart
// from the timing.
const rows = cases.map(([name, phrase, g]) => {
  const ms = median(() => {
    const answer = runQuery(g, phrase);
    answerKeys(g, answer);
    return answerPage(answer, 0, 200);
  });
  const nodes = answerCount(runQuery(g, phrase));
  return {
    query: name,
    nodes,
    ms: +ms.toFixed(1),
    baselineMs: +baseline.toFixed(1),
    ratio: +(ms / baseline).toFixed(2),
  };
});

if (values.json) {
  console.log(
    JSON.stringify(
      {
        nodes: graph.order,
        edges: graph.size,
        generatedMs: generated,
        prepareMs,
        rows,
      },
      null,
      2,
    ),
  );
} else {
  console.log(
    `generated graph: ${graph.order} nodes, ${graph.size} edges in ${(generated / 1000).toFixed(1)} s`,
  );
  console.log(
    `questions prepared (names, history, references, examples, connections) in ${(prepareMs / 1000).toFixed(1)} s\n`,
  );
  console.log("query                              answer nodes   ms (median of 5)   baseline BFS ms   ratio");
  for (const r of rows)
    console.log(
      `${r.query.padEnd(35)}${String(r.nodes).padStart(12)}${String(r.ms).padStart(19)}${String(r.baselineMs).padStart(18)}${String(r.ratio).padStart(8)}`,
    );
}
