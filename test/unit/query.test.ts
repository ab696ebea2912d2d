// Queries on the seed corpus, against answers written by reading the texts, and on generated
// graphs, against answers computed independently (a fixpoint over the dated pairs, a Floyd–Warshall
// distance table). A query answers with nodes, the edges that put them there, and their quotes.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { bidirectional } from "graphology-shortest-path/unweighted";
import { allSimplePaths } from "graphology-simple-path";
import type { AbstractGraph } from "graphology-types";
import { CONTEXT_KINDS, strength } from "../../src/query/history";
import { indexOf } from "../../src/query/memo";
import { directReferences, REFERENCES } from "../../src/query/references";
import {
  connectionGraph,
  influencePaths,
  MAX_PATH_STEPS,
  MAX_PATHS,
  PATH_SLACK,
  shortPaths,
  withEnds,
} from "../../src/query/paths";
import { buildGraph } from "../../src/build/build";
import { readDir } from "../../src/cli/io";
import type { Relation } from "../../src/model/vocabulary";
import { resolve, suggest } from "../../src/query/resolve";
import {
  answerCount,
  answerIds,
  answerPage,
  askAbout,
  compare,
  runQuery,
  type Answer,
} from "../../src/query/run";
import { answerKeys } from "../../src/export/scope";
import { arbGraph, type G } from "./arbitraries";

const { graph } = buildGraph(readDir("data/sources", /\.txt$/), readDir("data/registry", /\.yaml$/));

const SIGNATURE = "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018";
const AGREEMENT = "ITU-INTERPOL-COOPERATION-AGREEMENT";
const ids = (a: Answer) => a.nodes.map((n) => n.id);

describe("resolving names on the seed corpus", () => {
  it.each([
    ["ITU-C-DEC-598", "ITU-C-DEC-598"],
    ["itu-c-dec-598", "ITU-C-DEC-598"],
    ["AG-2015-RES-12", "INTERPOL-GA-2015-RES-12"], // the form the 2017 resolution writes
    ["Décision 598", "ITU-C-DEC-598"],
    ["decision 598", "ITU-C-DEC-598"],
    ["signé le 26 mars 2018", SIGNATURE], // a surface form seen in a text
    ["the 2018 signature", SIGNATURE],
    ["la signature de 2018", SIGNATURE],
    ["the 2021 resolution", "INTERPOL-GA-2021-RES-11"],
    ["la résolution de 2021", "INTERPOL-GA-2021-RES-11"],
    ["l'accord de 2018", AGREEMENT],
    ["the Lyon meeting", "ITU-INTERPOL-MEETING-LYON-2016"],
    ["réunion de Lyon", "ITU-INTERPOL-MEETING-LYON-2016"],
    ["resolution 73/11", "UNGA-RES-73/11"],
    ["Universal Declaration of Human Rights", "UDHR"],
    ["the UN agreement", "UN-INTERPOL-COOPERATION-AGREEMENT-1997"], // "UN", not the article "un"
    ["declaration universelle des droits de l'homme", "UDHR"],
  ])("%s names %s", (phrase, id) => {
    expect(resolve(graph, phrase)).toEqual({ status: "found", id });
  });

  it("shows every node that fits an ambiguous name, in date order", () => {
    expect(resolve(graph, "the 2012 resolution")).toEqual({
      status: "ambiguous",
      candidates: ["INTERPOL-GA-2012-RES-08", "INTERPOL-GA-2012-RES-UNNUMBERED-C6C9A7"],
    });
    const agreements = resolve(graph, "the agreement");
    expect(agreements.status).toBe("ambiguous");
    expect(agreements.status === "ambiguous" && agreements.candidates).toContain(AGREEMENT);
  });

  it("a phrase naming two nodes gives both to pick from, not an answer for one", () => {
    expect(resolve(graph, "the 2018 signature and the Lyon meeting")).toEqual({
      status: "ambiguous",
      candidates: [SIGNATURE, "ITU-INTERPOL-MEETING-LYON-2016"],
    });
    // A name that holds "et" is still one name.
    expect(resolve(graph, "Accord de coopération entre l'UIT et INTERPOL")).toEqual({
      status: "found",
      id: AGREEMENT,
    });
  });

  it("suggests near names for a misspelt one, and picks none of them", () => {
    expect(resolve(graph, "decsion 598")).toEqual({ status: "none" });
    expect(suggest(graph, "the decsion 598?")).toEqual(["ITU-C-DEC-598"]);
    expect(resolve(graph, "the moon")).toEqual({ status: "none" });
    expect(suggest(graph, "the moon")).toEqual([]);
  });

  it("takes the near names from elsewhere when asked to (the explorer's search worker)", () => {
    const asked: string[] = [];
    const suggest = (phrase: string) => (asked.push(phrase), phrase === "decsion 598" ? [AGREEMENT] : []);
    const a = runQuery(graph, "what led to decsion 598", { suggest });
    expect([a.status, a.interpretation]).toEqual([
      "not_found",
      "No node fits “decsion 598”. Did you mean one of these?",
    ]);
    expect(a.candidates?.map((c) => c.id)).toEqual([AGREEMENT]);
    // A bare phrase with no near name is not a name: it may be a question in another form.
    const bare = runQuery(graph, "the moon", { suggest });
    expect([bare.kind, bare.status]).toEqual(["unknown", "not_understood"]);
    // Each name is asked about once, and a name that fits is never asked about.
    expect(runQuery(graph, "how is decsion 598 connected to ITU-C-DEC-598", { suggest }).status).toBe(
      "not_found",
    );
    // (A bare phrase with near names: asked once, for the test and the answer both.)
    expect(runQuery(graph, "decsion 598", { suggest }).candidates?.map((c) => c.id)).toEqual([AGREEMENT]);
    expect(asked).toEqual(["decsion 598", "the moon", "decsion 598", "decsion 598"]);
  });
});

