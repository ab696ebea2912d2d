// Extraction must work on any further text of the same kind, not only on the five seeds: an
// English resolution, other encodings and line endings, texts without a number of their own.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract";

const triples = (text: string, file = "t.txt") =>
  extract(text, { file }).refs.map((r) => `${r.from} ${r.relation} ${r.target}`);

describe("an English INTERPOL resolution", () => {
  const text = readFileSync("test/fixtures/texts/interpol-ga-2019-res-05.en.txt", "utf8");
  const ex = extract(text, { file: "interpol-ga-2019-res-05.en.txt" });

  it("reads its heading: id, session, place, date, subject, language", () => {
    expect(ex.texts).toHaveLength(1);
    expect(ex.texts[0]).toMatchObject({
      id: "INTERPOL-GA-2019-RES-05",
      kind: "resolution",
      lang: "en",
      session: 88,
      place: "Santiago (Chile)",
      date: "2019-10-15",
      title: "Strengthening cooperation with the United Nations",
    });
  });

  it("finds and types every reference", () => {
    const R = "INTERPOL-GA-2019-RES-05";
    expect(
      new Set(ex.refs.map((r) => `${r.relation} ${r.target}${r.pinpoint ? ` ${r.pinpoint}` : ""}`)),
    ).toEqual(
      new Set([
        "adopted_by INTERPOL-GA-SESSION-88",
        "recalls INTERPOL-CONSTITUTION art. 41",
        "recalls INTERPOL-GA-1999-RES-05",
        "recalls INTERPOL-GA-2015-RES-12",
        "recalls INTERPOL-GA-2017-RES-08",
        "recalls UNGA-RES-71/19",
        "recalls UNGA-RES-73/11",
        "notes UNSC-RES-1373",
        "notes ECOSOC-RES-2019/19",
        "notes INTERPOL-GA-2019-REP-07",
        "welcomes UNGA-RES-72/196",
        "approves INTERPOL-GA-2019-REP-07",
        "repeals INTERPOL-GA-2010-RES-03",
        "based_on INTERPOL-CONSTITUTION art. 44",
      ]),
    );
    expect(ex.refs.every((r) => r.from === R)).toBe(true);
  });
});

describe("an ITU Council decision on its own", () => {
  const text =
    "Document C17/126-F\n26 mai 2017\n\ndécision 598\n(adoptée à la septième Séance plénière)\nConclusion de l'Accord\nLe Conseil,\nayant examiné\nLe Document C17/65,\ndécide\n1\td'approuver la conclusion du Document C17/66;\n";
  const ex = extract(text, { file: "itu-c-dec-598.fr.txt" });

  it("is the file's own text, not an annex of a nameless document", () => {
    expect(ex.texts.map((t) => [t.id, t.kind, t.date, t.start])).toEqual([
      ["ITU-C-DEC-598", "decision", "2017-05-26", 0],
    ]);
  });

  it("reads its references under its verb lines", () => {
    expect(ex.refs.map((r) => `${r.relation} ${r.target}`)).toEqual([
      "adopted_by ITU-C",
      "part_of ITU-DOC-C17/126",
      "notes ITU-DOC-C17/65",
      "approves ITU-DOC-C17/66",
    ]);
  });
});

