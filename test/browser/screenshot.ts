// Regenerates public/screenshot.png (for the README): the explorer on the seed graph, 1280×800,
// answering "what led to the 2018 signature": the chain listed with its quotes, lit on the timeline.
// Run with `npx tsx test/browser/screenshot.ts`.
import { resolve } from "node:path";
import { buildGraph, launchBrowser, ROOT, startServer, VIEWPORT } from "./harness";

const out = resolve(ROOT, "public/screenshot.png");
await buildGraph();
const served = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(`${served.url}?q=${encodeURIComponent("what led to the 2018 signature?")}`);
  await page.locator('[data-testid="graph-canvas"][data-rendered="true"]').waitFor({ timeout: 60_000 });
  await page.getByRole("list", { name: "Results" }).waitFor();
  await page.waitForTimeout(800); // the camera's move to the answer
  if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await served.close();
}
