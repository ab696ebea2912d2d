// Sigma taking a graph in by parts (src/app/graph/takeInParts.ts) must leave it holding exactly
// what sigma's own refresh leaves: the same data, indices, label grid and program buffers, so the
// same picture and the same labels shown. Real sigma, in the browser: it needs WebGL.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, startServer, VIEWPORT, type Served } from "./harness";
import type * as fixture from "./takeInFixture";

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORT });
  // A blank page of the dev server's origin, so that the fixture's modules can be imported.
  await page.route(`${served.url}blank`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><body></body>" }),
  );
  await page.goto(`${served.url}blank`);
  // (Imported by the page: an import() written in the tests' functions would be Vitest's.)
  await page.addScriptTag({
    type: "module",
    content: `import * as f from "/test/browser/takeInFixture.ts"; window.takeIn = f;`,
  });
  await page.waitForFunction(() => "takeIn" in window, null, { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

type Fixture = typeof fixture;

describe("sigma taking a graph in by parts", () => {
  it("holds what sigma's own refresh holds, for a new graph, new positions, new settings and a smaller graph", async () => {
    const result = await page.evaluate(async () => {
      const f = (window as unknown as { takeIn: Fixture }).takeIn;
      const out: Record<string, unknown> = {};
      const a = f.makeRenderer(f.makeGraph(3000, 1));
      const b = f.makeRenderer(f.makeGraph(0, 0));
      let parts = 0;
      let renders = 0;
      let captorOff = true;
      b.on("afterRender", () => renders++);
      const onProgress = (done: number, total: number) => {
        parts++;
        captorOff &&= !b.getMouseCaptor().enabled && done < total;
      };
      out.before = f.differences(a, b).length > 0; // the comparison can tell them apart

      await f.changeInParts(b, () => b.setGraph(f.makeGraph(3000, 1)), { partMs: 1, onProgress });
      out.newGraph = {
        diffs: f.differences(a, b),
        parts,
        renders,
        captorOff,
        captorBack: b.getMouseCaptor().enabled,
      };

      // New positions: sigma takes them in through its graph's event; here, in parts.
      f.moveAll(a.getGraph(), 7);
      a.refresh();
      [parts, renders] = [0, 0];
      // A camera move part way is drawn at the end, not before.
      let moved = false;
      await f.changeInParts(b, () => f.moveAll(b.getGraph(), 7), {
        partMs: 1,
        onProgress: () => {
          parts++;
          if (!moved) b.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.7 });
          moved = true;
        },
      });
      const rendersMoving = renders;
      a.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.7 });
      a.refresh();
      out.positions = { diffs: f.differences(a, b), parts, renders: rendersMoving };

      // New settings asked for part way: everything is taken in again, with them.
      a.setSettings({ labelDensity: 0.3, labelGridCellSize: 60 });
      a.refresh();
      let asked = false;
      await f.changeInParts(b, () => f.moveAll(b.getGraph(), 7), {
        partMs: 1,
        onProgress: () => {
          if (!asked) b.setSettings({ labelDensity: 0.3, labelGridCellSize: 60 });
          asked = true;
        },
      });
      out.settings = f.differences(a, b);

      // A node dropped as the others move: nothing of it is kept.
      a.getGraph().dropNode("n5");
      f.moveAll(a.getGraph(), 8);
      a.refresh();
      await f.changeInParts(
        b,
        () => {
          b.getGraph().dropNode("n5");
          f.moveAll(b.getGraph(), 8);
        },
        { partMs: 1 },
      );
      out.dropped = { diffs: f.differences(a, b), has: b.getNodeDisplayData("n5") !== undefined };

      // New reducer inputs: everything through the reducers again.
      f.hide.every = 4;
      a.refresh();
      await f.changeInParts(b, () => {}, { partMs: 1, everything: true });
      out.reduced = f.differences(a, b);

      // A change told while another is under way joins it: both are drawn, once.
      f.moveAll(a.getGraph(), 11);
      f.moveAll(a.getGraph(), 12);
      a.refresh();
      renders = 0;
      let joined: Promise<void> | null = null;
      const first = f.changeInParts(b, () => f.moveAll(b.getGraph(), 11), {
        partMs: 1,
        onProgress: () => void (joined ??= f.changeInParts(b, () => f.moveAll(b.getGraph(), 12))),
      });
      await Promise.all([first, joined]);
      out.joined = { diffs: f.differences(a, b), renders, same: joined === first };

      // A change joining one that sets a new graph, itself setting another: the last is drawn.
      a.setGraph(f.makeGraph(1500, 22));
      let joinedGraph: Promise<void> | null = null;
      await f.changeInParts(b, () => b.setGraph(f.makeGraph(1200, 21)), {
        partMs: 1,
        onProgress: () => void (joinedGraph ??= f.changeInParts(b, () => b.setGraph(f.makeGraph(1500, 22)))),
      });
      await joinedGraph;
      out.joinedGraph = f.differences(a, b);
      // Its graph's events heard by sigma once, as sigma binds them: a node dropped outside is
      // taken in by sigma's own handler.
      out.listeners = (["nodeAdded", "nodeDropped", "eachNodeAttributesUpdated", "cleared"] as const).map(
        (e) => b.getGraph().listenerCount(e),
      );
      for (const r of [a, b]) r.getGraph().dropNode("n7");
      a.refresh();
      b.refresh();
      out.droppedOutside = f.differences(a, b);

      // A smaller graph after a larger: nothing of the larger is kept.
      a.setGraph(f.makeGraph(400, 3));
      await f.changeInParts(b, () => b.setGraph(f.makeGraph(400, 3)), { partMs: 1 });
      out.smaller = f.differences(a, b);
      out.orders = [a.getGraph().order, b.getGraph().order];
      return out;
    });
    expect(result.before).toBe(true);
    expect(result.newGraph).toEqual({
      diffs: [],
      parts: expect.any(Number),
      renders: 1,
      captorOff: true,
      captorBack: true,
    });
    expect((result.newGraph as { parts: number }).parts).toBeGreaterThan(5);
    expect(result.positions).toEqual({ diffs: [], parts: expect.any(Number), renders: 1 });
    expect(result.settings).toEqual([]);
    expect(result.dropped).toEqual({ diffs: [], has: false });
    expect(result.reduced).toEqual([]);
    expect(result.joined).toEqual({ diffs: [], renders: 1, same: true });
    expect(result.joinedGraph).toEqual([]);
    expect(result.listeners).toEqual([1, 1, 1, 1]);
    expect(result.droppedOutside).toEqual([]);
    expect(result.smaller).toEqual([]);
    expect(result.orders).toEqual([400, 400]);
  });

  it("when dropped part way, takes the whole graph in at its next drawing", async () => {
    const result = await page.evaluate(async () => {
      const f = (window as unknown as { takeIn: Fixture }).takeIn;
      const a = f.makeRenderer(f.makeGraph(2000, 5));
      const b = f.makeRenderer(f.makeGraph(0, 0));
      const drop = new AbortController();
      let seen = 0;
      const error = await f
        .changeInParts(b, () => b.setGraph(f.makeGraph(2000, 5)), {
          partMs: 1,
          signal: drop.signal,
          onProgress: () => {
            // A camera move while held, then dropped: the renderer must still draw again.
            if (++seen === 2) b.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.9 });
            if (seen === 3) drop.abort(new DOMException("dropped", "AbortError"));
          },
        })
        .then(
          () => "none",
          (err: Error) => err.name,
        );
      const partWay = f.differences(a, b).length > 0;
      // Its next frame takes everything in and draws it (nothing else asked for).
      a.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.9 });
      a.refresh();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const drawn = f.differences(a, b);
      // Dropped, and another change asked for in the same task: it starts anew, not joining the
      // work dropped, and is drawn.
      f.moveAll(a.getGraph(), 13);
      a.refresh();
      const again = new AbortController();
      let anew: Promise<string> | null = null;
      const first = await f
        .changeInParts(b, () => f.moveAll(b.getGraph(), 14), {
          partMs: 1,
          signal: again.signal,
          onProgress: () => {
            if (anew) return;
            again.abort(new DOMException("dropped", "AbortError"));
            anew = f
              .changeInParts(b, () => f.moveAll(b.getGraph(), 13), { partMs: 1 })
              .then(
                () => "drawn",
                (err: Error) => err.name,
              );
          },
        })
        .then(
          () => "none",
          (err: Error) => err.name,
        );
      const anewSettled = await anew;
      const restarted = { first, anew: anewSettled, diffs: f.differences(a, b) };
      // And the next change in parts after it starts from a whole graph.
      f.moveAll(a.getGraph(), 9);
      a.refresh();
      await f.changeInParts(b, () => f.moveAll(b.getGraph(), 9), { partMs: 1 });
      return {
        error,
        partWay,
        drawn,
        restarted,
        after: f.differences(a, b),
        enabled: [b.getMouseCaptor().enabled, b.getTouchCaptor().enabled],
      };
    });
    expect(result).toEqual({
      error: "AbortError",
      partWay: true,
      drawn: [],
      restarted: { first: "AbortError", anew: "drawn", diffs: [] },
      after: [],
      enabled: [true, true],
    });
  });
});
