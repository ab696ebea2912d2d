// Runs `recital build` as the CLI does, in a process of its own, and writes how long it took and the
// peak memory it used (resident set, from the process's own resource usage) to BENCH_REPORT.
// `test/bench/scale.ts` spawns it: the build's memory is measured apart from the benchmark's.
import { writeFileSync } from "node:fs";

const report = process.env.BENCH_REPORT;
const t0 = performance.now();
process.on("exit", (code) => {
  if (!report) return;
  writeFileSync(
    report,
    JSON.stringify({
      code,
      seconds: (performance.now() - t0) / 1000,
      peakMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
});
await import("../../src/cli/main");
