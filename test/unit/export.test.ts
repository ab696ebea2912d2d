// Export then import gives the same graph — ids, kinds, every attribute, edges and their quotes —
// for every data format, on the seed graph and on a generated graph of 10,000 nodes whose texts
// hold accents, quotes, "<", "&", emoji, right-to-left script, commas and line breaks.
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build";
import { readDir } from "../../src/cli/io";
import { DATA_FORMATS, exportGraph, importFiles, type DataFormat } from "../../src/export";
import { XML_FORBIDDEN } from "../../src/export/flat";
import { neighbourhood, subgraph, type ExportGraph } from "../../src/export/scope";
import type { EdgeAttributes, NodeAttributes } from "../../src/model/graph";
import { NODE_KINDS, RELATION_NAMES } from "../../src/model/vocabulary";

const { graph: seed } = buildGraph(readDir("data/sources", /\.txt$/), readDir("data/registry", /\.yaml$/));

/** Nodes and edges as plain data keyed by id, to compare whatever the order. */
function contents(g: ExportGraph) {
  return {
    nodes: Object.fromEntries(g.mapNodes((id, a) => [id, a])),
    edges: Object.fromEntries(g.mapEdges((key, a, source, target) => [key, { source, target, a }])),
  };
}

function roundTrip(g: ExportGraph, format: DataFormat) {
  const files = exportGraph(g, format);
  const back = importFiles(files.map(({ name, text }) => ({ name, text })));
  return { files, back };
}

const NASTY = [
  "Résolution « spéciale » n° 5 — l'œuvre",
  'He said "no" & <left>; then, left',
  "🚓 police 👮‍♀️ data 🔐",
  "قرار الجمعية العامة ١٢",
  "החלטה מספר 7",
  "line one\nline two, with a comma; and a semicolon",
  "=SUM(A1:A2) +1 -1 @x",
  "tab\there and a trailing space ",
];

function generated(n: number): ExportGraph {
  const g: ExportGraph = new MultiDirectedGraph();
  g.setAttribute("sources", ["a.txt", "b « c ».txt"]);
  for (let i = 0; i < n; i++) {
    const text = NASTY[i % NASTY.length]!;
    const a: NodeAttributes = {
      kind: NODE_KINDS[i % NODE_KINDS.length]!,
      label: `${text} #${i}`,
      aliases: i % 3 ? [text, `alias ${i}`] : [],
      origin: "source",
      ...(i % 4 ? { date: `${1950 + (i % 70)}-0${1 + (i % 9)}-1${i % 10}` } : {}),
      ...(i % 5 ? { title: { fr: `Titre ${text}`, ...(i % 2 ? { en: `Title ${i}` } : {}) } } : {}),
      ...(i % 7 === 0 ? { session: 80 + (i % 13), issuer: `ISSUER-${i % 4}` } : {}),
      ...(i % 11 === 0 ? { source: `file ${i}.txt`, start: i, end: i + 17 } : {}),
    };
    g.addNode(`N-${i}/${i % 7}`, a);
  }
  for (let i = 1; i < n; i++) {
    const source = `N-${i}/${i % 7}`;
    const j = Math.max(0, i - 1 - (i % 13));
    const target = `N-${j}/${j % 7}`;
    const relation = RELATION_NAMES[i % RELATION_NAMES.length]!;
    const e: EdgeAttributes = {
      relation,
      clause: i % 10 ? NASTY[(i + 3) % NASTY.length]! : "",
      quote: `${NASTY[i % NASTY.length]} (${i})`,
      source: `file ${i % 17}.txt`,
      start: i * 3,
      end: i * 3 + 40,
      method: i % 2 ? "extracted" : "curated",
      confidence: i % 2 ? 0.75 : 1,
      occurrences: 1 + (i % 3),
      ...(i % 6 === 0 ? { pinpoint: `art. ${i % 40}`, surface: `§ ${i}` } : {}),
    };
    g.addDirectedEdgeWithKey(`${source}|${relation}|${target}`, source, target, e);
  }
  return g;
}

