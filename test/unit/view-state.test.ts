// The explorer's view state: URL encoding and decoding, filters, search — the pure logic the
// canvas and panels stand on, tested on the seed graph.
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build";
import { readDir } from "../../src/cli/io";
import fc from "fast-check";
import {
  countVisible,
  organisationChoices,
  organisationsOf,
  toggled,
  visibleGraph,
  yearOf,
} from "../../src/app/state/filters";
import { SUMMARY, summaryOf, type Tick } from "../../src/app/state/summary";
import { fractionalYear } from "../../src/app/layout/chronological";
import { CONTEXT_KINDS } from "../../src/query/history";
import { buildInSteps, finish, isBuilt } from "../../src/query/memo";
import { arbGraph } from "./arbitraries";
import { DEFAULT_VIEW, decodeView, encodeView, type ViewState } from "../../src/app/state/viewState";
import type { EdgeAttributes, NodeAttributes } from "../../src/model/graph";
import { NodeSearch, nodeSearchOf, searchDocOf } from "../../src/query/search";

const { graph } = buildGraph(readDir("data/sources", /\.txt$/), readDir("data/registry", /\.yaml$/));

describe("the view in the URL", () => {
  it("encodes only what differs from the default, and decodes back to the same view", () => {
    expect(encodeView(DEFAULT_VIEW)).toBe("");
    const view: ViewState = {
      selected: "ITU-C-DEC-598",
      kinds: ["resolution", "decision"],
      relations: ["recalls", "approves"],
      orgs: ["INTERPOL"],
      years: [2015, 2025],
      layout: "force",
      camera: { x: 0.5, y: 0.25, ratio: 0.8 },
      lang: "fr",
      query: "qu'est-ce qui a mené à la signature de 2018 ?",
      data: null,
      story: null,
      step: null,
      asOf: null,
      theme: "light",
    };
    const search = encodeView(view);
    expect(search).toBe(
      "sel=ITU-C-DEC-598&kinds=resolution%2Cdecision&rel=recalls%2Capproves&org=INTERPOL&from=2015&to=2025&layout=force&cam=0.5%2C0.25%2C0.8&lang=fr&q=qu%27est-ce+qui+a+men%C3%A9+%C3%A0+la+signature+de+2018+%3F",
    );
    expect(decodeView(search)).toEqual({ view, problems: [] });
  });

  it("keeps a camera close in on a crowded timeline as precisely as one farther out", () => {
    for (const ratio of [0.8, 0.05, 0.0033, 0.00004]) {
      const camera = { x: 0.123456789, y: 0.987654321, ratio: ratio * 1.2345 };
      const back = decodeView(encodeView({ ...DEFAULT_VIEW, camera })).view.camera!;
      // Within a thousandth of what the camera shows.
      expect(Math.abs(back.x - camera.x)).toBeLessThan(camera.ratio / 1000);
      expect(Math.abs(back.y - camera.y)).toBeLessThan(camera.ratio / 1000);
      expect(Math.abs(back.ratio / camera.ratio - 1)).toBeLessThan(1e-3);
    }
    expect(encodeView({ ...DEFAULT_VIEW, camera: { x: 0.5, y: 0.25, ratio: 0.8 } })).toBe(
      "cam=0.5%2C0.25%2C0.8",
    );
  });

  it("keeps ids with slashes, as UN and ITU ids have", () => {
    expect(decodeView(encodeView({ ...DEFAULT_VIEW, selected: "ITU-DOC-C17/65" })).view.selected).toBe(
      "ITU-DOC-C17/65",
    );
  });

  it("drops what is malformed, says which parameter, and keeps the rest", () => {
    const { view, problems } = decodeView(
      "?sel=<script>alert(1)</script>&kinds=resolution,bogus&rel=cites&from=2015&to=abc&layout=3d&cam=1,2&lang=de",
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, kinds: ["resolution"], relations: ["cites"] });
    expect(problems).toEqual([
      "sel: malformed id ignored",
      'kinds: unknown value "bogus" ignored',
      'to: "abc" is not a year between 1800 and 2200; ignored',
      "from/to: a year range needs both ends; ignored",
      "layout: unknown layout ignored",
      "cam: not three finite numbers x,y,ratio; ignored",
      "lang: unknown language ignored",
    ]);
  });

  it("keeps a query as the text it is, and drops one no one typed", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    expect(decodeView(`q=${encodeURIComponent(hostile)}`).view.query).toBe(hostile); // text, shown as text
    const { view, problems } = decodeView(`q=${"a".repeat(301)}`);
    expect(view.query).toBeNull();
    expect(problems).toEqual(["q: not a question of at most 300 printable characters; ignored"]);
    expect(decodeView("q=what%0Aled").problems).toHaveLength(1);
    expect(decodeView("q=%20%20").view.query).toBeNull();
  });

  it("takes a data URL only over http(s) or on this site", () => {
    expect(decodeView("data=exports%2Fgraph.gexf").view.data).toBe("exports/graph.gexf");
    expect(decodeView("data=https%3A%2F%2Fexample.org%2Fg.json").view.data).toBe(
      "https://example.org/g.json",
    );
    for (const bad of ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "a b"]) {
      const { view, problems } = decodeView(`data=${encodeURIComponent(bad)}`);
      expect(view.data).toBeNull();
      expect(problems).toEqual(["data: not an http(s) or relative URL; ignored"]);
    }
  });

  it("orders a reversed year range", () => {
    expect(decodeView("from=2025&to=2015").view.years).toEqual([2015, 2025]);
  });
});