/** What led to the 2018 signature, by reading the texts (see the note on each). */
const LED_TO_SIGNATURE = [
  "INTERPOL-GA-2017-RES-08", // DONNE MANDAT au Secrétaire Général pour le signer
  "ITU-C-DEC-598", // d'autoriser le Secrétaire général à signer l'Accord
  AGREEMENT, // the text signed
  "INTERPOL-GA-SESSION-86", // the session that adopted the 2017 resolution
  "INTERPOL-GA-2017-REP-09", // the report proposing the revised draft
  "INTERPOL-GA-2015-RES-12", // RAPPELANT la résolution AG-2015-RES-12
  "INTERPOL-GA-2015-REP-09", // the 2015 report whose annex 1 held the draft
  "ITU-INTERPOL-COOPERATION-AGREEMENT-DRAFT-2015", // the draft the 2015 resolution approved
  "ITU-C-DEC-590", // the draft "a dû être modifié suite à la Décision 590"
  "ITU-DOC-C16/71", // the contribution Decision 590's working group examined
  "ITU-INTERPOL-MEETING-LYON-2016", // the secretariats' meeting that revised the text
  "INTERPOL-AGREEMENT-TO-REVISED-TEXT-2017", // INTERPOL's final agreement to the revised text
  "ITU-DOC-C17/65", // the document Decision 598 approved the agreement in
  "ITU-PP-RES-130", // Decision 590's basis, cited by the agreement
  "ITU-PP-RES-179", // cited in the agreement's preamble
  "UDHR", // noted in the agreement's preamble
];

describe("what led to the 2018 signature", () => {
  const answer = runQuery(graph, "what led to the 2018 signature?");

  it("is the chain a careful reader gives, and nothing unrelated", () => {
    expect(answer.status).toBe("ok");
    expect(answer.focus).toBe(SIGNATURE);
    expect(new Set(ids(answer))).toEqual(new Set(LED_TO_SIGNATURE));
    for (const unrelated of [
      "INTERPOL-GA-2021-RES-11",
      "INTERPOL-GA-2025-RES-03",
      "INTERPOL-IMPACT-COOPERATION-AGREEMENT",
      "ITU-DOC-PP18/47", // reports the signature: after it
      "ITU-PP-2018",
      "UNGA-RES-73/11",
    ])
      expect(ids(answer)).not.toContain(unrelated);
  });

  it("says how it understood the question", () => {
    expect(answer.interpretation).toBe(
      "Understood: what led to the signature of the ITU–INTERPOL Cooperation Agreement (Lyon, 26 March 2018)",
    );
  });

  it("lists the chain in date order, each node with the quoted edge that put it there", () => {
    const dates = answer.items.map((i) => i.date!);
    expect(dates).toEqual([...dates].sort());
    for (const item of answer.items) {
      expect(item.via, item.id).not.toBeNull();
      const via = item.via!;
      expect([via.source, via.target]).toContain(item.id);
      const text = readFileSync(`data/sources/${via.file}`, "utf8");
      expect(text.slice(via.start!, via.end!)).toBe(via.quote);
    }
    const res08 = answer.items.find((i) => i.id === "INTERPOL-GA-2017-RES-08")!;
    expect(res08.via).toMatchObject({ relation: "authorizes", target: SIGNATURE });
    expect(res08.via!.quote).toContain("DONNE MANDAT");
  });

  it("lists the undated texts it reached apart, without walking through them", () => {
    expect(answer.undated!.map((u) => u.id).sort()).toEqual([
      "INTERPOL-CONSTITUTION",
      "ITU-CONVENTION",
      "WSIS-ACTION-LINE-C5",
    ]);
    expect(answer.notes.join(" ")).toContain("undated");
  });

  it("gives every edge between the answer's nodes, each with its quote", () => {
    const inAnswer = new Set([SIGNATURE, ...ids(answer), ...answer.undated!.map((u) => u.id)]);
    expect(answer.edges.length).toBeGreaterThan(answer.nodes.length);
    for (const e of answer.edges) {
      expect(inAnswer.has(e.source) && inAnswer.has(e.target)).toBe(true);
      expect(e.quote).toBeTruthy();
    }
  });

  it("is the same answer in French, explained in French", () => {
    const fr = runQuery(graph, "qu'est-ce qui a mené à la signature de 2018");
    expect(new Set(ids(fr))).toEqual(new Set(LED_TO_SIGNATURE));
    expect(fr.interpretation).toBe(
      "Compris : ce qui a mené à « Signature de l'Accord de coopération entre l'UIT et INTERPOL (Lyon, 26 mars 2018) »",
    );
    expect(fr.notes[0]).toBe("16 nœuds, par date.");
  });
});

