// Regenerates public/screenshot.png (for the README): the explorer on the seed graph, 1280×800,
// with Decision 598 selected so the details panel shows its links and their quoted clauses.
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
  await page.goto(`${served.url}?sel=ITU-C-DEC-598`);
  await page.locator('[data-testid="graph-canvas"][data-rendered="true"]').waitFor({ timeout: 60_000 });
  await page.getByRole("region", { name: "Details" }).waitFor();
  await page.waitForTimeout(800); // the camera's move to the selection
  if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await served.close();
}