describe("filters", () => {
  it("shows everything by default: sets of every node and edge, made without listing them", () => {
    const v = visibleGraph(graph, DEFAULT_VIEW);
    expect(new Set(v.nodes)).toEqual(new Set(graph.nodes()));
    expect(new Set(v.edges)).toEqual(new Set(graph.edges()));
    expect([...v.nodes.keys()]).toEqual(graph.nodes());
    expect([...v.edges.entries()].every(([a, b]) => a === b && graph.hasEdge(a))).toBe(true);
    const seen: string[] = [];
    v.nodes.forEach((id) => seen.push(id));
    expect(seen).toEqual(graph.nodes());
    expect(v.nodes.has("INTERPOL-GA-2008-RES-07")).toBe(true);
    expect(v.nodes.has("NO-SUCH-NODE")).toBe(false);
    expect(v.edges.has("NO-SUCH-EDGE")).toBe(false);
    // Filtering by every kind there is gives the same sets, built.
    const built = visibleGraph(graph, {
      ...DEFAULT_VIEW,
      kinds: [...new Set(graph.mapNodes((_, a) => a.kind))],
    });
    expect(new Set(built.nodes)).toEqual(new Set(v.nodes));
    expect(new Set(built.edges)).toEqual(new Set(v.edges));
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
  });

  it("narrows to INTERPOL texts since 2015, and the edges between them", () => {
    const v = visibleGraph(graph, {
      ...DEFAULT_VIEW,
      orgs: ["INTERPOL"],
      years: [2015, 2030],
      kinds: ["resolution"],
    });
    expect([...v.nodes].sort()).toEqual([
      "INTERPOL-GA-2015-RES-12",
      "INTERPOL-GA-2017-RES-08",
      "INTERPOL-GA-2019-RES-11",
      "INTERPOL-GA-2021-RES-11",
      "INTERPOL-GA-2022-RES-01",
      "INTERPOL-GA-2022-RES-05",
      "INTERPOL-GA-2023-RES-12",
      "INTERPOL-GA-2025-RES-03",
    ]);
    for (const e of v.edges) {
      expect(v.nodes.has(graph.source(e))).toBe(true);
      expect(v.nodes.has(graph.target(e))).toBe(true);
    }
    expect(countVisible(graph, v).kinds).toEqual({ resolution: 8 });
  });

  it("hides edges of relations filtered out, and undated nodes when a year range is set", () => {
    const v = visibleGraph(graph, { ...DEFAULT_VIEW, relations: ["recalls"], years: [1900, 2100] });
    expect([...v.edges].every((e) => graph.getEdgeAttribute(e, "relation") === "recalls")).toBe(true);
    expect(v.nodes.has("INTERPOL-CONSTITUTION")).toBe(false);
  });

  it("finds a node's organisation through its issuing body, or through who signed it", () => {
    expect(organisationsOf(graph, "INTERPOL-GA-2017-RES-08")).toEqual(["INTERPOL"]);
    expect(organisationsOf(graph, "ITU-C-DEC-598")).toEqual(["ITU"]);
    expect(organisationsOf(graph, "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018").sort()).toEqual([
      "INTERPOL",
      "ITU",
    ]);
    expect(organisationsOf(graph, "ITU-INTERPOL-COOPERATION-AGREEMENT").sort()).toEqual(["INTERPOL", "ITU"]);
    const interpolSince2015 = visibleGraph(graph, {
      ...DEFAULT_VIEW,
      orgs: ["INTERPOL"],
      years: [2015, 2030],
    });
    expect(interpolSince2015.nodes.has("ITU-INTERPOL-COOPERATION-AGREEMENT")).toBe(true);
  });

  it("toggles an entry off from 'all', back on, and returns to 'all' (null) when everything is shown", () => {
    const all = ["a", "b", "c"] as const;
    expect(toggled(null, "b", all)).toEqual(["a", "c"]);
    expect(toggled(["a", "c"], "b", all)).toBeNull();
    expect(toggled(["a"], "a", all)).toEqual([]);
  });
});