describe("round trip on the seed graph", () => {
  it.each(DATA_FORMATS)("%s gives back the same nodes, edges and attributes", (format) => {
    const { back } = roundTrip(seed, format);
    expect(back.problems).toEqual([]);
    expect(back.format).toBe(format);
    expect(contents(back.graph!)).toEqual(contents(seed));
  });

  it.each(["json", "graphml"] as const)(
    "%s keeps the graph's own attributes (the source files)",
    (format) => {
      const { back } = roundTrip(seed, format);
      expect(back.graph!.getAttribute("sources")).toEqual(seed.getAttribute("sources"));
    },
  );
});

describe("round trip on a generated graph of 10,000 nodes with hard text", () => {
  const big = generated(10_000);
  it.each(DATA_FORMATS)(
    "%s",
    (format) => {
      const { back } = roundTrip(big, format);
      expect(back.problems).toEqual([]);
      const got = contents(back.graph!);
      const want = contents(big);
      expect(Object.keys(got.nodes)).toHaveLength(10_000);
      expect(Object.keys(got.edges)).toHaveLength(9_999);
      expect(got).toEqual(want);
    },
    120_000,
  ); // XML read through xmldom takes seconds at this size on a shared 2-core machine
});

describe("the files themselves", () => {
  it("GEXF is version 1.3 with kinds, dates, relations, positions and colours", () => {
    const [file] = exportGraph(seed, "gexf", {
      viz: {
        position: (id) => ({ x: id.length, y: 2 }),
        nodeColor: () => "#2563eb",
        edgeColor: () => "#94a3b8",
      },
    });
    expect(file!.name).toBe("recital.gexf");
    expect(file!.text).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    expect(file!.text).toContain('<viz:color hex="#2563eb"');
    expect(file!.text).toMatch(/<viz:position x="\d+" y="2"/);
    expect(file!.text).toContain(`<attribute id="kind" title="kind" type="string"/>`);
    expect(file!.text).toContain(`<attribute id="relation" title="relation" type="string"/>`);
    expect(file!.text).toContain(`<attribute id="date" title="date" type="string"/>`);
    // Positions and colours are the picture's, not data: they do not come back as attributes.
    const back = importFiles([{ name: file!.name, text: file!.text }]);
    expect(contents(back.graph!)).toEqual(contents(seed));
  });

  it("GraphML declares typed keys", () => {
    const [file] = exportGraph(seed, "graphml");
    expect(file!.text).toMatch(/<key id="n\d+" for="node" attr.name="session" attr.type="long"\/>/);
    expect(file!.text).toMatch(/<key id="e\d+" for="edge" attr.name="confidence" attr.type="double"\/>/);
    expect(file!.text).toMatch(/<key id="n\d+" for="node" attr.name="aliases.json" attr.type="string"\/>/);
  });

  it("CSV is RFC 4180 with bulk-import headers", () => {
    const [nodes, edges] = exportGraph(seed, "csv");
    expect(nodes!.name).toBe("nodes.csv");
    expect(edges!.name).toBe("edges.csv");
    const header = nodes!.text.split("\r\n")[0]!;
    expect(header.startsWith("id:ID,:LABEL,")).toBe(true);
    expect(header).toContain("session:long");
    expect(edges!.text.split("\r\n")[0]!.startsWith(":START_ID,:END_ID,:TYPE,key,")).toBe(true);
    expect(nodes!.text.endsWith("\r\n")).toBe(true);
    // A quote holding commas, double quotes and a line break is one quoted field, quotes doubled.
    const g = subgraph(seed, new Set(["UDHR", "ITU-INTERPOL-COOPERATION-AGREEMENT"]));
    g.setEdgeAttribute(g.edges()[0]!, "quote", 'a, "b"\nc');
    const [, e] = exportGraph(g, "csv");
    expect(e!.text).toContain(',"a, ""b""\nc",');
  });

  it("the brief lists the nodes in date order with their quoted links and source files", () => {
    const part = neighbourhood(seed, "ITU-C-DEC-598");
    const [file] = exportGraph(part, "md", { brief: { title: "Decision 598 and its neighbours" } });
    const text = file!.text;
    expect(text.startsWith("# Decision 598 and its neighbours\n")).toBe(true);
    const dates = [...text.matchAll(/^## (\S+) — /gm)].map((m) => m[1]!.replace(/\\/g, ""));
    const dated = dates.filter((d) => d !== "undated");
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d) => d === "undated")).toBe(true);
    expect(text).toContain("## 2017-05-26 — ITU Council Decision 598");
    expect(text).toContain(
      "- **authorizes** Signature, Lyon, 2018-03-26 (`ITU-INTERPOL-AGREEMENT-SIGNATURE-2018`)",
    );
    expect(text).toContain(
      "“2 d'autoriser le Secrétaire général à signer l'Accord au nom de l'Union; et” (itu-pp-2018-doc-47-interpol-agreement.fr.txt)",
    );
    // Markdown syntax in a text is escaped, not rendered.
    const tricky = subgraph(seed, new Set(["UDHR"]));
    tricky.setNodeAttribute("UDHR", "label", "a *bold* <b>claim</b> | [link](x)");
    expect(exportGraph(tricky, "md")[0]!.text).toContain(
      "a \\*bold\\* \\<b\\>claim\\</b\\> \\| \\[link\\](x)",
    );
  });
});

