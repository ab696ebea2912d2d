import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PNG } from "pngjs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KIND_COLORS } from "../../src/app/theme";
import {
  buildGraph,
  launchBrowser,
  readBuiltGraph,
  ROOT,
  startServer,
  VIEWPORT,
  type Served,
} from "./harness";

const RENDER_TIMEOUT = 60_000;
/** Per-channel tolerance when matching screenshot pixels to theme colours. */
const TOLERANCE = 6;

let served: Served;
let browser: Browser;
let page: Page;
/** Uncaught exceptions and console errors of the current page. */
let pageErrors: string[];
let consoleErrors: string[];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How many pixels of a PNG are, within TOLERANCE, one of `colors`. */
function countPixels(png: Buffer, colors: readonly string[]): number {
  const image = PNG.sync.read(png);
  const targets = colors.map(hexToRgb);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    if (
      targets.some(
        ([tr, tg, tb]) =>
          Math.abs(r - tr) <= TOLERANCE && Math.abs(g - tg) <= TOLERANCE && Math.abs(b - tb) <= TOLERANCE,
      )
    )
      count++;
  }
  return count;
}

beforeAll(async () => {
  await buildGraph();
  served = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

beforeEach(async () => {
  pageErrors = [];
  consoleErrors = [];
  page = await browser.newPage({ viewport: VIEWPORT });
  page.on("pageerror", (err) => pageErrors.push(err.message));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === "fail") {
    const dir = resolve(ROOT, "test-results");
    mkdirSync(dir, { recursive: true });
    await page
      .screenshot({ path: resolve(dir, `${ctx.task.name.replace(/[^\w.-]+/g, "-")}.png`) })
      .catch(() => undefined);
  }
  await page.close();
});

describe("the explorer", () => {
  it("loads the seed graph with no console error and the canvas draws the nodes", async () => {
    const graph = readBuiltGraph();
    const kinds = [...new Set(graph.nodes.map((n) => n.attributes?.kind))].filter((k) => k !== undefined);
    expect(graph.nodes.length).toBeGreaterThan(0);

    await page.goto(served.url);
    const canvas = page.getByTestId("graph-canvas");
    await page
      .locator('[data-testid="graph-canvas"][data-rendered="true"]')
      .waitFor({ timeout: RENDER_TIMEOUT });

    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(Number(await canvas.getAttribute("data-nodes"))).toBe(graph.nodes.length);
    expect(Number(await canvas.getAttribute("data-edges"))).toBe(graph.edges.length);
    // StrictMode mounts effects twice in dev: exactly one sigma instance must be left drawing.
    expect(await canvas.locator("canvas.sigma-nodes").count()).toBe(1);
    await expect(page.locator("header").textContent()).resolves.toContain(
      `${graph.nodes.length} nodes · ${graph.edges.length} edges`,
    );

    const legend = page.getByRole("complementary", { name: "Legend" });
    const listed = await legend
      .getByRole("list", { name: "Node kinds" })
      .locator(".legend-name")
      .allTextContents();
    expect(listed.sort()).toEqual([...kinds].sort());

    const shot = await canvas.screenshot();
    const nodePixels = countPixels(shot, Object.values(KIND_COLORS));
    expect(nodePixels, "pixels in node colours").toBeGreaterThan(200);
  });

  it("shows an error alert, and throws nothing, when graph.json cannot be loaded", async () => {
    await page.route("**/graph.json", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(served.url);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: RENDER_TIMEOUT });

    await expect(alert.textContent()).resolves.toMatch(/could not be loaded.*404/s);
    expect(await page.getByTestId("graph-canvas").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
