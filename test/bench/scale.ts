// Scale: the generated corpus (test/bench/corpus.ts) built, extracted and queried at size, and the
// JavaScript a first visit downloads. `npm run bench` runs it; alone:
// `npx tsx test/bench/scale.ts [--texts 100000] [--graph-nodes 200000] [--json] [--tiny]`.
// Each figure that depends on the machine is also given as a ratio to a baseline measured in the
// same run, because this machine is shared and noisy.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { lexiconOf, loadRegistry } from "../../src/build/registry";
import { readDir } from "../../src/cli/io";
import { extract } from "../../src/extract";
import { runQuery } from "../../src/query/run";
import { buildCorpus, generateGraph, median } from "./corpus";

const ROOT = resolve(import.meta.dirname, "../..");

// Not strict: `npm run bench` passes the same options to every benchmark (test/bench/all.ts).
const { values } = parseArgs({
  strict: false,
  options: {
    texts: { type: "string" },
    "graph-nodes": { type: "string" },
    json: { type: "boolean", default: false },
    tiny: { type: "boolean", default: false },
  },
});
const tiny = values.tiny === true;
const TEXTS = Number(values.texts ?? (tiny ? 300 : 100_000));
const GRAPH_NODES = Number(values["graph-nodes"] ?? (tiny ? 2_000 : 200_000));
const log = (line: string) => {
  if (!values.json) console.log(line);
};

// --- Build: the generated corpus, texts → graph.json, in a process of its own. -----------------
const corpus = buildCorpus(TEXTS, true);
const { texts, bytes, build } = corpus;
log(`generated ${TEXTS.toLocaleString("en")} texts, ${(bytes / 1e6).toFixed(1)} MB`);
const graphBytes = statSync(corpus.graph).size;
log(
  `build: ${corpus.summary} in ${build.seconds.toFixed(1)} s, peak ${build.peakMb.toFixed(0)} MB, graph.json ${(graphBytes / 1e6).toFixed(0)} MB`,
);

// --- Extraction throughput on the generated texts, against one normalisation pass over them. ----
const lexicon = lexiconOf(loadRegistry(readDir("data/registry", /\.ya?ml$/)));
const all = texts.map((t) => t.text).join("\n\n");
const normalizeMs = median(() => all.normalize("NFD"), 3);
let refs = 0;
const extractMs = median(
  () => {
    refs = 0;
    for (const t of texts) refs += extract(t.text, { file: t.name, lexicon }).refs.length;
  },
  tiny ? 3 : 1,
);
const extractMbPerS = bytes / 1e6 / (extractMs / 1000);
log(
  `extraction: ${(bytes / 1e6).toFixed(1)} MB, ${refs.toLocaleString("en")} references in ${(extractMs / 1000).toFixed(1)} s: ${extractMbPerS.toFixed(1)} MB/s (${(extractMs / normalizeMs).toFixed(0)}× one normalize pass)`,
);