describe("other questions on the seed corpus", () => {
  it("what followed from the 2015 resolution", () => {
    const a = runQuery(graph, "what followed from the 2015 resolution");
    expect(new Set(ids(a))).toEqual(
      new Set([
        "ITU-INTERPOL-COOPERATION-AGREEMENT-DRAFT-2015",
        "INTERPOL-GA-2017-RES-08",
        AGREEMENT,
        SIGNATURE,
        "ITU-DOC-PP18/47",
      ]),
    );
  });

  it("a text that refers to a later event provides for it: it led to that event", () => {
    // Decision 598 (May 2017): "de charger le Secrétaire général de soumettre l'Accord à la
    // Conférence de plénipotentiaires … 2018".
    expect(ids(runQuery(graph, "what led to ITU PP-18"))).toContain("ITU-C-DEC-598");
    expect(ids(runQuery(graph, "what followed from Decision 598"))).toContain("ITU-PP-2018");
  });

  it("what still cites the 2008 resolution: its direct citers", () => {
    const a = runQuery(graph, "what still cites the 2008 resolution");
    expect(ids(a)).toEqual(["INTERPOL-GA-2021-RES-11", "INTERPOL-GA-2025-RES-03"]);
    expect(a.items.map((i) => i.via!.relation)).toEqual(["recalls", "notes"]);
  });

  it("qui cite la Décision 598", () => {
    const a = runQuery(graph, "qui cite la Décision 598");
    expect(ids(a)).toEqual(["INTERPOL-GA-2017-RES-08", "ITU-DOC-PP18/47"]);
    expect(a.lang).toBe("fr");
  });

  it("what does the 2025 resolution cite", () => {
    const a = runQuery(graph, "what does the 2025 resolution cite");
    expect(ids(a)).toEqual(
      expect.arrayContaining(["INTERPOL-GA-2008-RES-07", "UNGA-RES-51/1", "UN-CYBERCRIME-CONVENTION"]),
    );
    expect(ids(a)).not.toContain("INTERPOL-GA-SESSION-93"); // adopted by it: not a citation
  });

  it("path from the 2015 resolution to the 2018 signature follows history, in order", () => {
    const a = runQuery(graph, "path from the 2015 resolution to the 2018 signature");
    expect(ids(a)).toEqual(["INTERPOL-GA-2015-RES-12", "INTERPOL-GA-2017-RES-08", SIGNATURE]);
    expect(a.items.slice(1).map((i) => i.via!.relation)).toEqual(["recalls", "authorizes"]);
    expect(a.paths!.length).toBeGreaterThan(1);
    for (const p of a.paths!) expect(p.length).toBeLessThanOrEqual(4);
  });

  it("a path asked the wrong way round is given the right way, and says so", () => {
    const a = runQuery(graph, "path from the 2018 signature to the 2015 resolution");
    expect(ids(a)).toEqual(["INTERPOL-GA-2015-RES-12", "INTERPOL-GA-2017-RES-08", SIGNATURE]);
    expect(a.notes[0]).toMatch(/led to the signature .* so the path runs the other way/);
  });

  it("how two texts are connected goes either way, never through an organisation", () => {
    const a = runQuery(graph, "how is the INTERPOL-IMPACT agreement connected to the 2025 resolution?");
    expect(a.kind).toBe("connection");
    expect(ids(a)[0]).toBe("INTERPOL-IMPACT-COOPERATION-AGREEMENT");
    expect(ids(a).at(-1)).toBe("INTERPOL-GA-2025-RES-03");
    expect(ids(a)).toHaveLength(5);
    for (const n of a.nodes) expect(["organisation", "body"]).not.toContain(n.kind);
  });

  it("cuts two names at the 'and' that makes both of them names", () => {
    const a = runQuery(graph, "lien entre l'accord entre l'UIT et INTERPOL et la résolution de 2015");
    expect(a.focus).toBe(AGREEMENT);
    expect(a.other).toBe("INTERPOL-GA-2015-RES-12");
  });

  it("neighbours of Decision 598 are its neighbours in the graph", () => {
    const a = runQuery(graph, "neighbours of Decision 598");
    expect(new Set(ids(a))).toEqual(new Set(graph.neighbors("ITU-C-DEC-598")));
    const deeper = runQuery(graph, "neighbours of Decision 598 depth 2");
    expect(deeper.nodes.length).toBeGreaterThan(a.nodes.length);
  });

  it("a bare name focuses its node", () => {
    const a = runQuery(graph, "Decision 598");
    expect(a).toMatchObject({ kind: "node", status: "ok", focus: "ITU-C-DEC-598" });
    expect(a.interpretation).toBe("Understood: ITU Council Decision 598 (26 May 2017)");
    // A French name is answered in French.
    expect(runQuery(graph, "Décision 598").interpretation).toBe(
      "Compris : ITU Council Decision 598 (26 mai 2017)",
    );
  });

  it("an ambiguous name lists its candidates and answers nothing", () => {
    const a = runQuery(graph, "what led to the 2012 resolution");
    expect(a.status).toBe("ambiguous");
    expect(a.nodes).toEqual([]);
    expect(a.candidates!.map((c) => c.id)).toEqual([
      "INTERPOL-GA-2012-RES-08",
      "INTERPOL-GA-2012-RES-UNNUMBERED-C6C9A7",
    ]);
    expect(a.interpretation).toContain("the 2012 resolution");
    // Picking one asks the same question about it, however the question was spaced.
    const spaced = runQuery(graph, "what  led to   the 2012 resolution ?");
    expect(askAbout(spaced, "INTERPOL-GA-2012-RES-08")).toBe("what led to INTERPOL-GA-2012-RES-08");
    expect(runQuery(graph, askAbout(spaced, "INTERPOL-GA-2012-RES-08")).status).toBe("ok");
  });

  it("a question it does not know lists the forms it knows, in the question's language", () => {
    const a = runQuery(graph, "why was the agreement signed?");
    expect(a.status).toBe("not_understood");
    expect(a.forms).toContain("what led to X · origins of X");
    const fr = runQuery(graph, "pourquoi l'accord a-t-il été signé");
    expect(fr.forms).toContain("qui cite X");
  });

  it("an organisation has no history of its own, and the answer says so", () => {
    const a = runQuery(graph, "what led to INTERPOL");
    expect(a.status).toBe("ok");
    expect(a.nodes).toEqual([]);
    expect(a.notes[0]).toContain("organisation or a body");
  });
});

