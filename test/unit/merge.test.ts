// Texts extracted in the explorer are merged into the graph explored in parts (src/app/data/merge.ts):
// the result must be what graphology's own import with merge gives, done at once.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { CanonicalGraph } from "../../src/build/graphFile";
import { mergeInSteps } from "../../src/app/data/merge";
import { arbGraph } from "./arbitraries";

const run = <T>(steps: Generator<unknown, T, void>): { value: T; yields: number } => {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
};

describe("mergeInSteps", () => {
  it("gives what importing the added graph with merge gives, and leaves the old graph as it was", () => {
    fc.assert(
      fc.property(arbGraph, arbGraph, (a, b) => {
        const old = a as unknown as CanonicalGraph;
        old.replaceAttributes({ name: "old", sources: ["x.txt"] });
        const before = JSON.stringify(old.export());
        const added = b.export();
        added.attributes = { sources: ["x.txt", "y.txt"] };
        const { value } = run(mergeInSteps(old, added as never));
        expect(JSON.stringify(old.export())).toBe(before);
        const expected: CanonicalGraph = new MultiDirectedGraph();
        expected.import(old.export());
        expected.import(added as never, true);
        expect(value.export()).toEqual(expected.export());
      }),
      { numRuns: 200 },
    );
  });

  it("yields every 2,000 items, so that the page runs it in parts", () => {
    const g: CanonicalGraph = new MultiDirectedGraph();
    for (let i = 0; i < 5_000; i++)
      g.addNode(`N${i}`, { kind: "resolution", label: `N${i}`, aliases: [], origin: "source" });
    const { value, yields } = run(mergeInSteps(g, { nodes: [], edges: [] } as never));
    expect(value.order).toBe(5_000);
    expect(yields).toBe(2);
  });
});