describe("the summary the legend and the timeline show", () => {
  // The timeline's ticks as it made them itself before: every dated text, earliest first.
  const ticksOf = (g: AbstractGraph<NodeAttributes, EdgeAttributes>) =>
    g
      .mapNodes((id, a) => ({ id, kind: a.kind, time: a.date ? fractionalYear(a.date) : undefined }))
      .filter((t): t is Tick => t.time !== undefined && !CONTEXT_KINDS.has(t.kind))
      .sort((a, b) => a.time - b.time);
  // Every node and edge counted as the legend counts a filtered view's.
  const countAll = (g: AbstractGraph<NodeAttributes, EdgeAttributes>) =>
    countVisible(g, visibleGraph(g, DEFAULT_VIEW));
  const yearsOf = (g: AbstractGraph<NodeAttributes, EdgeAttributes>): [number, number] | null => {
    const years = g.mapNodes((_, a) => yearOf(a.date)).filter((y): y is number => y !== null);
    return years.length ? [Math.min(...years), Math.max(...years)] : null;
  };
  const expected = (g: AbstractGraph<NodeAttributes, EdgeAttributes>) => ({
    counts: countAll(g),
    organisations: organisationChoices(g),
    years: yearsOf(g),
    ticks: ticksOf(g),
  });

  it("spans the years of the dated nodes", () => {
    expect(summaryOf(graph).years).toEqual([1948, 2025]);
  });

  it("counts kinds, relations and organisations, spans the years and lists the dated texts, as the seeds have them", () => {
    const summary = summaryOf(graph);
    expect(summary).toEqual(expected(graph));
    expect(summary.organisations.map((o) => o.id)).toContain("INTERPOL");
    expect(summary.ticks.length).toBeGreaterThan(20);
  });

  it("equals the counts made one by one on generated graphs", () => {
    fc.assert(fc.property(arbGraph, (g) => void expect(finish(SUMMARY.build(g))).toEqual(expected(g))));
  });

  it("is built in parts on a large graph, and again once the graph changes", () => {
    const g = graph.copy();
    for (let i = 0; i < 5_000; i++)
      g.addNode(`X${i}`, {
        kind: "resolution",
        label: `X${i}`,
        aliases: [],
        origin: "reference",
        date: "1999",
      });
    const steps = [
      ...(function* () {
        return yield* buildInSteps(g, SUMMARY);
      })(),
    ];
    expect(steps.length).toBeGreaterThan(2);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(isBuilt(g, SUMMARY)).toBe(true);
    expect(summaryOf(g).counts.kinds.resolution).toBe((countAll(graph).kinds.resolution ?? 0) + 5_000);
    g.dropNode("X0");
    expect(isBuilt(g, SUMMARY)).toBe(false);
    expect(summaryOf(g).counts.kinds.resolution).toBe((countAll(graph).kinds.resolution ?? 0) + 4_999);
  });
});

describe("search", () => {
  const search = nodeSearchOf(graph);
  const first = (q: string) => search.search(q)[0]?.id;

  it.each([
    ["decision 598", "ITU-C-DEC-598"],
    ["Décision 598", "ITU-C-DEC-598"],
    ["ag-2008-res-07", "INTERPOL-GA-2008-RES-07"],
    ["GA-2017-86-RES-08", "INTERPOL-GA-2017-RES-08"],
    ["INTERPOL-GA-2017-RES-08", "INTERPOL-GA-2017-RES-08"],
    ["C17/65", "ITU-DOC-C17/65"],
    ["convention cybercriminalite", "UN-CYBERCRIME-CONVENTION"],
    ["Vienna Declaration", "INTERPOL-VIENNA-DECLARATION-2023"],
    ["signature lyon", "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018"],
  ])("«%s» finds %s first", (query, id) => {
    expect(first(query)).toBe(id);
  });

  it("finds by title words in either language, accent- and case-insensitively", () => {
    expect(search.search("cybercriminalite").map((h) => h.id)).toContain("UN-CYBERCRIME-CONVENTION");
    expect(search.search("CYBERCRIME").map((h) => h.id)).toContain("UN-CYBERCRIME-CONVENTION");
  });

  it("tolerates a typo in a word but not in a number", () => {
    expect(first("decsion 598")).toBe("ITU-C-DEC-598");
    expect(search.search("decision 597")).toEqual([]);
  });

  it("returns nothing for nothing", () => {
    expect(search.search("   ")).toEqual([]);
  });

  it("asks the index without words found in more than half the nodes, and lists the nodes that have them first", () => {
    const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    for (let i = 0; i < 10; i++)
      g.addNode(`R${i}`, {
        kind: "resolution",
        label: `INTERPOL resolution ${i}`,
        aliases: [],
        origin: "source",
        title: { en: `INTERPOL on topic ${i}` },
      });
    g.addNode("CONV", { kind: "convention", label: "Cybercrime convention", aliases: [], origin: "source" });
    const ids = (q: string) =>
      nodeSearchOf(g)
        .search(q)
        .map((h) => h.id);
    // "interpol" is in ten nodes of eleven: the convention is found by its own word.
    expect(ids("interpol cybercrime")).toEqual(["CONV"]);
    expect(ids("interpol resolution 7")).toEqual(["R7"]);
    // Nodes that have the word left out come first.
    g.addNode("D7", { kind: "decision", label: "Decision 7", aliases: ["7", "D 7"], origin: "source" });
    expect(ids("interpol 7")).toEqual(["R7", "D7"]);
    // A word in fewer than half the nodes still narrows: "special" and "cybercrime" are never together.
    for (const i of [1, 2]) g.updateNodeAttribute(`R${i}`, "label", () => `Special resolution ${i}`);
    expect(ids("special cybercrime")).toEqual([]);
    expect(ids("special interpol 2")).toEqual(["R2"]);
    // Alone, a common word is still looked up.
    expect(ids("interpol")).toHaveLength(10);
  });
});