describe("scopes", () => {
  it("a subgraph keeps the given nodes and edges, with every attribute", () => {
    const nodes = new Set(["ITU-C-DEC-598", "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018"]);
    const part = subgraph(seed, nodes);
    expect(part.order).toBe(2);
    expect(part.edges()).toEqual(["ITU-C-DEC-598|authorizes|ITU-INTERPOL-AGREEMENT-SIGNATURE-2018"]);
    expect(part.getNodeAttributes("ITU-C-DEC-598")).toEqual(seed.getNodeAttributes("ITU-C-DEC-598"));
    expect(subgraph(seed, nodes, new Set()).size).toBe(0);
  });
});

describe("what XML and foreign files need", () => {
  it("GEXF and GraphML hold no character XML forbids, and keep line breaks in ids and texts", () => {
    const g = subgraph(seed, new Set(["UDHR"]));
    g.setNodeAttribute("UDHR", "label", "page\u000cbreak\u0001");
    g.setNodeAttribute("UDHR", "place", "line\none\r\ttab");
    for (const format of ["gexf", "graphml"] as const) {
      const [file] = exportGraph(g, format);
      expect(file!.text).not.toMatch(new RegExp(XML_FORBIDDEN.source));
      const back = importFiles([{ name: file!.name, text: file!.text }]).graph!;
      expect(back.getNodeAttribute("UDHR", "label")).toBe("pagebreak");
      if (format === "graphml") expect(back.getNodeAttribute("UDHR", "place")).toBe("line\none\r\ttab");
    }
    const odd: ExportGraph = new MultiDirectedGraph();
    odd.addNode("a\nb", { kind: "document", label: "x", aliases: [], origin: "source" });
    const [file] = exportGraph(odd, "graphml");
    expect(importFiles([{ name: file!.name, text: file!.text }]).graph!.nodes()).toEqual(["a\nb"]);
  });

  it.each(DATA_FORMATS)(
    "%s holds markup and script in texts as text, and gives them back as they were",
    (format) => {
      const payload = `<script>alert(1)</script><img src=x onerror="alert(2)"> ]]> <!-- & &amp; --> <?xml?>`;
      const g = subgraph(seed, new Set(["UDHR", "INTERPOL"]));
      g.setNodeAttribute("UDHR", "label", payload);
      g.setNodeAttribute("UDHR", "title", { en: payload, fr: payload });
      g.setNodeAttribute("UDHR", "aliases", [payload]);
      g.addDirectedEdgeWithKey("hostile", "UDHR", "INTERPOL", {
        relation: "cites",
        clause: payload,
        quote: payload,
        source: `${payload}.txt`,
        method: "curated",
        confidence: 1,
        occurrences: 1,
      });
      const { files, back } = roundTrip(g, format);
      // In XML, no element, comment or instruction the payload spells is in the file, only its
      // escaped text. (GEXF holds texts in attribute values, where ">" and "]]>" may stand as they
      // are; GraphML holds them as element content, where "]]>" may not.)
      if (format === "gexf" || format === "graphml")
        for (const { text } of files) {
          expect(text).not.toMatch(/<script|<img|<!--|<\?xml\?>/);
          expect(text).toContain("&lt;script");
          if (format === "graphml") expect(text).not.toContain("]]>");
        }
      expect(back.problems).toEqual([]);
      expect(contents(back.graph!)).toEqual(contents(g));
    },
  );

  it.each(DATA_FORMATS)(
    "%s keeps each value's type when an attribute's type varies from node to node",
    (format) => {
      const g: ExportGraph = new MultiDirectedGraph();
      const node = (id: string, extra: object) =>
        g.addNode(id, {
          kind: "document",
          label: id,
          aliases: [],
          origin: "source",
          ...extra,
        } as NodeAttributes);
      node("a", { session: 7, flag: true, code: "007" });
      node("b", { session: "7", flag: "true", code: 7 });
      node("c", {});
      const { back } = roundTrip(g, format);
      expect(back.problems).toEqual([]);
      expect(contents(back.graph!).nodes).toEqual(contents(g).nodes);
    },
  );

  it("GEXF gives each edge its relation as kind, so that Gephi keeps parallel edges apart", () => {
    const [file] = exportGraph(seed, "gexf");
    expect(file!.text).toMatch(
      /<edge id="INTERPOL-GA-2017-RES-08\|recalls\|INTERPOL-CONSTITUTION"[^>]* kind="recalls"/,
    );
  });

  it("a foreign GEXF keeps its edge weights", () => {
    const gexf = `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges><edge id="e" source="a" target="b" weight="2.5"/></edges></graph></gexf>`;
    const back = importFiles([{ name: "gephi.gexf", text: gexf }]);
    expect((back.graph!.getEdgeAttributes("e") as unknown as Record<string, unknown>).weight).toBe(2.5);
    expect(back.problems).toEqual([
      'gephi.gexf: node a: kind "" is not one of resolution, decision, agreement, convention, declaration, document, organisation, body, event; read as document',
      'gephi.gexf: node b: kind "" is not one of resolution, decision, agreement, convention, declaration, document, organisation, body, event; read as document',
      'gephi.gexf: edge e: relation "" is not in the vocabulary; read as cites',
    ]);
  });

  it("a plain graphology JSON without kinds or labels is mended, and a prototype name is no relation", () => {
    const json = JSON.stringify({
      nodes: [{ key: "a" }, { key: "b", attributes: { label: "Bee" } }],
      edges: [{ key: "e", source: "a", target: "b", attributes: { relation: "constructor" } }],
    });
    const back = importFiles([{ name: "plain.json", text: json }]);
    expect(back.graph!.getNodeAttributes("a")).toMatchObject({ label: "a", kind: "document" });
    expect(back.graph!.getNodeAttribute("b", "label")).toBe("Bee");
    expect(back.graph!.getEdgeAttribute("e", "relation")).toBe("cites");
    expect(back.problems).toContain(
      'plain.json: edge e: relation "constructor" is not in the vocabulary; read as cites',
    );
  });
});

