// Big imports: `npm run bench` (alone: `npx tsx test/bench/import.ts --import-mb 50`). A nodes.csv
// and a GEXF file of about that many megabytes are read as the explorer's worker reads them
// (importFiles), against a native JSON.parse of graphology's serialized form of the same graph in
// the same run: this machine is shared, and absolute times are noisy.
import { parseArgs } from "node:util";
import { exportGraph, importFiles } from "../../src/export";
import { chainGraph, median } from "./corpus";

// Not strict: `npm run bench` passes the same options to every benchmark (test/bench/all.ts).
const { values } = parseArgs({
  strict: false,
  options: {
    "import-mb": { type: "string" },
    tiny: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const MB = Number(values["import-mb"] ?? (values.tiny ? 0.5 : 50));
const mb = (text: string) => Buffer.byteLength(text) / 1048576;

const rows = (["csv", "gexf"] as const).map((format) => {
  // About MB megabytes of the format: sized from a small sample of it.
  const per = exportGraph(chainGraph(1000), format).reduce((n, f) => n + mb(f.text), 0) / 1000;
  const graph = chainGraph(Math.max(10, Math.round(MB / per)));
  const files = exportGraph(graph, format).map(({ name, text }) => ({ name, text }));
  const json = JSON.stringify(graph.export());
  const baseline = median(() => JSON.parse(json), 3);
  let kept = 0;
  const ms = median(() => (kept = importFiles(files).graph!.order), values.tiny ? 3 : 1);
  return {
    format,
    mb: +files.reduce((n, f) => n + mb(f.text), 0).toFixed(1),
    nodes: kept,
    ms: Math.round(ms),
    baselineMs: Math.round(baseline),
    ratio: +(ms / baseline).toFixed(1),
  };
});

if (values.json) console.log(JSON.stringify(rows));
else {
  console.log(`big imports (${MB} MB each) against JSON.parse of the same graph's JSON in the same run`);
  console.table(rows);
}
