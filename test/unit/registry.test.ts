// The registry loader and the build's checks on curated facts: each problem is reported once,
// with file, line and column; all are reported together; the sound rest still builds.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build";
import { loadRegistryFile } from "../../src/build/registry";
import { readDir } from "../../src/cli/io";
import { problemLine } from "../../src/cli/format";

const sources = readDir("data/sources", /\.txt$/);
const seedRegistry = readDir("data/registry", /\.yaml$/);
const bad = (name: string) => ({
  file: name,
  text: readFileSync(`test/fixtures/registry-bad/${name}`, "utf8"),
});

describe("registry validation", () => {
  const result = buildGraph(sources, [...seedRegistry, bad("mixed.yaml"), bad("malformed.yaml")]);
  const lines = result.problems.filter((p) => p.severity === "error").map(problemLine);

  it("reports every problem at once, each at its file, line and column", () => {
    expect(lines).toEqual([
      'mixed.yaml:11:5: error: nodes[1] unknown field "colour"',
      "mixed.yaml:15:11: error: nodes[2] date: is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
      "mixed.yaml:18:11: error: nodes[3] kind: must be one of resolution, decision, agreement, convention, declaration, document, organisation, body, event",
      expect.stringMatching(
        /^mixed\.yaml:33:15: error: edges\[1\] relation: must be one of cites, recalls, .*part_of$/,
      ),
      expect.stringMatching(
        /^mixed\.yaml:20:5: error: duplicate id "UDHR" \(first declared at instruments\.yaml:\d+:\d+\); this one is ignored$/,
      ),
      "malformed.yaml:4:5: error: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "mixed.yaml:25:60: error: node NOT-QUOTED: the quote is not in interpol-ga-2025-res-03.fr.txt",
      'mixed.yaml:27:5: error: edge GOOD-INSTRUMENT → NO-SUCH-NODE: unknown node "NO-SUCH-NODE" (not in the registry, not found in any source)',
      'mixed.yaml:38:21: error: edge INTERPOL-GA-2025-RES-03 → GOOD-INSTRUMENT: cite.source "no-such-file.txt" is not a file in data/sources',
    ]);
  });

  it("still builds the sound rest: the seed graph and the good entry of the bad file", () => {
    expect(result.graph.hasNode("GOOD-INSTRUMENT")).toBe(true);
    expect(result.graph.hasNode("BAD-FIELD")).toBe(false);
    expect(result.graph.hasNode("ITU-INTERPOL-AGREEMENT-SIGNATURE-2018")).toBe(true);
    expect(result.graph.getNodeAttribute("UDHR", "title")?.en).toBe("Universal Declaration of Human Rights");
    expect(result.graph.size).toBeGreaterThan(100);
  });

  it("names a malformed YAML file's syntax error where it is", () => {
    const r = loadRegistryFile("malformed.yaml", bad("malformed.yaml").text);
    expect(r.nodes).toEqual([]);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatchObject({
      severity: "error",
      file: "malformed.yaml",
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it("rejects a node without a citation of where its facts come from", () => {
    const r = loadRegistryFile("x.yaml", "nodes:\n  - id: X\n    kind: event\n");
    expect(r.problems.map(problemLine)).toEqual(["x.yaml:2:5: error: nodes[0] cite: is required"]);
  });

  it("rejects a date that does not exist", () => {
    const r = loadRegistryFile(
      "x.yaml",
      'nodes:\n  - id: X\n    kind: event\n    date: "2017-02-30"\n    cite: { source: a, quote: b }\n',
    );
    expect(r.problems.map(problemLine)).toEqual([
      "x.yaml:4:11: error: nodes[0] date: is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ]);
  });

  it("accepts the seed registry as it is", () => {
    const clean = buildGraph(sources, seedRegistry);
    expect(clean.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("texts held twice", () => {
  it("reports a text that two source files hold, at the second file, and keeps the first", () => {
    const seed = sources.find((s) => s.file === "interpol-ga-2017-res-08.fr.txt")!;
    const r = buildGraph([...sources, { file: "zz-copy.txt", text: seed.text }], seedRegistry);
    expect(r.problems.filter((p) => p.severity === "error").map(problemLine)).toEqual([
      'zz-copy.txt:7:1: error: duplicate id "INTERPOL-GA-2017-RES-08": this text is also in interpol-ga-2017-res-08.fr.txt; the copy in interpol-ga-2017-res-08.fr.txt is kept',
    ]);
    expect(r.graph.getNodeAttribute("INTERPOL-GA-2017-RES-08", "source")).toBe(
      "interpol-ga-2017-res-08.fr.txt",
    );
  });
});

describe("a registry entry missing", () => {
  it("reports references to and from a node no registry entry describes, and still builds the rest", () => {
    const text =
      "Résolution N° 1\n\nL'Assemblée générale de l'O.I.P.C.-INTERPOL, réunie en sa 86ème session à Beijing (Chine) du 26 au 29 septembre 2017,\n\nAYANT À L'ESPRIT l'article 41 du Statut de l'Organisation figurant à l'annexe 1 du rapport AG-2015-RAP-09,\n\nRAPPELANT la résolution AG-2015-RES-12,\n";
    const r = buildGraph([{ file: "t.txt", text }], []);
    expect(r.problems.filter((p) => p.severity === "error").map(problemLine)).toEqual([
      't.txt:5:20: error: reference "article 41 du Statut de l\'Organisation" (INTERPOL-GA-2017-RES-01 recalls INTERPOL-CONSTITUTION) names "INTERPOL-CONSTITUTION", which no registry entry or id family describes',
      't.txt:5:92: error: reference "AG-2015-RAP-09" (INTERPOL-CONSTITUTION part_of INTERPOL-GA-2015-REP-09) names "INTERPOL-CONSTITUTION", which no registry entry or id family describes',
    ]);
    expect(r.graph.hasEdge("INTERPOL-GA-2017-RES-01|recalls|INTERPOL-GA-2015-RES-12")).toBe(true);
  });
});

describe("registry files the fuzzer broke", () => {
  it("an alias to no anchor, or an alias bomb, is a problem at its line, not a crash", () => {
    const dangling = loadRegistryFile(
      "alias.yaml",
      "# see *nowhere\nnodes:\n  - id: A\n    kind: *nowhere\n",
    );
    expect(dangling.problems.map(problemLine)).toEqual([
      expect.stringMatching(/^alias\.yaml:4:11: error: Unresolved alias .*nowhere$/),
    ]);
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`);
    }
    const bomb = loadRegistryFile("bomb.yaml", `${levels.join("\n")}\nnodes: []\n`);
    expect(bomb.nodes).toEqual([]);
    expect(bomb.problems).toHaveLength(1);
    expect(bomb.problems[0]!.message).toMatch(/alias/i);
    expect(bomb.problems[0]).toMatchObject({ line: 2, column: 8 }); // the first alias, "*a"
  });
});
