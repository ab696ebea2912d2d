// Export and import speed: `npm run bench` (alone: `npx tsx test/bench/export.ts --nodes 10000`).
// A generated graph of hard text (accents, quotes, "<", "&", emoji, right-to-left script) is
// written and read back in each data format. Figures are ratios against a baseline measured in the
// same run on the same graph — JSON.stringify then JSON.parse of graphology's serialized form,
// native code — because this machine is shared and absolute times are noisy.
import { parseArgs } from "node:util";
import { MultiDirectedGraph } from "graphology";
import { DATA_FORMATS, exportGraph, importFiles } from "../../src/export";
import type { ExportGraph } from "../../src/export/scope";
import { NODE_KINDS, RELATION_NAMES } from "../../src/model/vocabulary";

// Not strict: `npm run bench` passes the same options to every benchmark (test/bench/all.ts).
const { values } = parseArgs({
  strict: false,
  options: { nodes: { type: "string", default: "10000" }, json: { type: "boolean", default: false } },
});
const N = Math.min(Number(values.nodes as string), 50_000);
const TEXT = [
  "Résolution « n° 5 » — l'œuvre",
  'He said "no" & <left>',
  "🚓 police 🔐",
  "قرار الجمعية ١٢",
  "line\nbreak, comma",
];

const graph: ExportGraph = new MultiDirectedGraph();
for (let i = 0; i < N; i++)
  graph.addNode(`N${i}`, {
    kind: NODE_KINDS[i % NODE_KINDS.length]!,
    label: `${TEXT[i % TEXT.length]} ${i}`,
    aliases: [TEXT[(i + 1) % TEXT.length]!],
    origin: "source",
    date: `${1950 + (i % 70)}`,
    title: { fr: TEXT[(i + 2) % TEXT.length]! },
  });
for (let i = 1; i < N; i++)
  for (const back of [1, 7]) {
    const j = Math.max(0, i - back);
    const relation = RELATION_NAMES[(i + back) % RELATION_NAMES.length]!;
    const key = `N${i}|${relation}|N${j}`;
    if (!graph.hasEdge(key))
      graph.addDirectedEdgeWithKey(key, `N${i}`, `N${j}`, {
        relation,
        clause: "RAPPELANT",
        quote: `${TEXT[i % TEXT.length]} (${i})`,
        source: "bench.txt",
        start: i,
        end: i + 30,
        method: "extracted",
        confidence: 0.9,
        occurrences: 1,
      });
  }

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const baseline = time(() => JSON.parse(JSON.stringify(graph.export())));
const rows = DATA_FORMATS.map((format) => {
  let files: ReturnType<typeof exportGraph> = [];
  const write = time(() => (files = exportGraph(graph, format)));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  let ok = false;
  const read = time(() => (ok = importFiles(files).graph?.size === graph.size));
  return {
    format,
    mb: +(bytes / 1e6).toFixed(1),
    writeMs: Math.round(write),
    readMs: Math.round(read),
    ratio: +((write + read) / baseline).toFixed(1),
    readBack: ok,
  };
});

if (values.json)
  console.log(JSON.stringify({ nodes: graph.order, edges: graph.size, baselineMs: baseline, rows }, null, 2));
else {
  console.log(
    `export and import: ${graph.order} nodes, ${graph.size} edges; baseline JSON round trip ${baseline.toFixed(0)} ms`,
  );
  console.table(rows);
}
