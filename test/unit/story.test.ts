// Stories: the seed history told step by step, checked against what the texts say; the order of
// steps and what each caption may claim, on generated graphs; the handout, the URL, the timeline's
// axis and the "as of" filter that story mode and the strip stand on.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build";
import { readDir } from "../../src/cli/io";
import { compareDates } from "../../src/query/history";
import { runQuery } from "../../src/query/run";
import {
  answerStoryIds,
  answerStoryOptions,
  buildStory,
  MAX_STORY_STEPS,
  storyOrder,
  type Story,
} from "../../src/query/story";
import { MultiDirectedGraph } from "graphology";
import { frameName, storyBrief } from "../../src/export/storyBrief";
import { axisFraction, axisYear, timeAxis } from "../../src/app/layout/timeAxis";
import { visibleGraph } from "../../src/app/state/filters";
import { DEFAULT_VIEW, decodeView, encodeView } from "../../src/app/state/viewState";
import { arbGraph, type G } from "./arbitraries";
import { IMPACT_TO_PP18 } from "../seedStories";

const { graph } = buildGraph(readDir("data/sources", /\.txt$/), readDir("data/registry", /\.yaml$/));

const relations = (story: Story) => story.steps.map((s) => s.relation);

/** Every quote a story shows stands verbatim in its source file at its offsets. */
function expectQuotesInSources(story: Story) {
  for (const step of story.steps) {
    const q = step.quote;
    if (!q?.file || q.start === null) continue;
    const text = readFileSync(`data/sources/${q.file}`, "utf8");
    expect(text.slice(q.start, q.end!)).toBe(q.quote);
  }
}

