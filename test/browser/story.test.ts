// Story mode, the timeline strip and presenting, in the browser: a story played end to end from
// the keyboard, with its captions and its link; a story picked by hand; the graph as of a year;
// the dark theme, full screen, and the story's handout and frames.
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { PNG } from "pngjs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PALETTES } from "../../src/app/theme";
import { buildGraph, countPixels, launchBrowser, startServer, VIEWPORT, type Served } from "./harness";
import { IMPACT_TO_PP18, storyParam } from "../seedStories";

const RENDER_TIMEOUT = 60_000;

let served: Served;
let browser: Browser;
let page: Page;
let pageErrors: string[];

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
  page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  page.on("pageerror", (err) => pageErrors.push(err.message));
});

afterEach(async () => {
  await page.close();
});

const rendered = () =>
  page.locator('[data-testid="graph-canvas"][data-rendered="true"]').waitFor({ timeout: RENDER_TIMEOUT });
const param = (name: string) => new URL(page.url()).searchParams.get(name);
const caption = () => page.getByRole("region", { name: "Story" });
/** Waits until the caption says it shows step `n`, and returns its text. */
async function atStep(n: number, count: number): Promise<string> {
  await expect.poll(() => caption().textContent(), { timeout: 10_000 }).toContain(`Step ${n} of ${count}`);
  return (await caption().textContent()) ?? "";
}