describe("encodings and line endings", () => {
  const file = "data/sources/interpol-ga-2025-res-03.fr.txt";
  const text = readFileSync(file, "utf8");
  const reference = triples(text);

  it("reads CRLF line endings and a byte-order mark the same, offsets still exact", () => {
    const crlf = "\uFEFF" + text.replace(/\n/g, "\r\n");
    expect(triples(crlf)).toEqual(reference);
    for (const r of extract(crlf, { file }).refs) expect(crlf.slice(r.start, r.end)).toBe(r.surface);
  });

  it("reads a text whose line breaks were lost the same", () => {
    expect(new Set(triples(text.replace(/\n+/g, " ")))).toEqual(new Set(reference));
  });

  it("reads typographic apostrophes and dashes like plain ones", () => {
    expect(triples(text.replace(/'/g, "\u2019"))).toEqual(reference);
  });
});

describe("texts hard-wrapped by a PDF converter", () => {
  /** Break every line longer than `width` at the last space before it, as converters do. */
  const wrap = (text: string, width: number) =>
    text
      .split("\n")
      .map((line) => {
        const out: string[] = [];
        let rest = line;
        while (rest.length > width) {
          const cut = rest.lastIndexOf(" ", width);
          if (cut <= 0) break;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut + 1);
        }
        return [...out, rest].join("\n");
      })
      .join("\n");

  it.each([
    "interpol-ga-2012-impact-agreement.fr.txt",
    "interpol-ga-2017-res-08.fr.txt",
    "interpol-ga-2021-res-11.fr.txt",
    "interpol-ga-2025-res-03.fr.txt",
  ])("reads %s wrapped at 70 columns as it reads the original", (file) => {
    const text = readFileSync(`data/sources/${file}`, "utf8");
    const wrapped = wrap(text, 70);
    expect(wrapped.split("\n").length).toBeGreaterThan(text.split("\n").length + 20);
    const typed = (t: string) =>
      extract(t, { file }).refs.map(
        (r) => `${r.from} ${r.relation} ${r.target} ${r.clause.replace(/\s+/g, " ")}`,
      );
    expect(typed(wrapped)).toEqual(typed(text));
  });
});

describe("ids of texts", () => {
  const heading = (subject: string) =>
    `RÉSOLUTION\n\nObjet : ${subject}\n\nL'Assemblée générale de l'O.I.P.C.-INTERPOL, réunie en sa 81ème session à Rome (Italie) du 5 au 8 novembre 2012,\n\nRAPPELANT la résolution AG-2008-RES-07,\n`;

  it("gives two unnumbered texts of one session with different subjects two ids", () => {
    const a = extract(heading("Accord avec IMPACT"), { file: "a.txt" }).texts[0]!;
    const b = extract(heading("Points de contact 24/7"), { file: "b.txt" }).texts[0]!;
    expect(a.id).toMatch(/^INTERPOL-GA-2012-RES-UNNUMBERED-[0-9A-F]{6}$/);
    expect(b.id).toMatch(/^INTERPOL-GA-2012-RES-UNNUMBERED-[0-9A-F]{6}$/);
    expect(a.id).not.toBe(b.id);
  });

  it("gives an unnumbered text the same id whatever its file is called", () => {
    expect(extract(heading("Accord avec IMPACT"), { file: "x.txt" }).texts[0]!.id).toBe(
      extract(heading("Accord avec IMPACT"), { file: "y.txt" }).texts[0]!.id,
    );
  });

  it("gives a numbered text the id its number makes", () => {
    const text = `Résolution N° 8\n\n${heading("Accord avec IMPACT").replace("RÉSOLUTION\n\n", "")}`;
    expect(extract(text, { file: "n.txt" }).texts[0]!.id).toBe("INTERPOL-GA-2012-RES-08");
  });

  it("names a text that states nothing about itself after its file, flagged as such", () => {
    const t = extract("Une note sans en-tête qui cite la résolution AG-2008-RES-07.", {
      file: "notes/note-interne.fr.txt",
    }).texts[0]!;
    expect(t).toMatchObject({ id: "DOC-NOTE-INTERNE", unnumbered: true });
  });
});

describe("inputs built to be slow", () => {
  it("reads a trigger followed by a long run of articles without exponential backtracking", () => {
    const text = `DÉCIDE, conformément${" de la".repeat(60)} résolution AG-2010-RES-03, de créer un groupe ;`;
    expect(extract(text, { file: "t.txt", context: {} }).refs.map((r) => r.target)).toEqual([
      "INTERPOL-GA-2010-RES-03",
    ]);
  });

  it("reads coordinated references across a long run of conjunction-like words", () => {
    const text = `RAPPELANT la résolution AG-2010-RES-03${", et de la".repeat(60)} résolution AG-2011-RES-04 ;`;
    expect(extract(text, { file: "t.txt", context: {} }).refs).toHaveLength(2);
  });
});
