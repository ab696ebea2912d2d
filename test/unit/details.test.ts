// The details panel's data, on the seed corpus: a node's facts, and its edges grouped by relation,
// each with the quote that makes the reference, exactly as it stands in its source file.
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import i18next from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build";
import { readDir } from "../../src/cli/io";
import type { CanonicalGraph } from "../../src/app/data/loadGraph";
import { describeNode, groupEdges, type Group } from "../../src/app/details/edges";
import { details } from "../../src/app/i18n/details";
import { NODE_KINDS, RELATION_NAMES } from "../../src/model/vocabulary";
import { isPlainFileName, SourceViewer, sourceUrl } from "../../src/app/components/SourceViewer";
import { DetailsPanel } from "../../src/app/components/DetailsPanel";

const sources = readDir("data/sources", /\.txt$/);
const texts = new Map(sources.map((s) => [s.file, s.text]));
const { graph } = buildGraph(sources, readDir("data/registry", /\.yaml$/));
const canonical: CanonicalGraph = graph;

const DECISION = "ITU-C-DEC-598";
const group = (groups: Group[], relation: string) => groups.find((g) => g.relation === relation);
const targets = (groups: Group[], relation: string) =>
  group(groups, relation)?.items.map((i) => i.other) ?? [];

describe("the edges of ITU Council Decision 598", () => {
  const { outgoing, incoming } = groupEdges(graph, DECISION);

  it("include its approval of the cooperation agreement, quoted with « d'approuver »", () => {
    const approves = group(outgoing, "approves")?.items ?? [];
    expect(approves.map((i) => i.other)).toEqual(["ITU-INTERPOL-COOPERATION-AGREEMENT"]);
    expect(approves[0]?.quote).toContain("d'approuver");
    expect(approves[0]?.otherKind).toBe("agreement");
  });

  it("include its authorization of the 2018 signature and its note of document C17/65", () => {
    expect(targets(outgoing, "authorizes")).toEqual(["ITU-INTERPOL-AGREEMENT-SIGNATURE-2018"]);
    expect(targets(outgoing, "notes")).toContain("ITU-DOC-C17/65");
  });

  it("show that INTERPOL General Assembly resolution 2017/08 notes it", () => {
    expect(targets(incoming, "notes")).toContain("INTERPOL-GA-2017-RES-08");
  });

  it("keep a curated edge's method and pinpoint", () => {
    const basis = group(outgoing, "based_on")?.items[0];
    expect(basis).toMatchObject({ other: "ITU-CONVENTION", method: "curated", pinpoint: "No. 80" });
  });

  it("come in vocabulary order of relations, each relation once", () => {
    for (const groups of [outgoing, incoming]) {
      const order = groups.map((g) => RELATION_NAMES.indexOf(g.relation));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(order).size).toBe(order.length);
    }
  });
});

describe("every node's edges", () => {
  const all = graph.nodes().map((id) => ({ id, ...groupEdges(graph, id) }));

  it("are all there: each edge once as outgoing from its source and once as incoming to its target", () => {
    const count = (pick: "outgoing" | "incoming") =>
      all.reduce((n, e) => n + e[pick].reduce((m, g) => m + g.items.length, 0), 0);
    expect(count("outgoing")).toBe(graph.size);
    expect(count("incoming")).toBe(graph.size);
  });

  it("are sorted by the other node's date, undated last, then by label", () => {
    for (const { outgoing, incoming } of all) {
      for (const { items } of [...outgoing, ...incoming]) {
        const keys = items.map((i) => [i.otherDate ?? "\uffff", i.otherLabel] as const);
        const sorted = [...keys].sort(([da, la], [db, lb]) => da.localeCompare(db) || la.localeCompare(lb));
        expect(keys).toEqual(sorted);
      }
    }
  });

  it("quote their source file exactly between start and end", () => {
    let checked = 0;
    for (const { outgoing } of all) {
      for (const item of outgoing.flatMap((g) => g.items)) {
        const text = texts.get(item.source);
        expect(text, `${item.edge} names a source we hold`).toBeDefined();
        expect(item.start, `${item.edge} has offsets`).toBeDefined();
        expect(text?.slice(item.start, item.end).trim(), item.edge).toBe(item.quote.trim());
        checked++;
      }
    }
    expect(checked).toBe(graph.size);
  });
});