// --- "What led to X" on a graph of about a million edges, against a plain BFS on typed arrays. ---
const graph = generateGraph(GRAPH_NODES);
const index = new Map<string, number>();
graph.forEachNode((id, _, i = index.size) => index.set(id, i));
// Compressed sparse rows of the out-edges (a text to what it cites): what a walk back follows.
const offsets = new Int32Array(graph.order + 1);
const targets = new Int32Array(graph.size);
{
  let e = 0;
  graph.forEachNode((id) => {
    offsets[index.get(id)!] = e;
    graph.forEachOutNeighbor(id, (t) => (targets[e++] = index.get(t)!));
  });
  offsets[graph.order] = e;
}
function bfs(start: number): number {
  const seen = new Uint8Array(graph.order);
  const queue = new Int32Array(graph.order);
  let head = 0;
  let tail = 0;
  queue[tail++] = start;
  seen[start] = 1;
  while (head < tail) {
    const n = queue[head++]!;
    for (let k = offsets[n]!; k < offsets[n + 1]!; k++) {
      const t = targets[k]!;
      if (!seen[t]) {
        seen[t] = 1;
        queue[tail++] = t;
      }
    }
  }
  return tail;
}
const focus = `R${GRAPH_NODES - 1}`;
let reached = 0;
// The first "what led to" on a graph also builds its history index, once; the medians leave it out.
const firstQueryMs = median(() => runQuery(graph, `what led to ${focus}`), 1);
// The answer: every node reached, its depth and the edge that put it there, in date order, counted
// and noted. Its list items (each with its edge and quote) are made on first read: timed apart.
// The query and the BFS take turns, and the ratio is the median of the turns' ratios: the machine's
// slow spells (which make both several times slower for a while) fall on both sides of a ratio.
let answered = "";
const turns = tiny ? 3 : 15;
const [bfsRuns, ledToRuns] = [[] as number[], [] as number[]];
for (let turn = 0; turn < turns; turn++) {
  bfsRuns.push(median(() => (reached = bfs(index.get(focus)!)), 1));
  ledToRuns.push(median(() => (answered = runQuery(graph, `what led to ${focus}`).notes[0]!), 1));
}
const middle = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const [bfsMs, ledToMs] = [middle(bfsRuns), middle(ledToRuns)];
const ledToRatio = middle(ledToRuns.map((ms, turn) => ms / bfsRuns[turn]!));
let listed = 0;
const itemsMs = median(() => (listed = runQuery(graph, `what led to ${focus}`).items.length), 3);
log(
  `query: ${graph.order.toLocaleString("en")} nodes, ${graph.size.toLocaleString("en")} edges; what led to ${focus}: "${answered}" in ${ledToMs.toFixed(1)} ms; plain BFS on typed arrays: ${reached.toLocaleString("en")} nodes in ${bfsMs.toFixed(1)} ms (medians of ${turns} turns each; ratio ${ledToRatio.toFixed(1)}, the median of the turns' ratios); with all ${listed.toLocaleString("en")} list items made: ${itemsMs.toFixed(0)} ms; the first time, with the history index built, ${firstQueryMs.toFixed(0)} ms`,
);

// --- The JavaScript a first visit downloads: the entry and what it imports statically. ---------
const out = mkdtempSync(join(tmpdir(), "recital-bundle-"));
const built = spawnSync(
  process.execPath,
  ["node_modules/vite/bin/vite.js", "build", "--outDir", out, "--emptyOutDir"],
  {
    cwd: ROOT,
    encoding: "utf8",
  },
);
if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
const html = readFileSync(join(out, "index.html"), "utf8");
const initial = [
  ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g),
].map((m) => m[1]!);
const gzipKb = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f))).length, 0) / 1024;
const lazy = readdirSync(join(out, "assets")).filter(
  (f) => f.endsWith(".js") && !initial.includes(`assets/${f}`),
);
log(
  `initial JavaScript: ${initial.join(", ")}: ${gzipKb.toFixed(1)} kB gzip; loaded on demand: ${lazy.join(", ")}`,
);
rmSync(out, { recursive: true, force: true });

const result = {
  texts: TEXTS,
  build_100k_s: +build.seconds.toFixed(1),
  build_100k_peak_mb: Math.round(build.peakMb),
  build_graph_mb: Math.round(graphBytes / 1e6),
  extract_mb_per_s: +extractMbPerS.toFixed(2),
  extract_ratio_vs_normalize: Math.round(extractMs / normalizeMs),
  query_graph_nodes: graph.order,
  query_graph_edges: graph.size,
  query_led_to_ms_1m_edges: +ledToMs.toFixed(1),
  query_led_to_answer_nodes: listed,
  query_led_to_items_ms: Math.round(itemsMs),
  query_bfs_ms: +bfsMs.toFixed(1),
  query_ratio_vs_bfs: +ledToRatio.toFixed(1),
  query_led_to_first_ms: Math.round(firstQueryMs),
  bundle_initial_gzip_kb: +gzipKb.toFixed(1),
};
if (values.json) console.log(JSON.stringify(result, null, 2));
