// Page load → first render (the first frame with the graph, on screen) of the explorer on the
// generated corpus's graph, against bare sigma drawing the same graph.json in the same browser
// (test/bench/bare: fetch, parse, a grid, sigma — the limit the explorer should approach). Both are
// production builds served from one folder. Also the JavaScript heap once drawn (after a
// collection), the longest task that blocked the page while loading, and the longest besides the
// ones holding sigma's first drawing and the making of a sigma, which no page can split.
// `npm run bench` runs it; alone: `npx tsx test/bench/load.ts [--sizes 10000,100000] [--json] [--tiny]`.
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { buildApp, launchBrowser, serveStatic } from "../browser/harness";
import { buildCorpus } from "./corpus";

const ROOT = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  strict: false,
  options: {
    sizes: { type: "string" },
    json: { type: "boolean", default: false },
    tiny: { type: "boolean", default: false },
  },
});
const tiny = values.tiny === true;
const SIZES = String(values.sizes ?? (tiny ? "300" : "10000,100000"))
  .split(",")
  .map(Number);
const log = (line: string) => {
  if (!values.json) console.log(line);
};
/** The text every generated text cites ("le Statut d'INTERPOL", from the shipped registry). */
const HUB = "INTERPOL-CONSTITUTION";
/** A 100k graph takes minutes in a software renderer: generous, so that slowness is measured, not cut. */
const TIMEOUT = 15 * 60_000;
/** Between two keys typed in the search box, ms: a quick typist. */
const TYPING_MS = 120;

interface Measure {
  firstRenderMs: number;
  /** When the graph was read, and when its scene was made (the explorer's marks; 0 without them). */
  readMs: number;
  sceneMs: number;
  /** From the end of sigma's drawing to the first render: the software renderer rasterising it. */
  frameMs: number;
  heapMb: number;
  longestTaskMs: number;
  longestOtherTaskMs: number;
  sigmaDrawMs: number;
  /** The longest of the sigmas made (0 for bare sigma, whose making is in its drawing). */
  sigmaMadeMs: number;
}

/** What using the explorer after it has drawn costs: each step's time and longest task. */
interface Use {
  /** Search and questions prepared in the background, from the first render. */
  prepareMs: number;
  prepareLongestTaskMs: number;
  /** The search box's index made (in a worker), from the first render. */
  searchIndexedMs: number;
  /** The page's heap once questions are prepared and the search indexed, after a collection. */
  preparedHeapMb: number;
  /** A name typed in the search box, until its hits are listed. */
  searchMs: number;
  searchLongestTaskMs: number;
  /** The same typed a key at a time (TYPING_MS apart): from the last key until its hits are listed, and the longest task from the first key. */
  searchTypedMs: number;
  searchTypedLongestTaskMs: number;
  /** A question asked (the first example the explorer offers), until it is answered. */
  askMs: number;
  askLongestTaskMs: number;
  /** Of which sigma's refresh of the whole graph (none, since the lit layer: the filters alone ask for one). */
  askSigmaMs: number;
  /** Of which the lit layer's drawing of the answer (litLayer.ts). */
  askLightMs: number;
  askAnswer: string;
  /** The mouse moved onto a node, until its neighbourhood is lit and drawn. */
  hoverMs: number;
  hoverLongestTaskMs: number;
  hoverLightMs: number;
  /** The node hovered, and what was lit: "nodes,edges". */
  hovered: string;
  hoverLit: string;
  /**
   * What cites the text every generated text cites (INTERPOL's Constitution), until its citers are
   * lit and drawn: an answer as long as the graph, lit in parts (litParts.ts).
   */
  hubAskMs: number;
  hubAskLongestTaskMs: number;
  /** From the question to the answer lit: its parts and the page's work between them. */
  hubLightMs: number;
  hubLit: string;
  /**
   * The Network layout asked for, until it is drawn: its rounds in a worker (the timeline usable
   * meanwhile), then the new positions taken in by sigma and drawn.
   */
  networkMs: number;
  /** From the click to the network made: the packing in parts, and the page's work meanwhile. */
  networkMadeMs: number;
  networkRoundsLongestTaskMs: number;
  /** The network made, until drawn: sigma's processing of the new positions, then its frame. */
  networkShownLongestTaskMs: number;
  networkRounds: string;
}