describe("the facts of a node", () => {
  it("give Decision 598's kind, date, issuer with its label, title, aliases and the passage of its text", () => {
    const facts = describeNode(graph, DECISION);
    expect(facts).toMatchObject({
      id: DECISION,
      kind: "decision",
      date: "2017-05-26",
      issuer: { id: "ITU-C", label: graph.getNodeAttribute("ITU-C", "label") },
      source: "itu-pp-2018-doc-47-interpol-agreement.fr.txt",
    });
    expect(facts?.titles.fr).toContain("Accord de coopération");
    expect(facts?.aliases).toContain("Décision 598");
    const text = texts.get(facts?.source ?? "") ?? "";
    expect(text.slice(facts?.passage?.start, facts?.passage?.end)).toContain("598");
  });

  it("are null for a node the graph does not hold, whose edges are empty", () => {
    expect(describeNode(graph, "NO-SUCH-NODE")).toBeNull();
    expect(groupEdges(graph, "NO-SUCH-NODE")).toEqual({ outgoing: [], incoming: [] });
  });
});

describe("the strings of the panels", () => {
  const keysOf = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it("exist in English and in French alike", () => {
    expect(keysOf(details.fr).sort()).toEqual(keysOf(details.en).sort());
  });

  it("name every relation both ways and every kind", () => {
    for (const lang of [details.en, details.fr]) {
      expect(Object.keys(lang.out).sort()).toEqual([...RELATION_NAMES].sort());
      expect(Object.keys(lang.in).sort()).toEqual([...RELATION_NAMES].sort());
      expect(Object.keys(lang.kind).sort()).toEqual([...NODE_KINDS].sort());
    }
    expect(details.fr.out.recalls).toBe("rappelle");
    expect(details.en.in.cites).toBe("cited by");
  });
});

describe("the source viewer", () => {
  it("accepts a plain file name and encodes it into the URL", () => {
    expect(isPlainFileName("interpol-ga-2017-res-08.fr.txt")).toBe(true);
    expect(sourceUrl("a b#c.txt")).toBe("./sources/a%20b%23c.txt");
  });

  it("refuses paths, parents and empty names", () => {
    for (const bad of ["../graph.json", "a/b.txt", "..", "a\\b.txt", ""])
      expect(isPlainFileName(bad)).toBe(false);
  });
});

describe("the panels, rendered to HTML", () => {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { en: { details: details.en }, fr: { details: details.fr } },
    lng: "fr",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const render = (element: ReactElement) => renderToString(createElement(I18nextProvider, { i18n }, element));
  const noop = () => undefined;

  it("show Decision 598 in French, in a region named Details, its quotes escaped in blockquotes", () => {
    const html = render(
      createElement(DetailsPanel, {
        graph: canonical,
        nodeId: DECISION,
        onSelect: noop,
        onOpenSource: noop,
        onClose: noop,
      }),
    );
    expect(html).toContain('aria-label="Details"');
    expect(html).toContain("Détails");
    expect(html).toContain("approuve");
    expect(html).toContain("noté par");
    expect(html).toContain('<blockquote class="details-quote" lang="fr">1\td&#x27;approuver');
    expect(html).toContain('aria-label="Fermer"');
    expect(html).toContain("Ouvrir la source");
  });

  it("refuse a source outside the corpus with an alert, in a region named Source", () => {
    const html = render(
      createElement(SourceViewer, { file: "../graph.json", start: 0, end: 1, onClose: noop }),
    );
    expect(html).toContain('aria-label="Source"');
    expect(html).toContain('role="alert"');
  });
});