// ---------------------------------------------------------------------------------------------
// Generated graphs. The oracle knows only this table of which end comes first, and dates.

const FIRST: Partial<Record<Relation, "source" | "target">> = {
  cites: "target",
  recalls: "target",
  notes: "target",
  amends: "target",
  implements: "target",
  adopted_by: "target",
  approves: "source",
  authorizes: "source",
};

const isContext = (g: G, n: string) => ["organisation", "body"].includes(g.getNodeAttribute(n, "kind"));

/** A date of any precision as the days it may mean: [first, last] day numbers. */
function span(date: string): [number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number?, number?];
  const day = (yy: number, mm: number, dd: number) => Date.UTC(yy, mm, dd) / 86_400_000;
  if (d) return [day(y, m! - 1, d), day(y, m! - 1, d)];
  if (m) return [day(y, m - 1, 1), day(y, m, 0)];
  return [day(y, 0, 1), day(y, 11, 31)];
}

/**
 * The steps of history, from the definition: each edge read earlier → later (citations backwards,
 * approvals and authorizations forwards, a citation of something dated after the citing text
 * forwards), unless its dates put the earlier end after the later one. Later → earlier → the
 * strength (RELATION_STRENGTH) of the strongest edge between them.
 */
function oracleSteps(g: G): Map<string, Map<string, number>> {
  const date = (n: string) => g.getNodeAttribute(n, "date");
  const later = (a: string, b: string) => {
    const [da, db] = [date(a), date(b)];
    return !!da && !!db && span(da)[0] > span(db)[1];
  };
  const steps = new Map<string, Map<string, number>>();
  g.forEachEdge((_, e, s, t) => {
    const first = FIRST[e.relation];
    if (!first || isContext(g, s) || isContext(g, t) || s === t) return;
    const refers = e.relation !== "adopted_by";
    const forward = first === "source" || (refers && later(t, s));
    const [earlier, after] = forward ? [s, t] : [t, s];
    if (later(earlier, after)) return;
    const into = steps.get(after) ?? new Map<string, number>();
    into.set(earlier, Math.max(into.get(earlier) ?? 0, strength(e.relation)));
    steps.set(after, into);
  });
  return steps;
}

/**
 * What led to x, from the definition: every node a chain of steps reaches going back, where every
 * node on the chain can start no later than every node after it on the chain ends. Undated nodes
 * end a chain. A depth-first search over (node, bound) states.
 */
function oracleLedTo(g: G, x: string): Set<string> {
  const date = (n: string) => g.getNodeAttribute(n, "date");
  const steps = oracleSteps(g);
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (n: string, bound: number) => {
    for (const m of steps.get(n)?.keys() ?? []) {
      if (m === x) continue;
      const d = date(m);
      if (d && span(d)[0] > bound) continue;
      out.add(m);
      if (!d) continue; // undated: reached, not walked through
      const next = Math.min(bound, span(d)[1]);
      if (seen.has(`${m}|${next}`)) continue;
      seen.add(`${m}|${next}`);
      walk(m, next);
    }
  };
  walk(x, date(x) ? span(date(x)!)[1] : Infinity);
  return out;
}

/**
 * The same walk breadth first, for what an answer says of each node: its depth, the fewest steps
 * of any such chain from x; and the strength of the strongest step into it from a node that many
 * steps less one reach, with a bound that lets it in. Going forward ("what followed from x") is
 * going back along the steps reversed, in mirrored time.
 */
