// Regenerates the README's pictures of the explorer on the seed graph, 1280×800:
// public/screenshot.png answering "what led to the 2018 signature" (the chain listed with its
// quotes, lit on the timeline), and public/story.png playing the IMPACT-to-PP-18 story at step 4.
// Run with `npx tsx test/browser/screenshot.ts`.
import { resolve } from "node:path";
import { buildGraph, launchBrowser, ROOT, startServer, VIEWPORT } from "./harness";
import { IMPACT_TO_PP18, storyParam } from "../seedStories";

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

  await page.goto(`${served.url}?story=${storyParam(IMPACT_TO_PP18)}&step=4`);
  await page.locator('[data-testid="graph-canvas"][data-rendered="true"]').waitFor({ timeout: 60_000 });
  await page.getByRole("region", { name: "Story" }).waitFor();
  await page.waitForTimeout(800);
  if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
  const storyOut = resolve(ROOT, "public/story.png");
  await page.screenshot({ path: storyOut });
  console.log(`wrote ${storyOut}`);
} finally {
  await browser.close();
  await served.close();
}