describe("story mode", () => {
  it("plays the story of «what followed from the 2008 resolution» end to end from the keyboard", async () => {
    await page.goto(served.url);
    await rendered();
    const bar = page.getByRole("textbox", { name: "Query" });
    await bar.fill("what followed from the 2008 resolution");
    await bar.press("Enter");
    const start = page.getByRole("button", { name: "▶ Story" });
    await start.focus();
    await page.keyboard.press("Enter");

    let text = await atStep(1, 3);
    expect(text).toContain("2008");
    expect(text).toContain("GA-2008-RES-07");
    expect(text).toContain(
      "The story starts here. Known from what refers to it: recalled by GA-2021-RES-11 (step 2).",
    );
    expect(text).toContain("RAPPELANT la résolution AG-2008-RES-07");
    expect(param("step")).toBe("1");
    expect(param("story")?.split(",").sort()).toEqual([
      "INTERPOL-GA-2008-RES-07",
      "INTERPOL-GA-2021-RES-11",
      "INTERPOL-GA-2025-RES-03",
    ]);
    // The answer's panel gives way to the caption; the canvas lights the step and what it links
    // to — at the first step, itself alone (what it is known by comes later).
    await expect(page.getByRole("list", { name: "Results" }).count()).resolves.toBe(0);
    const canvas = page.getByTestId("graph-canvas");
    await expect.poll(() => canvas.getAttribute("data-answer-nodes")).toBe("1");

    await page.keyboard.press("ArrowRight");
    text = await atStep(2, 3);
    expect(text).toContain("23 November 2021");
    expect(text).toContain("Recalls GA-2008-RES-07 (step 1).");
    expect(param("step")).toBe("2");

    // The quote's source opens over the story; its keys are its own, and Escape closes it first.
    await caption().getByRole("button", { name: "interpol-ga-2021-res-11.fr.txt" }).click();
    const source = page.getByRole("region", { name: "Source" });
    await source.waitFor();
    await source.focus();
    for (const key of ["PageDown", "ArrowRight", "End", " "]) await page.keyboard.press(key);
    await atStep(2, 3);
    await page.keyboard.press("Escape");
    await expect.poll(() => source.count()).toBe(0);
    await atStep(2, 3);

    await page.keyboard.press("ArrowRight");
    text = await atStep(3, 3);
    expect(text).toContain("24 November 2025");
    expect(text).toContain("Notes GA-2021-RES-11 (step 2) and GA-2008-RES-07 (step 1).");
    expect(text).toContain("GA-2021-89-RES-11");
    await expect.poll(() => canvas.getAttribute("data-answer-nodes")).toBe("3");
    expect(param("step")).toBe("3");

    // Past the end nothing moves; back, first and last by the keys a remote sends too.
    await page.keyboard.press("ArrowRight");
    await atStep(3, 3);
    await expect(page.getByRole("button", { name: "Next →" }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press("ArrowLeft");
    await atStep(2, 3);
    await page.keyboard.press("Home");
    await atStep(1, 3);
    await page.keyboard.press("PageDown");
    await atStep(2, 3);
    await page.keyboard.press("End");
    await atStep(3, 3);

    // The link is the story: a reload shows the same step.
    await page.reload();
    await rendered();
    await atStep(3, 3);

    // Escape leaves: the answer comes back, the story waits to be played again.
    await page.keyboard.press("Escape");
    await expect.poll(() => caption().count()).toBe(0);
    expect(param("step")).toBeNull();
    expect(param("story")).not.toBeNull();
    await page.getByRole("list", { name: "Results" }).waitFor();
    await page.getByRole("button", { name: "▶ Play the story" }).click();
    await atStep(1, 3);
    expect(pageErrors).toEqual([]);
  });

  it("tells a story picked by hand, from the 2012 IMPACT agreement to the 2018 Plenipotentiary submission", async () => {
    // One node added from its details, the rest from a link naming them in no particular order.
    await page.goto(`${served.url}?sel=INTERPOL-IMPACT-COOPERATION-AGREEMENT`);
    await rendered();
    const details = page.getByRole("region", { name: "Details" });
    await details.getByRole("button", { name: "+ Add to story" }).click();
    await page.getByText("Story: 1 step picked").waitFor();
    expect(param("story")).toBe("INTERPOL-IMPACT-COOPERATION-AGREEMENT");
    await expect(
      details.getByRole("button", { name: "Remove from story" }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");

    await page.goto(`${served.url}?story=${storyParam(IMPACT_TO_PP18)}`);
    await rendered();
    await page.getByRole("button", { name: "▶ Play the story" }).click();
    const expected: [string, string][] = [
      ["INTERPOL–IMPACT agreement", "The story starts here. Authorized by GA-2012-RES (unnumbered)"],
      ["GA-2015-RES-12", "Approves Draft ITU–INTERPOL agreement (2015)."],
      ["ITU Council Decision 590", "Is based on ITU PP Resolution 130 (2014)."],
      [
        "ITU Council Decision 598",
        "Approves ITU–INTERPOL Cooperation Agreement (26 March 2018), which implements ITU Council Decision 590 (step 3).",
      ],
      [
        "GA-2017-RES-08",
        "Recalls GA-2015-RES-12 (step 2); notes ITU Council Decision 598 (step 4) and ITU Council Decision 590 (step 3).",
      ],
      [
        "Signature, Lyon, 2018-03-26",
        "Authorized by GA-2017-RES-08 (step 5) and ITU Council Decision 598 (step 4).",
      ],
      ["ITU Document PP18/47", "Implements ITU Council Decision 598 (step 4); cites"],
    ];
    for (const [i, [title, relation]] of expected.entries()) {
      if (i) await page.keyboard.press("ArrowRight");
      const text = await atStep(i + 1, 7);
      expect(text).toContain(title);
      expect(text).toContain(relation);
      expect(param("step")).toBe(String(i + 1));
    }
    // A click on a step's node on the canvas goes to that step (here the 2017 resolution, lit).
    const canvas = page.getByTestId("graph-canvas");
    const box = (await canvas.boundingBox())!;
    await page.waitForTimeout(600); // the camera's move to the last step
    const at = await page.evaluate(() =>
      (
        window as unknown as { recitalTest: { nodeOnScreen(id: string): { x: number; y: number } | null } }
      ).recitalTest.nodeOnScreen("INTERPOL-GA-2017-RES-08"),
    );
    expect(at).not.toBeNull();
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    await atStep(5, 7);
    expect(param("sel")).toBeNull();
    // A text added while the story plays takes its place in date order; the story plays on, at
    // the same text (document C17/65 comes before, so it is now step 6 of 8).
    await page.goto(`${page.url()}&sel=${encodeURIComponent("ITU-DOC-C17/65")}`);
    await rendered();
    await page
      .getByRole("region", { name: "Details" })
      .getByRole("button", { name: "+ Add to story" })
      .click();
    const moved = await atStep(6, 8);
    expect(moved).toContain("GA-2017-RES-08");
    // "As of" a year before the step is moved on to the step's year, so the step is never hidden.
    await page.goto(`${served.url}?story=${storyParam(IMPACT_TO_PP18)}&step=5&asof=2010`);
    await rendered();
    await atStep(5, 7);
    await expect.poll(() => param("asof")).toBe("2017");
    // The timeline strip follows: its canvas draws the current step in the theme's accent colour.
    const strip = page.getByRole("slider", { name: "As of year" });
    const clip = (await strip.boundingBox())!;
    expect(countPixels(await page.screenshot({ clip }), [PALETTES.light.accent])).toBeGreaterThan(20);
    expect(pageErrors).toEqual([]);
  });
});

describe("the timeline strip", () => {
  it("shows the graph as of a year by keyboard, and plays the years so that the graph grows", async () => {
    await page.goto(served.url);
    await rendered();
    const canvas = page.getByTestId("graph-canvas");
    const visible = async () => Number(await canvas.getAttribute("data-visible-nodes"));
    const all = await visible();
    const slider = page.getByRole("slider", { name: "As of year" });
    await expect(slider.getAttribute("aria-valuetext")).resolves.toBe("All years");
    await slider.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => param("asof")).toBe("1948");
    const in1948 = await visible();
    expect(in1948).toBeLessThan(all);
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => param("asof")).toBe("2024");
    const in2024 = await visible();
    expect(in2024).toBeGreaterThan(in1948);
    expect(in2024).toBeLessThan(all);
    await expect(slider.getAttribute("aria-valuetext")).resolves.toBe("As of 2024");
    await expect(page.locator(".counts").textContent()).resolves.toContain(`${in2024} of ${all} nodes`);

    // Play from the first year: "as of" moves on by itself, and the graph grows with it.
    await page.keyboard.press("Home");
    await page.getByRole("button", { name: /^Play/ }).click();
    await expect.poll(() => Number(param("asof")), { timeout: 10_000 }).toBeGreaterThan(1949);
    await page.getByRole("button", { name: "Pause" }).click();
    const paused = param("asof");
    const grown = await visible();
    expect(grown).toBeGreaterThanOrEqual(in1948);
    await page.waitForTimeout(1500);
    expect(param("asof")).toBe(paused);
    await page.getByRole("button", { name: "Show every year" }).click();
    await expect.poll(() => param("asof")).toBeNull();
    await expect.poll(visible).toBe(all);
    expect(pageErrors).toEqual([]);
  });
});

describe("presenting", () => {
  const story2008 = ["INTERPOL-GA-2008-RES-07", "INTERPOL-GA-2021-RES-11", "INTERPOL-GA-2025-RES-03"].join(
    ",",
  );

  it("goes dark and full screen with large captions, and gives the story as a handout and as frames", async () => {
    await page.goto(`${served.url}?story=${story2008}&step=2`);
    await rendered();
    await atStep(2, 3);
    await caption()
      .getByRole("button", { name: /^Theme/ })
      .click();
    await expect.poll(() => param("theme")).toBe("dark");
    // The canvas is drawn on the dark background: most of its pixels are the theme's.
    const canvas = page.getByTestId("graph-canvas");
    const box = (await canvas.boundingBox())!;
    await page.waitForTimeout(500);
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: 120 } });
    const dark = [PALETTES.dark.background, ...PALETTES.dark.laneFill];
    expect(countPixels(shot, dark)).toBeGreaterThan(0.5 * box.width * 120);

    await caption().getByRole("button", { name: "Present" }).click();
    await expect.poll(() => page.locator(".app-header").isVisible()).toBe(false);
    const size = await page
      .locator(".story-relation")
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    // Keys still step through the story while presenting.
    await page.keyboard.press("ArrowRight");
    await atStep(3, 3);
    // Leaving the story leaves presenting too; playing again starts in the page as it was.
    await caption().getByRole("button", { name: "Leave the story" }).click();
    await expect.poll(() => page.locator(".app-header").isVisible()).toBe(true);
    await page.getByRole("button", { name: "▶ Play the story" }).click();
    await atStep(1, 3);
    await expect(
      caption().getByRole("button", { name: "Present" }).getAttribute("aria-pressed"),
    ).resolves.toBe("false");
    await page.keyboard.press("End");
    await atStep(3, 3);
    // The panels are dark too: the search's suggestions are not white.
    await page.getByRole("searchbox", { name: "Search" }).fill("decision");
    const suggestions = page.locator(".search-results");
    await suggestions.waitFor();
    await expect(suggestions.evaluate((e) => getComputedStyle(e).backgroundColor)).resolves.toBe(
      "rgb(17, 26, 46)",
    );
    await page.getByRole("searchbox", { name: "Search" }).fill("");

    const handout = page.waitForEvent("download");
    await caption().getByRole("button", { name: "Brief (Markdown)" }).click();
    const md = readFileSync((await (await handout).path())!, "utf8");
    expect(md).toContain("## 1. 2008 · GA-2008-RES-07");
    expect(md).toContain("## 3. 24 November 2025 · GA-2025-RES-03");
    expect(md).toContain("Recalls GA-2008-RES-07 (step 1).");
    expect(md).toContain("> RAPPELANT la résolution AG-2008-RES-07");

    const framesDownload = page.waitForEvent("download", { timeout: 60_000 });
    await caption().getByRole("button", { name: "Frames (PNG, zip)" }).click();
    const frames = await framesDownload;
    expect(frames.suggestedFilename()).toBe("story-frames.zip");
    const files = unzipSync(readFileSync((await frames.path())!));
    expect(Object.keys(files).sort()).toEqual([
      "01-ga-2008-res-07.png",
      "02-ga-2021-res-11.png",
      "03-ga-2025-res-03.png",
    ]);
    for (const [name, data] of Object.entries(files)) {
      const png = PNG.sync.read(Buffer.from(data));
      // The view, and a caption band under it; from the second step on, its links lit in amber.
      expect(png.height).toBeGreaterThan(box.height);
      expect(countPixels(Buffer.from(data), [PALETTES.dark.background])).toBeGreaterThan(png.width * 10);
      if (!name.startsWith("01-"))
        expect(countPixels(Buffer.from(data), [PALETTES.dark.answerEdge])).toBeGreaterThan(0);
    }
    // The canvas shows the step it showed before the frames were drawn.
    await atStep(3, 3);
    expect(pageErrors).toEqual([]);
  });
});