function oracleHistory(
  g: G,
  x: string,
  way: "back" | "forward",
): Map<string, { depth: number; strength: number }> {
  const days = (n: string): [number, number] | null => {
    const date = g.getNodeAttribute(n, "date");
    if (!date) return null;
    const [first, last] = span(date);
    return way === "back" ? [first, last] : [-last, -first];
  };
  const steps = new Map<string, Map<string, number>>();
  for (const [later, earlier] of oracleSteps(g))
    for (const [e, s] of earlier) {
      const [from, to] = way === "back" ? [later, e] : [e, later];
      steps.set(from, (steps.get(from) ?? new Map<string, number>()).set(to, s));
    }
  const out = new Map<string, { depth: number; strength: number }>();
  const start: [string, number] = [x, days(x)?.[1] ?? Infinity];
  const seen = new Set([start.join("|")]);
  let level = [start];
  for (let depth = 1; level.length; depth++) {
    const next: [string, number][] = [];
    for (const [n, bound] of level)
      for (const [m, s] of steps.get(n) ?? []) {
        const d = days(m);
        if (m === x || (d && d[0] > bound)) continue;
        const known = out.get(m);
        if (!known) out.set(m, { depth, strength: s });
        else if (known.depth === depth) known.strength = Math.max(known.strength, s);
        if (!d) continue;
        const state: [string, number] = [m, Math.min(bound, d[1])];
        if (seen.has(state.join("|"))) continue;
        seen.add(state.join("|"));
        next.push(state);
      }
    level = next;
  }
  return out;
}

/** Undirected distances, organisations and bodies only at the ends (Floyd–Warshall). */
function oracleDistance(g: G, x: string, y: string): number {
  const nodes = g.nodes();
  const idx = new Map(nodes.map((n, i) => [n, i]));
  const d = nodes.map((a) => nodes.map((b) => (a === b ? 0 : Infinity)));
  g.forEachEdge((_, __, s, t) => {
    d[idx.get(s)!]![idx.get(t)!] = 1;
    d[idx.get(t)!]![idx.get(s)!] = 1;
  });
  for (const k of nodes) {
    if (isContext(g, k) && k !== x && k !== y) continue;
    const ki = idx.get(k)!;
    for (let i = 0; i < nodes.length; i++)
      for (let j = 0; j < nodes.length; j++)
        if (d[i]![ki]! + d[ki]![j]! < d[i]![j]!) d[i]![j] = d[i]![ki]! + d[ki]![j]!;
  }
  return d[idx.get(x)!]![idx.get(y)!]!;
}

/** A dated resolution, and a citation between two nodes, for graphs written out by hand. */
const text = (g: G, id: string, date: string, label = id) =>
  g.addNode(id, { kind: "resolution", label, aliases: [], origin: "source", date });
const cite = (g: G, s: string, t: string) =>
  g.mergeDirectedEdgeWithKey(`${s}|cites|${t}`, s, t, {
    relation: "cites",
    clause: "cites",
    quote: `${s} cites ${t}`,
    source: "generated",
    method: "curated",
    confidence: 1,
    occurrences: 1,
  });

/** Texts with their dates, and who cites whom ("A B": A cites B). */
function citing(dates: Record<string, string>, cites: string[]): G {
  const g: G = new MultiDirectedGraph();
  for (const [id, date] of Object.entries(dates)) text(g, id, date);
  for (const [s, t] of cites.map((p) => p.split(" "))) cite(g, s!, t!);
  return g;
}

describe("time along a chain", () => {
  it("a year-only text does not let a later one through: 2018-11-20 did not lead to 2018-03-01", () => {
    const g: G = new MultiDirectedGraph();
    for (const [id, date] of [
      ["LATE", "2018-11-20"],
      ["YEAR", "2018"],
      ["EARLY", "2018-03-01"],
    ] as const)
      text(g, id, date);
    cite(g, "YEAR", "LATE"); // "2018" may be December: it may cite November
    cite(g, "EARLY", "YEAR"); // and March may cite "2018" (it may be January)
    expect(ids(runQuery(g, "what led to EARLY"))).toEqual(["YEAR"]);
    expect(ids(runQuery(g, "what followed from LATE"))).toEqual(["YEAR"]);
  });
});