/** Opens `url`, waits for `mark`, and reads its time, the heap, and the longest task; then uses it (`use`). */
async function measure(
  browser: Browser,
  url: string,
  mark: string,
  use?: (page: Page) => Promise<Use>,
): Promise<Measure & Partial<Use>> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: [number, number][] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, {
      timeout: TIMEOUT,
      polling: 250,
    });
    if (errors.length) throw new Error(`${url}: ${errors.join("; ")}`);
    const firstRenderMs = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
    await page.waitForTimeout(300);
    // What the page keeps once drawn: the heap after a collection (the text of graph.json, parsed
    // and dropped, is not counted).
    // The collection asked for here is a long task of the benchmark's, not the page's: left out.
    const [heap, gcFrom, gcTo] = await collectedHeap(page);
    const { longTasks, draw, made, readMs, sceneMs } = await page.evaluate(
      ([m, ...gc]) => {
        const measure = performance.getEntriesByName(m.replace("first-render", "sigma-draw"))[0];
        // (No named function in here: the bundler would wrap it in a helper the page does not have.)
        const [read, scene] = ["recital:graph-read", "recital:scene"].map(
          (name) => performance.getEntriesByName(name)[0]?.startTime ?? 0,
        );
        return {
          longTasks: (window as unknown as { longTasks: [number, number][] }).longTasks.filter(
            ([start, duration]) => start + duration <= gc[0]! || start >= gc[1]!,
          ),
          draw: measure ? [measure.startTime, measure.duration] : null,
          // Sigmas made (the explorer's: the graph's and its lit layers'; bare sigma's is in its drawing).
          made: performance
            .getEntriesByName("recital:sigma-made")
            .map((e): [number, number] => [e.startTime, e.duration]),
          readMs: read!,
          sceneMs: scene!,
        };
      },
      [mark, gcFrom, gcTo] as [string, number, number],
    );
    // Sigma's first drawing is one task that no page can split: the longest task besides the one
    // that holds it is what the page itself blocks for.
    // (Long tasks are timed to the millisecond or so: a few of slack.)
    // Sigma's first drawing is one task that no page can split, and the frame that shows it is
    // committed in the next one (the software renderer rasterises meanwhile): the longest task
    // outside that span, from the drawing to the first render, is what the page itself blocks for.
    // So is making a sigma (its WebGL contexts, shaders and canvases): the explorer makes its
    // graph's and its lit layers' each in a task of its own; bare sigma's is in its drawing.
    const overlaps = ([start, duration]: [number, number], [from, length]: [number, number]) =>
      start + duration > from && start < from + length;
    const isSigma = (task: [number, number]) =>
      (!!draw && task[0] + task[1] > draw[0]! && task[0] < firstRenderMs) ||
      made.some((span) => overlaps(task, span));
    const used = use ? await use(page) : {};
    return {
      ...used,
      firstRenderMs,
      readMs,
      sceneMs,
      frameMs: draw ? firstRenderMs - draw[0]! - draw[1]! : 0,
      heapMb: heap / 1e6,
      longestTaskMs: Math.max(0, ...longTasks.map(([, d]) => d)),
      longestOtherTaskMs: Math.max(0, ...longTasks.filter((t) => !isSigma(t)).map(([, d]) => d)),
      sigmaDrawMs: draw?.[1] ?? 0,
      sigmaMadeMs: Math.max(0, ...made.map(([, d]) => d)),
    };
  } finally {
    await page.close();
  }
}

/** The total time of the page's `name` measures (the explorer's) that started between two of its times. */
const measured = (page: Page, name: string, from: number, to: number): Promise<number> =>
  page.evaluate(
    ([n, a, b]) =>
      performance
        .getEntriesByName(n as string)
        .filter((m) => m.startTime >= (a as number) && m.startTime < (b as number))
        .reduce((sum, m) => sum + m.duration, 0),
    [name, from, to] as const,
  );