describe("bad files", () => {
  it("names the file and the line, and keeps what is sound", () => {
    const nodes =
      "id:ID,:LABEL,label\r\nA,resolution,Alpha\r\n,resolution,No id\r\nB,decision,Beta\r\nA,resolution,Again\r\n";
    const edges =
      ":START_ID,:END_ID,:TYPE,key\r\nA,B,recalls,A|recalls|B\r\nA,Z,cites,A|cites|Z\r\nB,A,frobs,B|frobs|A\r\n";
    const back = importFiles([
      { name: "nodes.csv", text: nodes },
      { name: "edges.csv", text: edges },
    ]);
    expect(back.graph!.nodes()).toEqual(["A", "B"]);
    expect(back.graph!.edges()).toEqual(["A|recalls|B", "B|frobs|A"]);
    expect(back.problems).toEqual([
      "nodes.csv:3: no id",
      "nodes.csv:5: node A appears twice; the first is kept",
      'edges.csv:3: edge A|cites|Z names node "Z", which nodes.csv lacks',
      'edges.csv: edge B|frobs|A: relation "frobs" is not in the vocabulary; read as cites',
    ]);
    // What the files held, against which what was kept (the graph) is told.
    expect(back.held).toEqual({ nodes: 4, edges: 3 });
  });

  it("names each file by its role, whatever the order dropped, and says a third CSV is not read", () => {
    const back = importFiles([
      { name: "edges.csv", text: ":START_ID,:END_ID,:TYPE\r\nA,A,recalls\r\n" },
      { name: "extra.csv", text: "id:ID,:LABEL\r\nZ,resolution\r\n" },
      { name: "nodes.csv", text: "id:ID,:LABEL\r\nA,treaty\r\n" },
    ]);
    expect(back.graph!.nodes()).toEqual(["A"]);
    expect(back.problems).toEqual([
      "extra.csv: one nodes file and one edges file at a time; not read",
      expect.stringMatching(/^nodes\.csv: node A: kind "treaty"/),
    ]);
  });

  it("gives the line a row starts on, when quoted cells hold line breaks, and says a header written twice", () => {
    const nodes =
      'id:ID,:LABEL,label,label\r\nA,resolution,"Alpha\r\non two lines",x\r\n,resolution,No id,y\r\nB,decision\r\n';
    const back = importFiles([{ name: "nodes.csv", text: nodes }]);
    expect(back.graph!.nodes()).toEqual(["A", "B"]);
    expect(back.graph!.getNodeAttribute("A", "label")).toBe("Alpha\r\non two lines");
    expect(back.problems).toEqual([
      'nodes.csv:1: column "label" appears twice; the first is read',
      "nodes.csv:5: 2 fields where the header has 4; read as far as they go",
      "nodes.csv:4: no id",
    ]);
    expect(back.held).toEqual({ nodes: 3, edges: 0 });
  });

  it("refuses XML that is not well-formed, with the line and column of the fault, rather than read a part", () => {
    const gexf = exportGraph(seed as unknown as ExportGraph, "gexf")[0]!.text;
    const cut = gexf.replace(/<\/node>/, "</nod>");
    const back = importFiles([{ name: "cut.gexf", text: cut }]);
    expect(back.graph).toBeNull();
    expect(back.problems).toHaveLength(1);
    expect(back.problems[0]).toMatch(
      /^cut\.gexf: not well-formed XML at line \d+, column \d+: .*nothing of it was read$/,
    );
  });

  it("a broken GEXF, GraphML or JSON file is named, and gives no graph", () => {
    for (const name of ["x.gexf", "x.graphml", "x.json"]) {
      const back = importFiles([{ name, text: "<gexf><graph><nodes><node id=" }]);
      expect(back.graph).toBeNull();
      expect(back.problems[0]).toMatch(new RegExp(`^${name.replace(".", "\\.")}: `));
    }
    expect(importFiles([{ name: "page.gexf", text: "<!doctype html><html></html>" }]).problems).toEqual([
      "page.gexf: not a GEXF file: it has no <gexf> element",
    ]);
    expect(importFiles([{ name: "notes.docx", text: "PK…" }]).problems).toEqual([
      "notes.docx: not a GEXF, GraphML, JSON or CSV file",
    ]);
  });
});
