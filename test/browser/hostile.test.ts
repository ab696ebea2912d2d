// Hostile data in the browser: a graph whose titles, labels, aliases, clauses and quotes are
// script and HTML must show them as text and run none of them, in the dev server and in the built
// app, which ships a strict Content-Security-Policy.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../vite.config";
import {
  buildApp,
  buildGraph,
  launchBrowser,
  serveStatic,
  startServer,
  VIEWPORT,
  type Served,
} from "./harness";

const RENDER_TIMEOUT = 60_000;
/** Each payload, should it run, counts itself in window.ran. */
const RUN = "window.ran=(window.ran||0)+1";
const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `"><svg onload="${RUN}">`,
  `javascript:${RUN}`,
  `{{constructor.constructor('${RUN}')()}}`,
];
const HOSTILE = PAYLOADS.join(" ");

/** A graph whose every text a page shows is a payload: two resolutions, one recalling the other. */
function hostileGraph(): string {
  const node = (key: string, label: string, date: string) => ({
    key,
    attributes: {
      kind: "resolution",
      label,
      title: { en: `${HOSTILE} en`, fr: `${HOSTILE} fr` },
      aliases: [`${PAYLOADS[0]}-${key}`],
      date,
      origin: "source",
      place: PAYLOADS[2],
    },
  });
  return JSON.stringify({
    attributes: { name: HOSTILE },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: [
      node("EVIL-1", `Evil one ${PAYLOADS[0]}`, "2001-01-01"),
      node("EVIL-2", "Evil two", "2005-05-05"),
    ],
    edges: [
      {
        key: "EVIL-2|recalls|EVIL-1",
        source: "EVIL-2",
        target: "EVIL-1",
        attributes: {
          relation: "recalls",
          clause: PAYLOADS[1],
          quote: `RECALLING ${HOSTILE}`,
          surface: PAYLOADS[3],
          method: "curated",
          confidence: 1,
          occurrences: 1,
          cite: { source: PAYLOADS[0], quote: HOSTILE },
        },
      },
    ],
  });
}

let browser: Browser;
let dev: Served;
let built: Served;
let dist: string;

beforeAll(async () => {
  await buildGraph();
  dist = mkdtempSync(join(tmpdir(), "recital-built-"));
  await buildApp(dist);
  [dev, built, browser] = await Promise.all([startServer(), serveStatic(dist), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  await built?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/**
 * A page that records what must never happen: dialogs, errors, and breaches of the policy (as
 * events, and as the console reports those the page hears no event of, such as a blocked worker).
 */
async function watchedPage(): Promise<{
  page: Page;
  dialogs: string[];
  errors: string[];
  console: string[];
}> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const console: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { breaches: string[] };
    w.breaches = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.breaches.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page, dialogs, errors, console };
}

const rendered = (page: Page) =>
  page.locator('[data-testid="graph-canvas"][data-rendered="true"]').waitFor({ timeout: RENDER_TIMEOUT });

/** Whether anything a payload would have made is on the page, or ran. */
async function traces(page: Page) {
  return page.evaluate(() => ({
    ran: (window as unknown as { ran?: number }).ran ?? 0,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes("window.ran")).length,
  }));
}

describe("hostile data", () => {
  it.each([
    ["the dev server", () => dev.url],
    ["the built app", () => built.url],
  ])("shows titles, labels and quotes holding script as text, and runs none of them (%s)", async (_, url) => {
    const { page, dialogs, errors, console } = await watchedPage();
    try {
      await page.route("**/graph.json", (route) =>
        route.fulfill({ status: 200, contentType: "application/json", body: hostileGraph() }),
      );
      await page.goto(url());
      await rendered(page);

      // Search: the hostile label is listed as it is written.
      await page.getByRole("searchbox", { name: "Search" }).fill("evil one");
      const option = page.locator(".search-results [role=option]").first();
      await expect(option.textContent()).resolves.toContain(`Evil one ${PAYLOADS[0]}`);
      await option.click();

      // Details: title, place and the quote of the edge, as text.
      const details = page.getByRole("region", { name: "Details" });
      await expect(details.textContent()).resolves.toContain(`${HOSTILE} en`);
      await expect(details.textContent()).resolves.toContain(`RECALLING ${HOSTILE}`);

      // A question whose answer lists the hostile texts with their quotes.
      const bar = page.getByRole("textbox", { name: "Query" });
      await bar.fill("what cites EVIL-1");
      await bar.press("Enter");
      const results = page.getByRole("list", { name: "Results" });
      await results.waitFor();
      // (A long quote is cut short in the list: its start is enough.)
      await expect(results.textContent()).resolves.toContain(`RECALLING ${PAYLOADS[0]}`);

      expect(await traces(page)).toEqual({ ran: 0, images: 0, svgs: 0, scripts: 0 });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(console).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { breaches: string[] }).breaches)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("ships a strict Content-Security-Policy in the built app, which the app itself keeps to", async () => {
    const { page, dialogs, errors, console } = await watchedPage();
    try {
      await page.goto(`${built.url}?q=${encodeURIComponent("what led to the 2018 signature")}`);
      await rendered(page);
      await page.getByRole("list", { name: "Results" }).waitFor({ timeout: RENDER_TIMEOUT });
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      expect(policy).toBe(CONTENT_SECURITY_POLICY);
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain("unsafe");
      // The force layout, run in a worker of its own.
      await page.getByRole("group", { name: "Layout" }).getByRole("button", { name: "Network" }).click();
      await page
        .locator('[data-testid="graph-canvas"][data-layout="force"][data-layout-running="false"]')
        .waitFor({ timeout: RENDER_TIMEOUT });
      // The app loads, works and draws without breaching it: workers, styles, the canvas.
      expect(await page.evaluate(() => (window as unknown as { breaches: string[] }).breaches)).toEqual([]);
      expect(console).toEqual([]);

      // What the policy is for: script that finds its way into the page does not run.
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.ran = 1";
        document.body.append(script);
        const img = document.createElement("div");
        img.setAttribute("onclick", "window.ran = 2");
        document.body.append(img);
        img.click();
      });
      expect(await page.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
      const breaches = await page.evaluate(() => (window as unknown as { breaches: string[] }).breaches);
      expect(breaches.some((b) => b.startsWith("script-src"))).toBe(true);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
