// Extraction throughput on large inputs: `npm run bench` (add `-- --mb 2` for a quicker run).
// Figures are ratios against a baseline measured in the same run on the same text — one Unicode
// normalisation pass over it (String.prototype.normalize, native) — because this machine is shared
// and absolute times are noisy.
import { parseArgs } from "node:util";
import { lexiconOf, loadRegistry } from "../../src/build/registry";
import { readDir } from "../../src/cli/io";
import { extract } from "../../src/extract";

// Not strict: `npm run bench` passes the same options to every benchmark (test/bench/all.ts).
const { values } = parseArgs({
  strict: false,
  options: { mb: { type: "string", default: "10" }, json: { type: "boolean", default: false } },
});
const size = Number(values.mb as string) * 1024 * 1024;
const lexicon = lexiconOf(loadRegistry(readDir("data/registry", /\.ya?ml$/)));
const seeds = readDir("data/sources", /\.txt$/)
  .map((s) => s.text)
  .join("\n\n");
let corpus = seeds;
while (corpus.length < size) corpus += "\n\n" + seeds;

// Backtracking bait: long runs of what patterns start with, never completing a match.
const bait = (
  "résolution 1/".repeat(1000) +
  "a".repeat(5000) +
  " GA-2017-".repeat(2000) +
  "conformément au ".repeat(2000) +
  "RAPPELANT ".repeat(3000) +
  "(Rév. " +
  "x".repeat(5000) +
  "\n"
).repeat(Math.max(1, Math.round((40 * size) / (10 * 1024 * 1024))));

// Plain prose with a reference now and then: every region scan must stop at its own end.
const prose = Array.from({ length: Math.round(size / 400) }, (_, i) =>
  i % 50 === 0
    ? "RAPPELANT la résolution AG-2008-RES-07 relative à la coopération policière internationale,"
    : "les services chargés de l'application de la loi échangent des informations et des bonnes pratiques entre eux, en tenant compte des législations nationales respectives et des moyens disponibles dans chaque pays",
).join("\n\n");

const inputs: [string, string][] = [
  ["seed-like corpus", corpus],
  ["same, line breaks lost", corpus.replace(/\n+/g, " ")],
  ["plain prose, few references", prose],
  ["backtracking bait", bait],
];

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

const rows = inputs.map(([name, text]) => {
  const baseline = time(() => text.normalize("NFD"));
  let refs = 0;
  const seconds = time(() => (refs = extract(text, { file: "bench.txt", lexicon }).refs.length));
  return {
    input: name,
    mb: +(text.length / 1e6).toFixed(2),
    refs,
    seconds: +seconds.toFixed(2),
    mb_per_s: +(text.length / 1e6 / seconds).toFixed(2),
    ratio_vs_normalize: +(seconds / baseline).toFixed(0),
  };
});

if (values.json) console.log(JSON.stringify(rows, null, 2));
else console.table(rows);