describe("long histories", () => {
  it("a chain hundreds of steps deep, with dates of every precision, is walked to its end", () => {
    // Hundreds of levels, with year- and month-only texts whose bounds are loosened by later ways
    // in: nodes settled, left loose, and walked on from again, level after level.
    const chain = fc.array(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.constantFrom(4, 7, 10), fc.nat()), {
      minLength: 400,
      maxLength: 450,
    });
    fc.assert(
      fc.property(chain, (rows) => {
        const g: G = new MultiDirectedGraph();
        rows.forEach(([back, precision, pick], i) => {
          const day = new Date(Date.UTC(1900, 0, 1 + 40 * i)).toISOString();
          text(g, `T${i}`, day.slice(0, precision));
          for (let k = 1; k <= back && i - k >= 0; k++)
            if (k === 1 || pick % k === 0) cite(g, `T${i}`, `T${i - k}`);
        });
        const last = `T${rows.length - 1}`;
        const ledTo = new Set(ids(runQuery(g, `what led to ${last}`)));
        expect(ledTo).toEqual(oracleLedTo(g, last));
        expect(ids(runQuery(g, "what followed from T0")).includes(last)).toBe(ledTo.has("T0"));
      }),
      { numRuns: 10 },
    );
  });

  it("a year-only text reached first by a tight way and later by a looser one is walked on from again", () => {
    // O → M (March) → YEAR bounds YEAR's past at March; O → P → L (November) → YEAR, one step
    // further, lets Q (June) in.
    const g = citing(
      { O: "2019-01-01", M: "2018-03-01", P: "2018-12-01", L: "2018-11-20", YEAR: "2018", Q: "2018-06-01" },
      ["O M", "M YEAR", "O P", "P L", "L YEAR", "YEAR Q"],
    );
    expect(new Set(ids(runQuery(g, "what led to O")))).toEqual(new Set(["M", "P", "L", "YEAR", "Q"]));
    expect(ids(runQuery(g, "what led to M"))).toEqual(["YEAR"]);
  });

  it("a node whose bound an earlier node of its own level loosens is walked on from with that bound a level later", () => {
    // O → P (February) → X (2001) → Z (June) is refused: P bounds X's past at February. X is
    // reached on the same level by Y (October), with a looser bound: Z is four steps from O.
    const g = citing({ O: "2002", Q: "2001-11", P: "2001-02", Y: "2001-10", X: "2001", Z: "2001-06" }, [
      "O Q",
      "O P",
      "Q Y",
      "P X",
      "Y X",
      "X Z",
    ]);
    const depths = Object.fromEntries(runQuery(g, "what led to O").items.map((i) => [i.id, i.depth]));
    expect(depths).toEqual({ Q: 1, P: 1, Y: 2, X: 2, Z: 4 });
  });

  it("many texts of one day are listed nearest first, then by label", () => {
    const g: G = new MultiDirectedGraph();
    text(g, "X", "2020-01-01");
    const labels = Array.from(
      { length: 60 },
      (_, i) => `Resolution ${String((i * 37) % 60).padStart(2, "0")}`,
    );
    labels.forEach((label, i) => text(g, `A${i}`, "2019-06-01", label));
    // One in three is reached only through another text of the same day: one step further.
    labels.forEach((_, i) => cite(g, i % 3 ? "X" : `A${i + 1}`, `A${i}`));
    const items = runQuery(g, "what led to X").items;
    const expected = labels
      .map((label, i) => ({ label, depth: i % 3 ? 1 : 2 }))
      .sort((a, b) => a.depth - b.depth || (a.label < b.label ? -1 : 1));
    expect(items.map((i) => [i.depth, i.label])).toEqual(expected.map((e) => [e.depth, e.label]));
  });
});

describe("a graph that changes", () => {
  it("is answered as it is now, not as it was at the first question", () => {
    const g: G = new MultiDirectedGraph();
    const add = (id: string, date: string) =>
      g.addNode(id, { kind: "resolution", label: id, aliases: [], origin: "source", date });
    add("A", "2001");
    add("B", "2002");
    expect(ids(runQuery(g, "what led to B"))).toEqual([]);
    g.addDirectedEdgeWithKey("B|recalls|A", "B", "A", {
      relation: "recalls",
      clause: "RECALLING",
      quote: "RECALLING A",
      source: "generated",
      method: "curated",
      confidence: 1,
      occurrences: 1,
    });
    expect(ids(runQuery(g, "what led to B"))).toEqual(["A"]);
    add("C", "2003");
    expect(runQuery(g, "what led to C").notes).toEqual(["Nothing in this corpus led to C (2003)."]);
  });
});

