// A layer lit at once or in parts: what is lit in parts reaches the canvas only if nothing newer
// came meanwhile, and the canvas hears when it is busy.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { Lit, LitSteps } from "../../src/app/graph/lit";
import { layerLighting } from "../../src/app/graph/litParts";

/** Steps that take `ms` each, `count` of them, to a lit graph of one node named `name`. */
function* slow(name: string, count: number, ms: number, walked: string[] = []): LitSteps {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    walked.push(`${name}${i}`);
    yield;
  }
  const lit: Lit = new MultiDirectedGraph();
  lit.addNode(name, { x: 0, y: 0, size: 1, color: "#000", label: name, kind: "resolution", type: "circle" });
  return lit;
}

const settled = () => new Promise((done) => setTimeout(done, 300));

describe("a layer lit in parts", () => {
  it("lights at once what it is told to, before returning", () => {
    const shown: (string | null)[] = [];
    const busy: boolean[] = [];
    layerLighting((on) => busy.push(on)).light(slow("A", 3, 0), true, (lit) =>
      shown.push(lit?.nodes()[0] ?? null),
    );
    expect(shown).toEqual(["A"]);
    expect(busy).toEqual([]);
  });

  it("lights in parts, letting the page go on between them, and is busy until it shows", async () => {
    const shown: string[] = [];
    const busy: boolean[] = [];
    const walked: string[] = [];
    // Ten steps of 15 ms: more than one part (PART_MS) holds.
    layerLighting((on) => busy.push(on)).light(slow("A", 10, 15, walked), false, (lit) =>
      shown.push(lit!.nodes()[0]!),
    );
    expect(busy).toEqual([true]);
    expect(shown).toEqual([]); // not before the page has had the thread
    const between: number[] = [];
    setTimeout(() => between.push(walked.length), 0); // the page's own work, between two parts
    await settled();
    expect(shown).toEqual(["A"]);
    expect(busy).toEqual([true, false]);
    expect(walked).toHaveLength(10);
    expect(between[0]).toBeGreaterThan(0);
    expect(between[0]).toBeLessThan(10);
  });

  it("drops what it is lighting when something newer is lit, or when told to: only the newest shows", async () => {
    const shown: string[] = [];
    const busy: boolean[] = [];
    const layer = layerLighting((on) => busy.push(on));
    const walked: string[] = [];
    layer.light(slow("old", 20, 15, walked), false, (lit) => shown.push(lit!.nodes()[0]!));
    await new Promise((done) => setTimeout(done, 0));
    layer.light(slow("new", 3, 15), false, (lit) => shown.push(lit!.nodes()[0]!));
    await settled();
    expect(shown).toEqual(["new"]);
    expect(walked.length).toBeLessThan(20); // the old work stopped, not merely hidden
    expect(busy).toEqual([true, false, true, false]);

    // Dropped before its end (the pointer left the node): nothing shows, and the canvas is idle.
    layer.light(slow("left", 20, 15), false, (lit) => shown.push(lit!.nodes()[0]!));
    layer.cancel();
    await settled();
    expect(shown).toEqual(["new"]);
    expect(busy.at(-1)).toBe(false);
    // Lit at once, it drops what was being lit in parts too.
    layer.light(slow("slow", 20, 15), false, (lit) => shown.push(lit!.nodes()[0]!));
    layer.light(slow("now", 1, 0), true, (lit) => shown.push(lit!.nodes()[0]!));
    await settled();
    expect(shown).toEqual(["new", "now"]);
    expect(busy.at(-1)).toBe(false);
  });

  it("says what went wrong in lighting in parts, and is not left busy", async () => {
    const busy: boolean[] = [];
    const errors: unknown[] = [];
    const shown: unknown[] = [];
    function* broken(): LitSteps {
      const until = performance.now() + 60;
      while (performance.now() < until);
      yield;
      throw new Error("a node with no attributes");
    }
    layerLighting(
      (on) => busy.push(on),
      (err) => errors.push(err),
    ).light(broken(), false, (lit) => shown.push(lit));
    await settled();
    expect(errors).toEqual([new Error("a node with no attributes")]);
    expect(busy).toEqual([true, false]);
    expect(shown).toEqual([]);
  });
});