describe("search by name (the search box's worker)", () => {
  const byName = (g: AbstractGraph<NodeAttributes, EdgeAttributes>) => {
    const search = new NodeSearch({ byName: true, namesOnlyUpTo: 2 });
    g.forEachNode((id, a) => search.add(searchDocOf(id, a)));
    search.seal();
    return (q: string, limit = 4, scored = false) => search.search(q, limit, scored).map((h) => h.id);
  };

  it("lists the nodes a prefix of many names begins, shortest name first, each node once, the exact name first", () => {
    const g = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    for (const i of [1234, 12, 1200, 120, 1201, 13])
      g.addNode(`R${i}`, { kind: "resolution", label: `Resolution ${i}`, aliases: [`r-${i}`], origin: "source" });
    g.addNode("X", { kind: "decision", label: "Decision", aliases: ["r12 again", "r120 again"], origin: "source" });
    const ids = byName(g);
    // "r12" begins R12, R120, R1200, R1201, R1234 and X (twice): the shortest names come first.
    expect(ids("R12")).toEqual(["R12", "R120", "R1200", "R1201"]);
    expect(ids("r12", 6)).toEqual(["R12", "R120", "R1200", "R1201", "R1234", "X"]);
    // Fewer names than the list holds: the index is asked, by words and titles, as before.
    expect(ids("r1234")).toEqual(byNameless(g, "r1234"));
    expect(ids("decision")).toEqual(["X"]);
    // A letter or two looks up the names alone: "ag" begins no name, though X has "again" in two.
    expect(byNameless(g, "ag")).toEqual(["X"]);
    expect(ids("ag")).toEqual([]);
    expect(ids("de")).toEqual(["X"]);
    expect(ids("r1")).toEqual(["R12", "R13", "R120", "R1200"]);
    // A node is ranked by its shortest name that fits, even where a longer one sorts before it.
    const h = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    h.addNode("Q12Z", { kind: "resolution", label: "Z", aliases: ["q12a-long"], origin: "source" });
    for (const id of ["Q12BB", "Q12CCC"]) h.addNode(id, { kind: "resolution", label: id, aliases: [], origin: "source" });
    expect(byName(h)("q12", 3)).toEqual(["Q12Z", "Q12BB", "Q12CCC"]);
    // A name that is exactly the query comes first, whatever its length.
    expect(ids("resolution 12", 2)).toEqual(["R12", "R120"]);
    // Scored (the query bar's nearest names): every query as the page's index scores it.
    for (const q of ["R12", "r1", "ag", "de", "r1234"]) expect(ids(q, 4, true)).toEqual(byNameless(g, q));
    expect(ids("R12", 4, true)).not.toEqual(ids("R12"));
  });

  it("answers as the page's index does wherever a query begins fewer names than it lists", () => {
    for (const q of ["decision 598", "ag-2008-res-07", "cybercriminalite", "signature lyon", "décsion 598"])
      expect(byName(graph)(q, 10)).toEqual(nodeSearchOf(graph).search(q).map((h) => h.id));
  });
});

const byNameless = (g: AbstractGraph<NodeAttributes, EdgeAttributes>, q: string) =>
  nodeSearchOf(g)
    .search(q, 4)
    .map((h) => h.id);
