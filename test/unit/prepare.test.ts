// Questions prepared ahead, in parts (src/query/prepare.ts): the same answers as when
// everything is built at once, work cut into parts small enough to run between frames, and a graph
// that changes half-way prepared as it is at the end.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finish, PART } from "../../src/query/memo";
import { isPrepared, prepareQueries, type Preparing } from "../../src/query/prepare";
import { runQuery } from "../../src/query/run";
import { nodeSearchOf } from "../../src/query/search";
import { exampleQueries } from "../../src/query/examples";
import { generateGraph } from "../bench/corpus";
import { arbGraph } from "./arbitraries";

const QUESTIONS = (last: string) => [
  `what led to ${last}`,
  "what followed from R3",
  `path from R2 to ${last}`,
  `how is R5 connected to ${last}`,
  "what cites R1",
  "Resolution 7",
  "resolutoin 7",
];

/** A resolution of 2100 that recalls R2999, added to a graph being prepared. */
function addLater(g: ReturnType<typeof generateGraph>, id: string, label: string): void {
  g.addNode(id, { kind: "resolution", label, aliases: [], origin: "source", date: "2100" });
  g.addDirectedEdgeWithKey(`${id}|recalls|R2999`, id, "R2999", {
    relation: "recalls",
    clause: "RECALLING",
    quote: "RECALLING R2999",
    source: "generated",
    method: "curated",
    confidence: 1,
    occurrences: 1,
  });
}

const share = ({ done, share, total }: Preparing) => (done + share) / total;

describe("preparing questions ahead", () => {
  it("answers every question as the graph built at once does", () => {
    const [prepared, atOnce] = [generateGraph(600), generateGraph(600)];
    expect(isPrepared(prepared)).toBe(false);
    finish(prepareQueries(prepared));
    expect(isPrepared(prepared)).toBe(true);
    for (const q of QUESTIONS("R599")) {
      const [a, b] = [runQuery(prepared, q), runQuery(atOnce, q)];
      expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    }
    expect(nodeSearchOf(prepared).search("resolution 42")).toEqual(
      nodeSearchOf(atOnce).search("resolution 42"),
    );
    expect(exampleQueries(prepared, "fr")).toEqual(exampleQueries(atOnce, "fr"));
  });

  it("on generated graphs too, whatever their kinds, dates and relations", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        const copy = g.copy();
        finish(prepareQueries(g));
        for (const x of g.nodes().slice(0, 4))
          for (const q of [`what led to ${x}`, `what followed from ${x}`, `how is ${x} connected to N0`])
            expect(JSON.stringify(runQuery(g, q))).toBe(JSON.stringify(runQuery(copy, q)));
      }),
      { numRuns: 60 },
    );
  });

  it("cuts the work into parts of a few thousand nodes or edges, and says how far it has got", () => {
    const g = generateGraph(5_000);
    const steps = [...prepareQueries(g)];
    // Every index walks the nodes or the edges (25,000 here) at least once, a part at a time.
    expect(steps.length).toBeGreaterThan((6 * g.order) / PART);
    const shares = steps.map(share);
    expect(shares[0]).toBe(0);
    for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThanOrEqual(shares[k - 1]!);
    expect(shares.at(-1)).toBeGreaterThan(0.9);
    expect(new Set(steps.map((s) => s.done)).size).toBe(steps[0]!.total);
  });

  it("a graph that changes while it is prepared is prepared as it is at the end", () => {
    const g = generateGraph(3_000);
    const steps = prepareQueries(g);
    for (let k = 0; k < 10; k++) steps.next();
    addLater(g, "LATE", "Zanzibar resolution");
    finish(steps);
    expect(isPrepared(g)).toBe(true);
    expect(nodeSearchOf(g).search("zanzibar")[0]?.id).toBe("LATE");
    expect(runQuery(g, "what followed from R2999").nodes.map((n) => n.id)).toContain("LATE");
  });

  it("a graph that changes between an index's walk of its nodes and of its edges does not stop it", () => {
    const g = generateGraph(3_000);
    const steps = prepareQueries(g);
    // The connection graph (the fifth index): part-way through its edges.
    let step = steps.next();
    while (!step.done && !(step.value.done === 4 && step.value.share > 0.2)) step = steps.next();
    expect(step.done).toBe(false);
    addLater(g, "NEW", "New resolution");
    expect(() => finish(steps)).not.toThrow();
    expect(isPrepared(g)).toBe(true);
    expect(runQuery(g, "path from R2999 to NEW").nodes.map((n) => n.id)).toEqual(["R2999", "NEW"]);
  });

  it("prepares nothing twice: a graph prepared, or with a question answered, goes on from there", () => {
    const g = generateGraph(2_000);
    runQuery(g, "what led to R1999"); // builds names and history at once
    const partial = [...prepareQueries(g)].length;
    expect([...prepareQueries(g)].length).toBeLessThan(partial);
    expect([...prepareQueries(g)].every((s) => s.share === 0)).toBe(true);
  });
});
