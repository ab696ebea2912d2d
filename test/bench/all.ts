// `npm run bench`: every benchmark in turn, each in a process of its own (so that one's memory and
// garbage do not slow the next), with the same options: `-- --mb 2 --nodes 20000` for a quicker
// run; `-- --tiny` for the smallest run that proves they work, as npm test does; `-- --json` for
// one JSON object — the scale and load figures at its top level, then each benchmark's own.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const json = args.includes("--json");
const BENCHES: { file: string; key: string | null }[] = [
  { file: "scale", key: null },
  { file: "load", key: null },
  { file: "extract", key: "extraction" },
  { file: "query", key: "queries" },
  { file: "export", key: "export" },
  { file: "import", key: "import" },
];

const gathered: Record<string, unknown> = {};
for (const [i, { file, key }] of BENCHES.entries()) {
  if (i && !json) console.log("");
  const run = spawnSync(process.execPath, ["--import", "tsx", `test/bench/${file}.ts`, ...args], {
    cwd: ROOT,
    stdio: ["ignore", json ? "pipe" : "inherit", "inherit"],
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) {
    console.error(`test/bench/${file}.ts failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
  if (!json) continue;
  const value = JSON.parse(run.stdout) as Record<string, unknown>;
  if (key) gathered[key] = value;
  else Object.assign(gathered, value);
}
if (json) console.log(JSON.stringify(gathered, null, 2));
