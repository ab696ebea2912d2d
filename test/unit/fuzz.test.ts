// A few hundred inputs for each parser of outside data (test/fuzz/targets.ts): each parses or
// says what is wrong with its file and line, and throws nothing. `npm run fuzz` runs many more.
import fc from "fast-check";
import { describe, it } from "vitest";
import { TARGETS } from "../fuzz/targets";

const RUNS: Record<string, number> = { build: 40 };

describe("fuzz, a small run", () => {
  for (const target of TARGETS)
    it(`${target.name}: ${target.inputs}`, () => {
      fc.assert(
        fc.property(target.arbitrary, (input) => target.check(input)),
        { numRuns: RUNS[target.name] ?? 300 },
      );
    });
});