/** Two frames on: what the page drew is on screen. */
const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );

/** The longest task the page ran between two of its times. */
const longestBetween = (page: Page, from: number, to: number): Promise<number> =>
  page.evaluate(
    ([a, b]) =>
      Math.max(
        0,
        ...(window as unknown as { longTasks: [number, number][] }).longTasks
          .filter(([start, duration]) => start + duration > a! && start < b!)
          // (not the collection the benchmark asked for)
          .filter(([start, duration]) =>
            ((window as unknown as { benchGcs?: number[][] }).benchGcs ?? []).every(
              (gc) => start + duration <= gc[0]! || start >= gc[1]!,
            ),
          )
          .map(([, duration]) => duration),
      ),
    [from, to],
  );

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The page's JavaScript heap (bytes) after a collection, and when the collection ran. */
async function collectedHeap(page: Page): Promise<[heap: number, from: number, to: number]> {
  const cdp = await page.context().newCDPSession(page);
  const from = await now(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const to = await now(page);
  await page.evaluate(
    (gc) => {
      const w = window as unknown as { benchGcs?: number[][] };
      (w.benchGcs ??= []).push(gc);
    },
    [from, to],
  );
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  return [metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0, from, to];
}

/**
 * The explorer in use, once drawn: the preparation of search and questions runs to its end, then a
 * question is asked and the node it is about searched for, as a user would, each timed with its
 * longest task.
 */
async function useExplorer(page: Page): Promise<Use> {
  const drawn = await page.evaluate(() => performance.getEntriesByName("recital:first-render")[0]!.startTime);
  await page.waitForFunction(() => performance.getEntriesByName("recital:prepared").length > 0, null, {
    timeout: TIMEOUT,
    polling: 250,
  });
  const prepared = await page.evaluate(() => performance.getEntriesByName("recital:prepared")[0]!.startTime);
  const prepareLongestTaskMs = await longestBetween(page, drawn, prepared);
  // The search box's index, made in a worker meanwhile.
  await page.waitForFunction(() => performance.getEntriesByName("recital:search-indexed").length > 0, null, {
    timeout: TIMEOUT,
    polling: 250,
  });
  const searchIndexedMs =
    (await page.evaluate(() => performance.getEntriesByName("recital:search-indexed")[0]!.startTime)) - drawn;
  // What the page keeps once questions are prepared (the search's index is the worker's).
  const [preparedHeap] = await collectedHeap(page);
  await page.waitForTimeout(300);

  // A question the explorer does not know lists examples drawn from the graph: the first is asked.
  const bar = page.getByRole("textbox", { name: "Query" });
  await bar.fill("tell me about this corpus");
  await bar.press("Enter");
  const example = page.locator(".results-examples button").first();
  await example.waitFor({ timeout: TIMEOUT });
  const askAnswer = (await example.textContent()) ?? "";
  await page.waitForTimeout(300);
  let start = await now(page);
  await example.click({ timeout: TIMEOUT });
  await page.getByRole("list", { name: "Results" }).waitFor({ timeout: TIMEOUT });
  // Answered once the page has drawn the answer: two frames after it is listed.
  await twoFrames(page);
  let end = await now(page);
  const ask = {
    askMs: end - start,
    askLongestTaskMs: await longestBetween(page, start, end),
    askSigmaMs: await measured(page, "recital:sigma-refresh", start, end),
    askLightMs: await measured(page, "recital:light", start, end),
    askAnswer,
  };
  await page.waitForTimeout(300);

  // Then the node the question was about is searched for by its id.
  start = await now(page);
  await page.getByRole("searchbox", { name: "Search" }).fill(askAnswer.split(" ").at(-1)!);
  await page.locator(".search-results [role=option]").first().waitFor({ timeout: TIMEOUT });
  end = await now(page);
  const searched = { searchMs: end - start, searchLongestTaskMs: await longestBetween(page, start, end) };
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await page.waitForTimeout(300);
  // And typed as a user types it, each prefix a search of its own ("I", "IN", …).
  const id = askAnswer.split(" ").at(-1)!;
  start = await now(page);
  await page.getByRole("searchbox", { name: "Search" }).pressSequentially(id, { delay: TYPING_MS });
  const typed = await now(page);
  await page
    .locator('.search-results[aria-busy="false"] [role=option]')
    .filter({ hasText: id })
    .first()
    .waitFor({ timeout: TIMEOUT });
  end = await now(page);
  const search = {
    ...searched,
    searchTypedMs: end - typed,
    searchTypedLongestTaskMs: await longestBetween(page, start, end),
  };
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await page.waitForTimeout(300);

  // Then a node under the mouse: the pointer goes over the canvas right of the results, row by
  // row from the middle out (the top lanes hold the organisations and constitutions that every
  // text cites), until one is hovered (the canvas says which), and its neighbourhood is lit and
  // drawn.
  const canvas = page.getByTestId("graph-canvas");
  const box = (await canvas.boundingBox())!;
  const panel = (await page.locator(".results-panel").boundingBox())?.width ?? 0;
  const rows = [8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15, 0];
  const spots = rows.flatMap((row) =>
    Array.from({ length: 30 }, (_, i) => ({
      x: box.x + panel + ((box.width - panel) * (i + 0.5)) / 30,
      y: box.y + (box.height * (row + 0.5)) / 16,
    })),
  );
  let hover = { hoverMs: NaN, hoverLongestTaskMs: NaN, hoverLightMs: NaN, hovered: "", hoverLit: "" };
  for (const spot of spots) {
    if (!Number.isNaN(hover.hoverMs)) break;
    start = await now(page);
    await page.mouse.move(spot.x, spot.y, { steps: 1 });
    if (!(await canvas.getAttribute("data-hovered"))) continue;
    await twoFrames(page);
    end = await now(page);
    hover = {
      hoverMs: end - start,
      hoverLongestTaskMs: await longestBetween(page, start, end),
      hoverLightMs: await measured(page, "recital:light", start, end),
      hovered: (await canvas.getAttribute("data-hovered")) ?? "",
      hoverLit: (await canvas.getAttribute("data-lit-hover")) ?? "",
    };
  }
  // Then what cites the text every text cites: the pointer off the canvas, the answer lit in parts.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  start = await now(page);
  await bar.fill(`what cites ${HUB}`);
  await bar.press("Enter", { timeout: TIMEOUT });
  await page.locator(".results-label").first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(
    () => {
      const canvas = document.querySelector('[data-testid="graph-canvas"]');
      return !!canvas?.getAttribute("data-lit-focus") && !canvas.hasAttribute("data-lighting");
    },
    null,
    { timeout: TIMEOUT, polling: 100 },
  );
  await twoFrames(page);
  end = await now(page);
  const hub = {
    hubAskMs: end - start,
    hubAskLongestTaskMs: await longestBetween(page, start, end),
    hubLightMs: await measured(page, "recital:light", start, end),
    hubLit: (await canvas.getAttribute("data-lit-focus")) ?? "",
  };
  // Last, the Network layout (the lit answer stays lit): made whole in a worker, then drawn. The
  // page idle first (no long task for a second): the answer's frames are not the layout's.
  await page.waitForFunction(
    () => {
      const tasks = (window as unknown as { longTasks: [number, number][] }).longTasks;
      const [start, duration] = tasks.at(-1) ?? [0, 0];
      return performance.now() - (start + duration) > 1000;
    },
    null,
    { timeout: TIMEOUT, polling: 250 },
  );
  start = await now(page);
  await page
    .getByRole("group", { name: "Layout" })
    .getByRole("button", { name: "Network" })
    .click({ timeout: TIMEOUT });
  await page
    .locator('[data-testid="graph-canvas"][data-layout="force"][data-layout-running="false"]')
    .waitFor({ timeout: TIMEOUT });
  await twoFrames(page);
  end = await now(page);
  const made = await page.evaluate(
    () => performance.getEntriesByName("recital:network-made").at(-1)!.startTime,
  );
  const network = {
    networkMs: end - start,
    networkMadeMs: made - start,
    networkRoundsLongestTaskMs: await longestBetween(page, start, made),
    networkShownLongestTaskMs: await longestBetween(page, made, end),
    networkRounds: (await canvas.getAttribute("data-layout-rounds")) ?? "",
  };
  return {
    ...hover,
    ...hub,
    ...network,
    prepareMs: Math.max(0, prepared - drawn), // 0: prepared at once, before the first render
    prepareLongestTaskMs,
    searchIndexedMs: Math.max(0, searchIndexedMs),
    preparedHeapMb: preparedHeap / 1e6,
    ...search,
    ...ask,
  };
}

const dist = mkdtempSync(join(tmpdir(), "recital-load-"));
await buildApp(dist);
await build({
  root: join(ROOT, "test/bench/bare"),
  configFile: false,
  logLevel: "error",
  base: "./",
  build: { outDir: join(dist, "bare"), emptyOutDir: true, target: "es2022" },
});
const { url, close } = await serveStatic(dist);
const browser = await launchBrowser();
const rows: Record<string, number>[] = [];
try {
  for (const size of SIZES) {
    const corpus = buildCorpus(size);
    copyFileSync(corpus.graph, join(dist, "graph.json"));
    const app = await measure(browser, url, "recital:first-render", useExplorer);
    const bare = await measure(browser, `${url}bare/`, "bare:first-render");
    const row = {
      texts: size,
      graph_mb: Math.round(statSync(corpus.graph).size / 1e6),
      app_first_render_ms: Math.round(app.firstRenderMs),
      bare_first_render_ms: Math.round(bare.firstRenderMs),
      ratio: +(app.firstRenderMs / bare.firstRenderMs).toFixed(2),
      app_graph_read_ms: Math.round(app.readMs),
      app_scene_made_ms: Math.round(app.sceneMs),
      app_frame_after_draw_ms: Math.round(app.frameMs),
      bare_frame_after_draw_ms: Math.round(bare.frameMs),
      app_heap_mb: Math.round(app.heapMb),
      app_heap_prepared_mb: Math.round(app.preparedHeapMb!),
      bare_heap_mb: Math.round(bare.heapMb),
      app_longest_task_ms: Math.round(app.longestTaskMs),
      bare_longest_task_ms: Math.round(bare.longestTaskMs),
      app_sigma_draw_ms: Math.round(app.sigmaDrawMs),
      bare_sigma_draw_ms: Math.round(bare.sigmaDrawMs),
      app_sigma_made_ms: Math.round(app.sigmaMadeMs),
      app_longest_task_besides_sigma_ms: Math.round(app.longestOtherTaskMs),
      bare_longest_task_besides_sigma_ms: Math.round(bare.longestOtherTaskMs),
      app_prepare_ms: Math.round(app.prepareMs!),
      app_prepare_longest_task_ms: Math.round(app.prepareLongestTaskMs!),
      app_search_indexed_ms: Math.round(app.searchIndexedMs!),
      app_search_ms: Math.round(app.searchMs!),
      app_search_longest_task_ms: Math.round(app.searchLongestTaskMs!),
      app_search_typed_ms: Math.round(app.searchTypedMs!),
      app_search_typed_longest_task_ms: Math.round(app.searchTypedLongestTaskMs!),
      app_ask_ms: Math.round(app.askMs!),
      app_ask_longest_task_ms: Math.round(app.askLongestTaskMs!),
      app_ask_sigma_refresh_ms: Math.round(app.askSigmaMs!),
      app_ask_light_ms: Math.round(app.askLightMs!),
      app_hover_ms: Math.round(app.hoverMs!),
      app_hover_longest_task_ms: Math.round(app.hoverLongestTaskMs!),
      app_hover_light_ms: Math.round(app.hoverLightMs!),
      app_hover_lit_nodes: Number(app.hoverLit?.split(",")[0] ?? NaN),
      app_hover_lit_edges: Number(app.hoverLit?.split(",")[1] ?? NaN),
      app_hub_ask_ms: Math.round(app.hubAskMs!),
      app_hub_ask_longest_task_ms: Math.round(app.hubAskLongestTaskMs!),
      app_hub_light_ms: Math.round(app.hubLightMs!),
      app_hub_lit_nodes: Number(app.hubLit?.split(",")[0] ?? NaN),
      app_network_ms: Math.round(app.networkMs!),
      app_network_made_ms: Math.round(app.networkMadeMs!),
      app_network_rounds_longest_task_ms: Math.round(app.networkRoundsLongestTaskMs!),
      app_network_shown_longest_task_ms: Math.round(app.networkShownLongestTaskMs!),
      app_network_rounds: Number(app.networkRounds?.split("/")[0] ?? NaN),
    };
    rows.push(row);
    log(
      `load, ${size.toLocaleString("en")} texts (${corpus.summary}, graph.json ${row.graph_mb} MB): explorer first render ${row.app_first_render_ms} ms, bare sigma ${row.bare_first_render_ms} ms, ratio ${row.ratio} (explorer: graph read at ${row.app_graph_read_ms} ms, scene made at ${row.app_scene_made_ms} ms; after sigma's drawing, the frame took ${row.app_frame_after_draw_ms} ms, bare ${row.bare_frame_after_draw_ms} ms); heap ${row.app_heap_mb} MB (bare ${row.bare_heap_mb} MB), ${row.app_heap_prepared_mb} MB once questions are prepared; longest blocking task ${row.app_longest_task_ms} ms (bare ${row.bare_longest_task_ms} ms), of which sigma's first drawing ${row.app_sigma_draw_ms} ms (bare ${row.bare_sigma_draw_ms} ms), a sigma made ${row.app_sigma_made_ms} ms; longest task besides them ${row.app_longest_task_besides_sigma_ms} ms (bare ${row.bare_longest_task_besides_sigma_ms} ms); then questions prepared in ${row.app_prepare_ms} ms (longest task ${row.app_prepare_longest_task_ms} ms), the search box's index made in its worker ${row.app_search_indexed_ms} ms after the first render, a search listed in ${row.app_search_ms} ms (longest task ${row.app_search_longest_task_ms} ms), typed a key at a time listed ${row.app_search_typed_ms} ms after the last key (longest task ${row.app_search_typed_longest_task_ms} ms), «${app.askAnswer}» answered in ${row.app_ask_ms} ms (longest task ${row.app_ask_longest_task_ms} ms, sigma's refresh ${row.app_ask_sigma_refresh_ms} ms, the lit layer ${row.app_ask_light_ms} ms), ${app.hovered} hovered and its neighbourhood lit (${app.hoverLit} nodes,edges) in ${row.app_hover_ms} ms (longest task ${row.app_hover_longest_task_ms} ms, the lit layer ${row.app_hover_light_ms} ms); «what cites ${HUB}» answered and its ${row.app_hub_lit_nodes} nodes lit and drawn in ${row.app_hub_ask_ms} ms (longest task ${row.app_hub_ask_longest_task_ms} ms, lit in ${row.app_hub_light_ms} ms); the network (${row.app_network_rounds} rounds of ForceAtlas2) made in ${row.app_network_made_ms} ms (longest task meanwhile ${row.app_network_rounds_longest_task_ms} ms) and drawn in ${row.app_network_ms} ms (longest task ${row.app_network_shown_longest_task_ms} ms)`,
    );
  }
} finally {
  await browser.close();
  await close();
  rmSync(dist, { recursive: true, force: true });
}

const largest = rows[rows.length - 1]!;
const result: Record<string, unknown> = {
  load_first_render_ratio_vs_sigma_100k: largest.ratio,
  load_texts: largest.texts,
  load: rows,
};
if (values.json) console.log(JSON.stringify(result, null, 2));
