// The network layout: ForceAtlas2 for as many rounds as the graph's size allows, run on a packed
// copy of the graph (here on the page's side: Node has no web worker, which is the fallback the
// explorer takes when none starts), stopped where it is or dropped.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { networkPlan } from "../../src/app/layout/network";
import { layOutNetwork, type NetworkPositions } from "../../src/app/layout/networkWorker";

/**
 * Two groups of texts that cite one another within their group, and one citation between the
 * groups, all starting on one line in an order that mixes the groups (as a timeline would).
 */
function twoGroups(size = 12) {
  const g = new MultiDirectedGraph<{ x: number; y: number }>();
  for (let i = 0; i < 2 * size; i++) g.addNode(`n${i}`, { x: i, y: 0 });
  // Even nodes are group A, odd ones group B.
  for (let i = 0; i < 2 * size; i++)
    for (let j = i + 2; j < 2 * size; j += 2) if ((i * 7 + j) % 3 !== 0) g.addEdge(`n${j}`, `n${i}`);
  g.addEdge("n1", "n0");
  return g;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const distance = (p: NetworkPositions, a: string, b: string) =>
  Math.hypot(p.get(a)!.x - p.get(b)!.x, p.get(a)!.y - p.get(b)!.y);

const breathe = () => Promise.resolve();

describe("the network layout", () => {
  it("gives a large graph fewer rounds than a small one, within bounds, and Barnes–Hut past 2,000 nodes", () => {
    const rounds = [10, 1_000, 12_000, 100_000, 1_000_000].map((n) => networkPlan(n).rounds);
    expect(rounds).toEqual([...rounds].sort((a, b) => b - a));
    expect(rounds[0]).toBe(500);
    expect(rounds[1]).toBe(300);
    expect(rounds[2]).toBeGreaterThan(100);
    expect(rounds[3]).toBeGreaterThanOrEqual(45);
    expect(rounds[4]).toBe(40);
    expect(networkPlan(2_000).settings.barnesHutOptimize).toBe(false);
    expect(networkPlan(2_001).settings.barnesHutOptimize).toBe(true);
  });

  it("draws texts that cite one another together, and the two groups apart, the same way every time", async () => {
    const g = twoGroups();
    const reports: number[] = [];
    const signal = new AbortController().signal;
    const made = (await layOutNetwork(g, {
      next: breathe,
      signal,
      onReport: ({ done }) => reports.push(done),
    }))!;
    const found = made.positions;
    expect([made.done, made.total]).toEqual([networkPlan(g.order).rounds, networkPlan(g.order).rounds]);
    expect(found.size).toBe(g.order);
    for (const { x, y } of found.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    // Every round is reported, to the last.
    expect(reports).toEqual(Array.from({ length: networkPlan(g.order).rounds }, (_, i) => i + 1));
    const nodes = g.nodes();
    const pairs = (same: boolean) =>
      nodes.flatMap((a, i) =>
        nodes
          .slice(i + 1)
          .filter((_, k) => ((i + k + 1) % 2 === i % 2) === same)
          .map((b) => distance(found, a, b)),
      );
    // On the line, a node's group mates were as far from it as the others were.
    expect(mean(pairs(true))).toBeLessThan(0.6 * mean(pairs(false)));
    const again = (await layOutNetwork(twoGroups(), { next: breathe, signal }))!;
    expect([...again.positions]).toEqual([...found]);
  });

  it("stops where it has got when asked, goes on from there, and gives nothing once dropped", async () => {
    const stop = new AbortController();
    const reports: number[] = [];
    const stopped = await layOutNetwork(twoGroups(), {
      next: breathe,
      signal: new AbortController().signal,
      stop: stop.signal,
      onReport: ({ done }) => {
        reports.push(done);
        if (done === 3) stop.abort();
      },
    });
    expect(reports).toEqual([1, 2, 3]);
    expect(stopped!.done).toBe(3);
    // The positions after three rounds: not the start, not the end.
    const start = twoGroups();
    expect(stopped!.positions.get("n5")).not.toEqual({ x: start.getNodeAttribute("n5", "x"), y: 0 });
    const whole = (await layOutNetwork(twoGroups(), {
      next: breathe,
      signal: new AbortController().signal,
    }))!;
    expect(stopped!.positions.get("n5")).not.toEqual(whole.positions.get("n5"));

    // Gone on with, it counts on from round 3, starting where it stopped, and groups the texts.
    const onReports: number[] = [];
    let first: NetworkPositions | null = null;
    const goneOn = (await layOutNetwork(twoGroups(), {
      next: breathe,
      signal: new AbortController().signal,
      from: stopped!,
      onReport: ({ done }, at) => {
        onReports.push(done);
        first ??= at();
      },
    }))!;
    const rounds = networkPlan(twoGroups().order).rounds;
    expect(onReports).toEqual(Array.from({ length: rounds - 3 }, (_, i) => i + 4));
    expect([goneOn.done, goneOn.total]).toEqual([rounds, rounds]);
    // It goes on as if it had never stopped: where the run straight through ends, node for node.
    expect([...goneOn.positions]).toEqual([...whole.positions]);
    // Not so without where the nodes were going: ForceAtlas2 starts its speeds afresh.
    const still = { ...stopped!, motion: undefined };
    const afresh = (await layOutNetwork(twoGroups(), {
      next: breathe,
      signal: new AbortController().signal,
      from: still,
    }))!;
    expect([...afresh.positions]).not.toEqual([...whole.positions]);
    // One round on from where it stopped is nearer to it than to where a new run's first round is.
    const fromStopped = distance2(first!, stopped!.positions);
    let firstFresh: NetworkPositions | null = null;
    const fresh = (await layOutNetwork(twoGroups(), {
      next: breathe,
      signal: new AbortController().signal,
      onReport: (_, at) => {
        if (!firstFresh) firstFresh = at();
      },
    }))!;
    expect(fresh.done).toBe(rounds);
    expect(fromStopped).toBeLessThan(distance2(first!, firstFresh!));

    const drop = new AbortController();
    const dropped = await layOutNetwork(twoGroups(), {
      next: breathe,
      signal: drop.signal,
      onReport: ({ done }) => {
        if (done === 2) drop.abort();
      },
    });
    expect(dropped).toBeNull();
  });
});

/** The sum of squared distances between two layouts of the same nodes. */
function distance2(a: NetworkPositions, b: NetworkPositions): number {
  let sum = 0;
  for (const [key, p] of a) {
    const q = b.get(key)!;
    sum += (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
  }
  return sum;
}