describe("the seed history as stories", () => {
  it("tells the 2012 IMPACT agreement to the 2018 Plenipotentiary submission in date order", () => {
    const story = buildStory(graph, IMPACT_TO_PP18);
    expect(story.steps.map((s) => s.id)).toEqual([
      "INTERPOL-IMPACT-COOPERATION-AGREEMENT",
      "INTERPOL-GA-2015-RES-12",
      "ITU-C-DEC-590",
      "ITU-C-DEC-598",
      "INTERPOL-GA-2017-RES-08",
      "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018",
      "ITU-DOC-PP18/47",
    ]);
    expect(story.steps.map((s) => s.when)).toEqual([
      "2012",
      "2015",
      "2016",
      "26 May 2017",
      "26 September 2017",
      "26 March 2018",
      "2018",
    ]);
    expect(story.title).toBe("A story of 7 steps");
    expect(relations(story)).toEqual([
      "The story starts here. Authorized by GA-2012-RES (unnumbered): Projet d'accord de coopération en… (5 November 2012).",
      "No link to an earlier step is recorded in these texts. Approves Draft ITU–INTERPOL agreement (2015).",
      "No link to an earlier step is recorded in these texts. Is based on ITU PP Resolution 130 (2014).",
      // Not cited by 598 itself: linked through the agreement it approves.
      "Approves ITU–INTERPOL Cooperation Agreement (26 March 2018), which implements ITU Council Decision 590 (step 3).",
      "Recalls GA-2015-RES-12 (step 2); notes ITU Council Decision 598 (step 4) and ITU Council Decision 590 (step 3).",
      "Authorized by GA-2017-RES-08 (step 5) and ITU Council Decision 598 (step 4).",
      "Implements ITU Council Decision 598 (step 4); cites the signature of the ITU–INTERPOL Cooperation Agreement (Lyon, 26 March 2018) (step 6), GA-2017-RES-08 (step 5), and ITU Council Decision 590 (step 3).",
    ]);
    const quotes = story.steps.map((s) => s.quote?.quote ?? "");
    expect(quotes[0]).toBe("DONNE MANDAT au Secrétaire Général pour le signer.");
    expect(quotes[4]).toMatch(/^RAPPELANT la résolution d'Assemblée générale AG-2015-RES-12/);
    expect(quotes[6]).toMatch(/^Conformément au numéro 58 de la Constitution .* Décision 598/);
    expectQuotesInSources(story);
    // What each step lights beside it is what its caption names.
    const signature = story.steps[5]!;
    expect(new Set(signature.nodes)).toEqual(new Set(["INTERPOL-GA-2017-RES-08", "ITU-C-DEC-598"]));
    for (const key of signature.edges) expect(graph.getEdgeAttribute(key, "relation")).toBe("authorizes");
  });

  it("tells «what followed from the 2008 resolution» from 2008 to 2025, with its question as title", () => {
    const answer = runQuery(graph, "what followed from the 2008 resolution");
    const story = buildStory(graph, answerStoryIds(answer), { title: "2008 → 2025" });
    expect(story.steps.map((s) => [s.id, s.when])).toEqual([
      ["INTERPOL-GA-2008-RES-07", "2008"],
      ["INTERPOL-GA-2021-RES-11", "23 November 2021"],
      ["INTERPOL-GA-2025-RES-03", "24 November 2025"],
    ]);
    expect(relations(story)).toEqual([
      "The story starts here. Known from what refers to it: recalled by GA-2021-RES-11 (step 2).",
      "Recalls GA-2008-RES-07 (step 1).",
      "Notes GA-2021-RES-11 (step 2) and GA-2008-RES-07 (step 1).",
    ]);
    expect(story.steps[1]!.quote?.quote).toMatch(/^RAPPELANT la résolution AG-2008-RES-07/);
    expectQuotesInSources(story);
  });

  it("speaks French, elisions and spacing included", () => {
    const story = buildStory(graph, IMPACT_TO_PP18, { lang: "fr" });
    expect(story.title).toBe("Une histoire en 7 étapes");
    expect(story.steps[3]!.when).toBe("26 mai 2017");
    expect(story.steps[4]!.relation).toBe(
      "Rappelle GA-2015-RES-12 (étape 2) ; prend note d’ITU Council Decision 598 (étape 4) et ITU Council Decision 590 (étape 3).",
    );
    expect(story.steps[5]!.relation).toBe(
      "Autorisée par GA-2017-RES-08 (étape 5) et ITU Council Decision 598 (étape 4).",
    );
  });

  it("orders steps of one year by what led to what when their dates cannot tell", () => {
    // C17/65 is dated 2017 only; Decision 598 (26 May 2017) notes it, so it comes first. The 86th
    // session and the resolution it adopted share a day: the session first.
    expect(storyOrder(graph, ["ITU-C-DEC-598", "ITU-DOC-C17/65"])).toEqual([
      "ITU-DOC-C17/65",
      "ITU-C-DEC-598",
    ]);
    expect(storyOrder(graph, ["INTERPOL-GA-2017-RES-08", "INTERPOL-GA-SESSION-86"])).toEqual([
      "INTERPOL-GA-SESSION-86",
      "INTERPOL-GA-2017-RES-08",
    ]);
    // Undated texts come last.
    expect(storyOrder(graph, ["INTERPOL-CONSTITUTION", "INTERPOL-GA-2008-RES-07"])).toEqual([
      "INTERPOL-GA-2008-RES-07",
      "INTERPOL-CONSTITUTION",
    ]);
  });

  it("says what it leaves out: organisations, bodies, unknown ids, and steps past the limit", () => {
    const story = buildStory(graph, ["INTERPOL", "ITU-C", "NO-SUCH-TEXT", "ITU-C-DEC-598", "ITU-C-DEC-598"]);
    expect(story.steps.map((s) => s.id)).toEqual(["ITU-C-DEC-598"]);
    expect(story.left).toEqual([
      "NO-SUCH-TEXT: not in this graph; left out.",
      "INTERPOL, ITU Council: organisations and bodies are not steps of a story; left out.",
    ]);
    expect(buildStory(graph, []).steps).toEqual([]);
  });

  it("cuts a long answer to the steps nearest what it is about, keeping that node", () => {
    // A chain of 150 resolutions, each citing the one before.
    const chain: G = new MultiDirectedGraph();
    for (let i = 0; i < 150; i++) {
      chain.addNode(`R${i}`, {
        kind: "resolution",
        label: `R${i}`,
        date: String(1850 + i),
        aliases: [],
        origin: "reference",
      });
      if (i)
        chain.addDirectedEdge(`R${i}`, `R${i - 1}`, {
          relation: "cites",
          clause: "cites",
          quote: `R${i} cites R${i - 1}`,
          source: "generated",
          method: "curated",
          confidence: 1,
          occurrences: 1,
        });
    }
    const history = runQuery(chain, "what led to R149");
    const back = buildStory(chain, answerStoryIds(history), answerStoryOptions(history));
    expect(back.steps).toHaveLength(MAX_STORY_STEPS);
    expect(
      back.steps
        .map((s) => s.id)
        .slice(0, 1)
        .concat(back.steps.map((s) => s.id).slice(-1)),
    ).toEqual(["R50", "R149"]);
    expect(back.left).toEqual([
      `A story holds ${MAX_STORY_STEPS} of these 150 nodes, those nearest what it is about; the rest are left out.`,
    ]);
    const forward = runQuery(chain, "what followed from R0");
    const on = buildStory(chain, answerStoryIds(forward), answerStoryOptions(forward));
    expect([on.steps[0]!.id, on.steps.at(-1)!.id]).toEqual(["R0", "R99"]);
  });
});

describe("stories on generated graphs", () => {
  it("orders steps by date and lets captions name only earlier steps as what a step builds on", () => {
    fc.assert(
      fc.property(arbGraph, fc.array(fc.nat(), { maxLength: 12 }), (g, picks) => {
        const ids = [...new Set(picks.map((p) => `N${p % g.order}`))];
        const story = buildStory(g, ids);
        const steps = story.steps;
        const chosen = ids.filter((id) => !["organisation", "body"].includes(g.getNodeAttribute(id, "kind")));
        expect(steps.map((s) => s.id).sort()).toEqual([...chosen].sort());
        steps.forEach((s, i) => {
          expect(s.n).toBe(i + 1);
          // Never a step dated strictly before an earlier one; undated ones last.
          for (const later of steps.slice(i + 1)) {
            if (!s.date) expect(later.date).toBeNull();
            else if (later.date) expect(compareDates(later.date, s.date)).toBeGreaterThanOrEqual(0);
          }
          for (const link of s.links) {
            // Every link is an edge of the graph, touching the step (or the text it goes through).
            const near = link.via ? link.via.node : link.node;
            expect([link.edge.source, link.edge.target].sort()).toEqual([s.id, near].sort());
            expect(g.hasEdge(link.key)).toBe(true);
            if (link.via) expect(g.hasEdge(link.via.key)).toBe(true);
          }
          // A step linked to an earlier one names it; one linked to none says so.
          const earlier = s.links.filter((l) => l.step !== null && l.step < s.n);
          if (i > 0 && !earlier.length)
            expect(s.relation).toMatch(/^No link to an earlier step is recorded in these texts\./);
          const named = [...s.relation.matchAll(/\(step (\d+)\)/g)].map((m) => Number(m[1]));
          if (earlier.length) for (const n of named) expect(n).toBeLessThan(s.n);
          expect(new Set(s.nodes).has(s.id)).toBe(false);
          // What is lit beside a step is never a later step.
          const stepOf = new Map(steps.map((t) => [t.id, t.n]));
          for (const node of s.nodes) expect(stepOf.get(node) ?? 0).toBeLessThan(s.n);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("the story's handout", () => {
  it("numbers the steps, quotes the clauses, and escapes Markdown in the texts", () => {
    const md = storyBrief(buildStory(graph, IMPACT_TO_PP18, { title: "From IMPACT to *PP-18*" }));
    expect(md.split("\n")[0]).toBe("# From IMPACT to \\*PP-18\\*");
    expect(md).toContain("## 4. 26 May 2017 · ITU Council Decision 598 — Conclusion, à titre provisoire");
    expect(md).toContain("> DONNE MANDAT au Secrétaire Général pour le signer.");
    expect(md).toContain("> — Source: interpol-ga-2017-res-08.fr.txt, DONNE MANDAT");
    expect([...md.matchAll(/^## (\d+)\./gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("names frames so that they sort in story order", () => {
    expect(frameName(3, 7, "ITU Council Decision 598")).toBe("03-itu-council-decision-598.png");
    expect(frameName(12, 120, "Décision « 598 »")).toBe("012-decision-598.png");
    expect(frameName(1, 1, "…")).toBe("01-step.png");
  });
});

describe("story, step, as-of and theme in the URL", () => {
  it("round-trips them, and keeps only a step that a story has", () => {
    const view = {
      ...DEFAULT_VIEW,
      story: ["ITU-C-DEC-598", "ITU-DOC-PP18/47"],
      step: 2,
      asOf: 2016,
      theme: "dark" as const,
    };
    const search = encodeView(view);
    expect(search).toBe("story=ITU-C-DEC-598%2CITU-DOC-PP18%2F47&step=2&asof=2016&theme=dark");
    expect(decodeView(search)).toEqual({ view, problems: [] });
    expect(encodeView({ ...DEFAULT_VIEW, step: 3 })).toBe("");
  });

  it("drops what is malformed and says so", () => {
    const bad = decodeView("step=2&asof=20166&theme=neon");
    expect(bad.view).toEqual(DEFAULT_VIEW);
    expect(bad.problems).toEqual([
      "step: a step needs a story; ignored",
      'asof: "20166" is not a year between 1800 and 2200; ignored',
      "theme: unknown theme ignored",
    ]);
    const story = decodeView("story=A,<script>,B&step=x");
    expect(story.view.story).toEqual(["A", "B"]);
    expect(story.view.step).toBeNull();
    expect(story.problems).toEqual([
      "story: malformed id ignored",
      'step: "x" is not a step number; ignored',
    ]);
    // A step past the end is the last step; a story longer than a story may be is cut.
    expect(decodeView("story=A,B&step=9").view.step).toBe(2);
    const long = decodeView(`story=${Array.from({ length: 150 }, (_, i) => `N${i}`).join(",")}`);
    expect(long.view.story).toHaveLength(100);
    expect(long.problems).toEqual(["story: more than 100 steps; the first 100 kept"]);
  });
});

describe("the timeline strip's axis and the graph as of a year", () => {
  it("collapses long empty runs of years, and reads back the year under a point", () => {
    const axis = timeAxis([1948.9, 1996.5, 2008.5, 2012.5, 2017.7, 2025.9])!;
    expect(axis.first).toBe(1948);
    expect(axis.last).toBe(2025);
    // 1948 and 1996 are neighbours on the strip, not half a century apart.
    const year = axisFraction(axis, 2013) - axisFraction(axis, 2012);
    expect(axisFraction(axis, 1996.5) - axisFraction(axis, 1948.9)).toBeLessThan(2 * year);
    const fractions = [1948.5, 1996.5, 2008.5, 2012.5, 2017.5, 2025.5].map((t) => axisFraction(axis, t));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    for (const year of [1948, 1996, 2008, 2012, 2017, 2025])
      expect(axisYear(axis, axisFraction(axis, year + 0.5))).toBe(year);
    expect(axisYear(axis, -1)).toBe(1948);
    expect(axisYear(axis, 2)).toBe(2025);
    expect(timeAxis([])).toBeNull();
  });

  it("hides what came after the year and keeps the undated", () => {
    const all = visibleGraph(graph, DEFAULT_VIEW).nodes;
    const in2016 = visibleGraph(graph, { ...DEFAULT_VIEW, asOf: 2016 }).nodes;
    expect(in2016.has("ITU-C-DEC-590")).toBe(true);
    expect(in2016.has("ITU-C-DEC-598")).toBe(false);
    expect(in2016.has("INTERPOL-CONSTITUTION")).toBe(true);
    expect(in2016.has("INTERPOL")).toBe(true);
    expect(in2016.size).toBeLessThan(all.size);
    const edges = visibleGraph(graph, { ...DEFAULT_VIEW, asOf: 2016 }).edges;
    for (const key of edges) {
      expect(in2016.has(graph.source(key))).toBe(true);
      expect(in2016.has(graph.target(key))).toBe(true);
    }
  });
});
