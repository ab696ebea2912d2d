// `npm run fuzz`: every target of test/fuzz/targets.ts with many inputs (50,000 each by default;
// the build, which builds the seeds with each input, a tenth of that),
// then a growth probe per target: inputs of the worst kind known at sizes n, 4n and 16n, timed,
// and the exponent of the time's growth reported (1 is linear). Prints a table; exits 1 on the
// first property that fails (fast-check prints the smallest input it found) or on growth above
// 1.5. Options: --runs N, --seed S, --only NAME, --json.
import { parseArgs } from "node:util";
import fc from "fast-check";
import { median } from "../bench/corpus";
import { TARGETS, type Target } from "./targets";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "50000" },
    seed: { type: "string" },
    only: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const targets = TARGETS.filter((t) => !values.only || t.name.startsWith(values.only));

interface Row {
  target: string;
  inputs: number;
  largest_chars: number;
  slowest_ms: number;
  seconds: number;
  growth_exponent: number;
  failure?: string;
}

/** How time grows from n to 16n characters: log(t16 / t1) / log(16) on medians of five. */
function growth(target: Target<unknown>, n: number): number {
  const small = target.grow(n);
  const large = target.grow(16 * n);
  const time = (input: unknown) => median(() => target.check(input), 5);
  time(small); // warm
  return Math.log(time(large) / time(small)) / Math.log(16);
}

const rows: Row[] = [];
let failed = false;
for (const target of targets) {
  const t0 = performance.now();
  let largest = 0;
  let slowest = 0;
  let count = 0;
  const property = fc.property(target.arbitrary, (input) => {
    const a = performance.now();
    target.check(input);
    const ms = performance.now() - a;
    count++;
    slowest = Math.max(slowest, ms);
    largest = Math.max(largest, target.size(input));
  });
  const result = fc.check(property, { numRuns: Math.max(1, Math.round(runs * (target.share ?? 1))), seed });
  const row: Row = {
    target: target.name,
    inputs: count,
    largest_chars: largest,
    slowest_ms: Math.round(slowest),
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    growth_exponent: Math.round(growth(target, 20_000) * 100) / 100,
  };
  if (result.failed) {
    failed = true;
    row.failure = fc.defaultReportMessage(result) ?? "failed";
  }
  if (row.growth_exponent > 1.5) failed = true;
  rows.push(row);
  if (!values.json)
    process.stderr.write(
      `${row.target}: ${row.inputs.toLocaleString("en")} inputs, largest ${row.largest_chars.toLocaleString("en")} characters, slowest ${row.slowest_ms} ms, growth ×16 size → exponent ${row.growth_exponent}${row.failure ? "\nFAILED\n" + row.failure : ""}\n`,
    );
}

if (values.json) console.log(JSON.stringify({ seed, runs, rows }, null, 1));
else {
  const total = rows.reduce((n, r) => n + r.inputs, 0);
  console.log(`\nseed ${seed}: ${total.toLocaleString("en")} inputs over ${rows.length} targets`);
  console.log("| target | inputs | largest (chars) | slowest input | growth exponent (n → 16n) | seconds |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows)
    console.log(
      `| ${r.target} | ${r.inputs.toLocaleString("en")} | ${r.largest_chars.toLocaleString("en")} | ${r.slowest_ms} ms | ${r.growth_exponent} | ${r.seconds} |`,
    );
}
process.exit(failed ? 1 : 0);