describe("queries on generated graphs", () => {
  it("what led to X is every earlier node a dated chain of influence reaches", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        for (const x of g.nodes()) {
          if (isContext(g, x)) continue;
          const a = runQuery(g, `what led to ${x}`);
          const got = new Set([...ids(a), ...(a.undated ?? []).map((u) => u.id)]);
          expect(got).toEqual(oracleLedTo(g, x));
          const dx = g.getNodeAttribute(x, "date");
          if (dx) for (const n of a.nodes) expect(span(n.date!)[0]).toBeLessThanOrEqual(span(dx)[1]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a history gives each node its fewest steps from X and the strongest way in from the step before", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        for (const x of g.nodes()) {
          if (isContext(g, x)) continue;
          for (const [way, q] of [
            ["back", `what led to ${x}`],
            ["forward", `what followed from ${x}`],
          ] as const) {
            const a = runQuery(g, q);
            const expected = oracleHistory(g, x, way);
            const items = [...a.items, ...(a.undated ?? [])];
            expect(items.length).toBe(expected.size);
            for (const item of items)
              expect([item.id, item.depth, strength(item.via!.relation)]).toEqual([
                item.id,
                expected.get(item.id)!.depth,
                expected.get(item.id)!.strength,
              ]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a history lists by date, nearest first on one date, then by label; the edge it gives touches the node", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        for (const x of g.nodes()) {
          for (const q of [`what led to ${x}`, `what followed from ${x}`]) {
            const { items } = runQuery(g, q);
            for (let k = 1; k < items.length; k++) {
              const [a, b] = [items[k - 1]!, items[k]!];
              const order = a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : Math.sign(a.depth - b.depth);
              expect(order || (a.label <= b.label ? -1 : 1)).toBe(-1);
            }
            for (const i of items) expect([i.via!.source, i.via!.target]).toContain(i.id);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a long history lists a session's many texts of one day by label, each with its own way in", () => {
    // 40 resolutions of one session day, cited by the last in shuffled order, and 8 of a second
    // day cited by the first day's: runs of one date and depth longer and shorter than a few.
    const g: G = new MultiDirectedGraph();
    const add = (id: string, label: string, date: string) =>
      g.addNode(id, { kind: "resolution", label, aliases: [], origin: "source", date });
    const cite = (from: string, to: string, relation: Relation) =>
      g.addDirectedEdge(from, to, {
        relation,
        clause: relation,
        quote: `${from} ${relation} ${to}`,
        source: "generated",
        method: "extracted",
        confidence: 1,
        occurrences: 1,
      });
    add("LAST", "Last", "2020-01-01");
    const first = Array.from({ length: 40 }, (_, i) => `F${(i * 17) % 40}`);
    for (const id of first) add(id, `Day one ${id.slice(1).padStart(2, "0")}`, "2001-06-01");
    const second = Array.from({ length: 8 }, (_, i) => `S${(i * 5) % 8}`);
    for (const id of second) add(id, `Day zero ${id.slice(1)}`, "2000-06-01");
    first.forEach((id, i) => cite("LAST", id, i % 2 ? "recalls" : "amends"));
    for (const id of second) cite(first[0]!, id, "notes");
    const { items } = runQuery(g, "what led to LAST");
    expect(items.map((i) => i.label)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `Day zero ${i}`),
      ...Array.from({ length: 40 }, (_, i) => `Day one ${String(i).padStart(2, "0")}`),
    ]);
    for (const item of items) {
      expect(item.depth).toBe(item.id.startsWith("S") ? 2 : 1);
      expect(item.via!.target).toBe(item.id);
      expect(item.via!.relation).toBe(
        item.id.startsWith("S") ? "notes" : first.indexOf(item.id) % 2 ? "recalls" : "amends",
      );
    }
  });

  it("what cites a text, and what it cites, list by date then label, the same walked through graphology and read off the reference index", () => {
    fc.assert(
      fc.property(arbGraph, fc.boolean(), fc.boolean(), (g, clash, pad) => {
        // Labels that clash now and then (ties keep the order the citing edges are walked in),
        // and now and then an empty date, which is no date.
        if (clash)
          g.updateEachNodeAttributes((id, a) => {
            const n = Number(id.slice(1));
            return { ...a, label: `L${n % 3}`, ...(n % 5 === 4 ? { date: "" } : {}) };
          });
        // Texts citing nothing, so that an answer is short for the graph: sorted by comparing,
        // not by counting.
        if (pad)
          for (let i = 0; i < 300; i++)
            g.addNode(`P${i}`, { kind: "resolution", label: `P${i}`, aliases: [], origin: "reference" });
        const questions = g.nodes().flatMap((x) => [`what cites ${x}`, `what does ${x} cite`]);
        const asked = (graph: G) => questions.map((q) => runQuery(graph, q).items);
        const before = asked(g.copy());
        const rx = indexOf(g, REFERENCES);
        const after = asked(g);
        expect(after).toEqual(before);
        // Read off the index unless an organisation or a body is among the answer.
        for (const [i, items] of after.entries())
          if (!items.some((item) => CONTEXT_KINDS.has(item.kind))) {
            const way = questions[i]!.startsWith("what cites") ? "in" : "out";
            const read = directReferences(rx, questions[i]!.split(" ")[2]!, way);
            expect(read?.ids).toEqual(items.map((item) => item.id));
          }
        for (const items of after)
          for (let j = 1; j < items.length; j++) {
            const [a, b] = [items[j - 1]!, items[j]!];
            const order = compare(a.date ?? "\uffff", b.date ?? "\uffff") || compare(a.label, b.label);
            expect(order).toBeLessThanOrEqual(0);
          }
      }),
      { numRuns: 100 },
    );
  });

  it("an answer reads the same whichever way it is read: its lists, spread, or as JSON", () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(), (g, i) => {
        const q = `what led to N${i % g.order}`;
        const [direct, spread, json] = [runQuery(g, q), { ...runQuery(g, q) }, runQuery(g, q)];
        const parsed = JSON.parse(JSON.stringify(json)) as Answer;
        expect(parsed.items).toEqual(direct.items);
        expect(parsed.nodes).toEqual(direct.nodes);
        expect(parsed.edges).toEqual(direct.edges);
        expect(spread.items).toEqual(direct.items);
        expect(spread.edges).toEqual(direct.edges);
      }),
      { numRuns: 100 },
    );
  });

  it("a long answer read a page at a time reads as its whole lists, even after other questions", () => {
    // Pages, ids, count and the keys to light, as the explorer reads them, against the items and
    // edges made whole, and against keys looked up from the edge records. A history's answer is
    // read after another walk has reused the index's working space.
    fc.assert(
      fc.property(arbGraph, fc.nat(), fc.nat(), fc.nat(), (g, i, from, size) => {
        const x = `N${i % g.order}`;
        for (const q of [
          `what led to ${x}`,
          `what followed from ${x}`,
          `what cites ${x}`,
          `what does ${x} cite`,
        ]) {
          const paged = runQuery(g, q);
          runQuery(g, `what led to N${(i + 1) % g.order}`);
          const whole = runQuery(g, q);
          const [a, b] = [from % (whole.items.length + 2), (from % (whole.items.length + 2)) + (size % 5)];
          expect(answerPage(paged, a, b)).toEqual(whole.items.slice(a, b));
          expect(answerCount(paged)).toBe(whole.items.length);
          expect(answerIds(paged)).toEqual(whole.items.map((item) => item.id));
          const looked = answerKeys(g, { ...whole, items: [...whole.items], edges: [...whole.edges] });
          expect(answerKeys(g, paged)).toEqual(looked);
          expect(paged.edges).toEqual(whole.edges);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("what followed from X is the mirror: Y followed from X exactly when X led to Y", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        const dated = g.filterNodes((n, a) => !!a.date && !isContext(g, n));
        const led = new Map(dated.map((y) => [y, new Set(ids(runQuery(g, `what led to ${y}`)))]));
        for (const x of dated) {
          const followed = new Set(ids(runQuery(g, `what followed from ${x}`)));
          for (const y of dated) expect(followed.has(y)).toBe(led.get(y)!.has(x));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("how X is connected to Y: a real path, as short as any, never through an organisation", () => {
    fc.assert(
      fc.property(arbGraph, fc.nat(), fc.nat(), (g, i, j) => {
        const x = `N${i % g.order}`;
        const y = `N${j % g.order}`;
        if (x === y) return;
        const a = runQuery(g, `how is ${x} connected to ${y}`);
        const distance = oracleDistance(g, x, y);
        if (distance === Infinity) {
          expect(a.nodes).toEqual([]);
          expect(a.notes.join(" ")).toContain("not connected");
          return;
        }
        expect(ids(a).length - 1).toBe(distance);
        expect(ids(a)[0]).toBe(x);
        expect(ids(a).at(-1)).toBe(y);
        const path = ids(a);
        for (let k = 1; k < path.length; k++) expect(g.areNeighbors(path[k - 1], path[k])).toBe(true);
        for (const n of path.slice(1, -1)) expect(isContext(g, n)).toBe(false);
        for (const p of a.paths!) expect(new Set(p).size).toBe(p.length); // simple
      }),
      { numRuns: 200 },
    );
  });

  it("the paths listed are every simple path within a step of the shortest, as a search of the whole graph finds them", () => {
    // The whole graph's simple paths up to the bound, sorted as answers sort them, after the
    // shortest path given (any shortest path will do): what shortPaths gives by searching only
    // near both ends. The graphs searched are built here from the definition: every relation
    // between two nodes that are not context, either way; and the steps of history.
    const everyPath = (graph: AbstractGraph, from: string, to: string, given: string[] | undefined) => {
      const shortest = bidirectional(graph, from, to);
      if (!shortest) return null;
      expect(given?.length).toBe(shortest.length);
      for (let k = 1; k < given!.length; k++)
        expect(graph.hasEdge(given![k - 1]!, given![k]!), `${given!.join(" → ")}`).toBe(true);
      const bound = Math.min(shortest.length - 1 + PATH_SLACK, MAX_PATH_STEPS);
      if (shortest.length - 1 > bound) return [given];
      const others = allSimplePaths(graph, from, to, { maxDepth: bound })
        .filter((p) => p.join() !== given!.join())
        .sort((a, b) => a.length - b.length || (a.join() < b.join() ? -1 : 1));
      return [given, ...others].slice(0, MAX_PATHS);
    };
    fc.assert(
      fc.property(arbGraph, fc.nat(), fc.nat(), (g, i, j) => {
        const [x, y] = [`N${i % g.order}`, `N${j % g.order}`];
        if (x === y) return;
        const connections = new UndirectedGraph();
        g.forEachNode((n) => connections.addNode(n));
        g.forEachEdge((_, __, s, t) => {
          if (s !== t && !isContext(g, s) && !isContext(g, t)) connections.mergeEdge(s, t);
        });
        const influence = new DirectedGraph();
        g.forEachNode((n) => (isContext(g, n) ? null : influence.addNode(n)));
        for (const [later, earlier] of oracleSteps(g))
          for (const e of earlier.keys()) influence.mergeEdge(e, later);
        for (const [graph, paths] of [
          [connections, connectionGraph(g)],
          [influence, influencePaths(g)],
        ] as const)
          if (graph.hasNode(x) && graph.hasNode(y)) {
            const got = shortPaths(paths, x, y);
            expect(got).toEqual(everyPath(graph, x, y, got?.[0]));
          }
        // An organisation or body at an end brings its own edges, to the other end if context too.
        const withTheirs = connections.copy();
        for (const end of [x, y])
          if (isContext(g, end))
            g.forEachNeighbor(end, (n) => {
              if (n !== end && (!isContext(g, n) || [x, y].includes(n))) withTheirs.mergeEdge(end, n);
            });
        const got = withEnds(g, [x, y], (c) => shortPaths(c, x, y));
        expect(got).toEqual(everyPath(withTheirs, x, y, got?.[0]));
      }),
      { numRuns: 300 },
    );
  });

  it("what cites X is exactly X's citers", () => {
    fc.assert(
      fc.property(arbGraph, (g) => {
        for (const x of g.nodes()) {
          const expected = new Set(
            g
              .filterInEdges(x, (_, e) => !["part_of", "adopted_by"].includes(e.relation))
              .map((k) => g.source(k)),
          );
          expect(new Set(ids(runQuery(g, `what cites ${x}`)))).toEqual(expected);
        }
      }),
      { numRuns: 100 },
    );
  });
});
