// One row per surface form: each pattern row's examples, run through the real engine in the
// context the example gives, must resolve to the canonical id written beside it.
import { describe, expect, it } from "vitest";
import { extract, Lexicon, PATTERN_ROWS } from "../../src/extract";

const refsOf = (text: string, context = {}, lexicon?: Lexicon) =>
  extract(text, { file: "passage.txt", context, lexicon });

describe("pattern tables", () => {
  const rows = PATTERN_ROWS.flatMap((row) => row.examples.map((ex) => ({ row: row.name, ...ex })));

  it("every row documents at least one surface form", () => {
    for (const row of PATTERN_ROWS) expect(row.examples.length, row.name).toBeGreaterThan(0);
  });

  it.each(rows)("$row: «$text» → $id", ({ row, text, facts, id, pinpoint, version }) => {
    const ex = refsOf(text, facts ?? {});
    const found = ex.refs.filter((r) => r.rule === row);
    if (id === null) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((r) => r.target)).toContain(id);
    const ref = found.find((r) => r.target === id)!;
    if (pinpoint) expect(ref.pinpoint).toBe(pinpoint);
    if (version) expect(ref.version).toBe(version);
    expect(text.slice(ref.start, ref.end)).toBe(ref.surface);
  });
});

describe("surface forms in context", () => {
  it("should be possible to cite one INTERPOL resolution in all three generations and get one id", () => {
    const ids = ["AG-2008-RES-07", "GA-2008-RES-07", "GA-2008-77-RES-07"].map(
      (s) => refsOf(`RAPPELANT la résolution ${s},`).refs[0]?.target,
    );
    expect(new Set(ids)).toEqual(new Set(["INTERPOL-GA-2008-RES-07"]));
  });

  it("reads a list of UN General Assembly resolutions item by item, with their dates", () => {
    const text =
      "RAPPELANT la résolution 51/1 du 15 octobre 1996 de l'Assemblée générale des Nations Unies, ainsi que ses résolutions 71/19 du 21 novembre 2016, 73/11 du 26 novembre 2018, 75/10 du 23 novembre 2020, 77/20 du 21 novembre 2022 et 79/136 du 6 décembre 2024 concernant la coopération,";
    const refs = refsOf(text).refs;
    expect(refs.map((r) => r.target)).toEqual([
      "UNGA-RES-51/1",
      "UNGA-RES-71/19",
      "UNGA-RES-73/11",
      "UNGA-RES-75/10",
      "UNGA-RES-77/20",
      "UNGA-RES-79/136",
    ]);
    expect(refs.map((r) => r.date)).toEqual([
      "1996-10-15",
      "2016-11-21",
      "2018-11-26",
      "2020-11-23",
      "2022-11-21",
      "2024-12-06",
    ]);
    expect(refs.every((r) => r.relation === "recalls")).toBe(true);
    expect(refs[2]!.surface).toBe("73/11 du 26 novembre 2018");
  });

  it("reads an English list of resolutions joined by commas and 'and'", () => {
    const refs = refsOf("Recalling its resolutions 71/19 of 21 November 2016, 73/11 and 79/136,").refs;
    expect(refs.map((r) => r.target)).toEqual(["UNGA-RES-71/19", "UNGA-RES-73/11", "UNGA-RES-79/136"]);
  });

  it("does not take a commission's resolution for a General Assembly one", () => {
    expect(refsOf("Rappelant la résolution 26/4 de la Commission,").refs[0]?.target).toBe("CCPCJ-RES-26/4");
    expect(refsOf("Rappelant la résolution 26/4 de l'Assemblée générale,").refs[0]?.target).toBe(
      "UNGA-RES-26/4",
    );
  });

  it("reports a bare decision number it cannot place instead of guessing", () => {
    const ex = refsOf("RAPPELANT la Décision 12,", { issuer: "INTERPOL-GA", org: "INTERPOL" });
    expect(ex.refs).toEqual([]);
    expect(ex.unresolved).toMatchObject([{ surface: "Décision 12", line: 1, column: 14 }]);
  });

  it("reports a named convention the registry does not list, and lets the registry's alias win when it does", () => {
    const text = "Rappelant la Convention des Nations Unies contre la criminalité transnationale organisée,";
    expect(refsOf(text).unresolved).toMatchObject([
      { rule: "unregistered-named-instrument", line: 1, column: 14 },
    ]);
    const lexicon = new Lexicon([
      {
        id: "UNTOC",
        kind: "convention",
        aliases: ["Convention des Nations Unies contre la criminalité transnationale organisée"],
      },
    ]);
    const ex = refsOf(text, {}, lexicon);
    expect(ex.unresolved).toEqual([]);
    expect(ex.refs.map((r) => [r.relation, r.target])).toEqual([["recalls", "UNTOC"]]);
  });

  it("finds named instruments through the registry's aliases, accent- and case-insensitively", () => {
    const lexicon = new Lexicon([
      {
        id: "UN-CYBERCRIME-CONVENTION",
        kind: "convention",
        aliases: ["Convention des Nations Unies contre la cybercriminalité"],
      },
    ]);
    const ex = refsOf(
      "SE RÉJOUISSANT de l'adoption de la CONVENTION DES NATIONS UNIES CONTRE LA CYBERCRIMINALITE, INSISTANT sur le fait que la Convention reconnaît",
      {},
      lexicon,
    );
    expect(ex.refs.map((r) => [r.relation, r.target, r.rule])).toEqual([
      ["welcomes", "UN-CYBERCRIME-CONVENTION", "alias"],
      ["cites", "UN-CYBERCRIME-CONVENTION", "anaphora"],
    ]);
  });

  it("dates an ITU conference resolution by the revision cited", () => {
    const ref = refsOf(
      "conformément à la Résolution 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires",
    ).refs[0]!;
    expect(ref).toMatchObject({ target: "ITU-PP-RES-130", version: "Busan, 2014", date: "2014" });
  });

  it("keeps offsets exact through markup, accents and emoji", () => {
    const text = "🙂 L'Assemblée, réunie en sa 86^{ème} session, RAPPELANT la résolution AG-2015-RES-12 ;";
    const ref = refsOf(text).refs[0]!;
    expect(text.slice(ref.start, ref.end)).toBe("AG-2015-RES-12");
    expect(text.slice(ref.quoteStart, ref.quoteEnd)).toBe(ref.quote);
  });
});

describe("typing by the governing clause", () => {
  const cases: [string, string, string][] = [
    ["RAPPELANT la résolution AG-2015-RES-12,", "recalls", "INTERPOL-GA-2015-RES-12"],
    ["RÉAFFIRMANT la résolution AG-2015-RES-12,", "recalls", "INTERPOL-GA-2015-RES-12"],
    ["AYANT À L'ESPRIT l'article 41 du Statut d'INTERPOL,", "recalls", "INTERPOL-CONSTITUTION"],
    ["Recalling resolution AG-2015-RES-12,", "recalls", "INTERPOL-GA-2015-RES-12"],
    ["Bearing in mind General Assembly resolution 79/136,", "recalls", "UNGA-RES-79/136"],
    ["PRENANT NOTE de la résolution GA-2008-RES-07,", "notes", "INTERPOL-GA-2008-RES-07"],
    ["AYANT PRIS CONNAISSANCE du rapport AG-2012-RAP-18,", "notes", "INTERPOL-GA-2012-REP-18"],
    ["NOTANT que la Décision 598 du Conseil a été adoptée,", "notes", "ITU-C-DEC-598"],
    ["Taking note of report GA-2017-86-REP-09,", "notes", "INTERPOL-GA-2017-REP-09"],
    ["Having considered Document C17/65,", "notes", "ITU-DOC-C17/65"],
    ["SE FÉLICITANT de l'adoption de la résolution A/RES/79/243,", "welcomes", "UNGA-RES-79/243"],
    ["Welcoming the adoption of resolution A/RES/79/243,", "welcomes", "UNGA-RES-79/243"],
    [
      "APPROUVE le projet figurant à l'annexe 1 du rapport GA-2017-86-REP-09 ;",
      "approves",
      "INTERPOL-GA-2017-REP-09",
    ],
    ["Adopts the report GA-2017-86-REP-09;", "approves", "INTERPOL-GA-2017-REP-09"],
    ["AUTORISE le Secrétaire général à signer le document C17/65 ;", "authorizes", "ITU-DOC-C17/65"],
    ["Authorizes the Secretary General to sign Document C17/65;", "authorizes", "ITU-DOC-C17/65"],
    ["MODIFIE la résolution AG-2010-RES-03 comme suit :", "amends", "INTERPOL-GA-2010-RES-03"],
    ["Amends resolution AG-2010-RES-03 as follows:", "amends", "INTERPOL-GA-2010-RES-03"],
    ["REMPLACE la résolution AG-2010-RES-03 ;", "supersedes", "INTERPOL-GA-2010-RES-03"],
    ["Supersedes resolution AG-2010-RES-03;", "supersedes", "INTERPOL-GA-2010-RES-03"],
    ["ABROGE la résolution AG-2010-RES-03 ;", "repeals", "INTERPOL-GA-2010-RES-03"],
    ["Rescinds resolution AG-2010-RES-03;", "repeals", "INTERPOL-GA-2010-RES-03"],
    [
      "DÉCIDE, en application de la résolution AG-2010-RES-03, de créer un groupe de travail ;",
      "implements",
      "INTERPOL-GA-2010-RES-03",
    ],
    [
      "Decides, in implementation of resolution A/RES/79/243, to create a working group;",
      "implements",
      "UNGA-RES-79/243",
    ],
    ["DÉCIDE, pour donner suite à la Décision 590, de créer un groupe ;", "implements", "ITU-C-DEC-590"],
    [
      "DÉCIDE, en vertu du numéro 80 de la Convention de l'UIT, d'approuver la conclusion ;",
      "based_on",
      "ITU-CONVENTION",
    ],
    [
      "Decides, in accordance with resolution A/RES/79/243, to approve the conclusion;",
      "based_on",
      "UNGA-RES-79/243",
    ],
    [
      "Conformément à la Résolution 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires, l'UIT agit.",
      "cites",
      "ITU-PP-RES-130",
    ],
    ["Decides, pursuant to resolution A/RES/79/243, to approve the conclusion;", "cites", "UNGA-RES-79/243"],
    ["Le Conseil a adopté la Décision 590.", "cites", "ITU-C-DEC-590"],
  ];
  it.each(cases)("«%s» → %s %s", (text, relation, target) => {
    const refs = refsOf(text, { org: "ITU", issuer: "ITU-C" }).refs;
    expect(refs.map((r) => [r.relation, r.target])).toContainEqual([relation, target]);
  });

  it.each([
    [
      "En vertu du numéro 80 de la Convention de l'UIT, le Conseil a décidé d'approuver la conclusion.",
      "ITU-CONVENTION",
      "En vertu du",
    ],
    ["Mise en oeuvre de la Décision 590", "ITU-C-DEC-590", "Mise en oeuvre de"],
    [
      "In accordance with resolution A/RES/79/243, the Council decided.",
      "UNGA-RES-79/243",
      "In accordance with",
    ],
  ])("only cites in a narrative passage about another body's act: «%s»", (text, target, clause) => {
    expect(
      refsOf(text, { org: "ITU", issuer: "ITU-PP" }).refs.map((r) => [r.relation, r.target, r.clause]),
    ).toEqual([["cites", target, clause]]);
  });

  it("types an ITU decision's items by the infinitive under «décide»", () => {
    const text =
      "Le Conseil,\nayant examiné\nLe Document C17/65,\ndécide\n1\td'approuver la conclusion du Document C17/66;\n2\td'autoriser le Secrétaire général à signer le Document C17/67; et\n3\tde charger le Secrétaire général de soumettre le Document C17/68.";
    const refs = refsOf(text, { org: "ITU", issuer: "ITU-C" }).refs;
    expect(refs.map((r) => [r.relation, r.target, r.clause])).toEqual([
      ["notes", "ITU-DOC-C17/65", "ayant examiné"],
      ["approves", "ITU-DOC-C17/66", "décide … d'approuver"],
      ["authorizes", "ITU-DOC-C17/67", "décide … d'autoriser"],
      ["cites", "ITU-DOC-C17/68", "décide"],
    ]);
  });

  it.each([
    ["La présente résolution annule et remplace la résolution GA-2016-85-RES-03.", "supersedes"],
    ["DÉCIDE que la résolution AG-2014-RES-04 est abrogée ;", "repeals"],
    ["Decides that resolution AG-2014-RES-04 is hereby repealed;", "repeals"],
    ["DÉCIDE que la résolution AG-2014-RES-04 est modifiée comme suit :", "amends"],
  ])("reads the text's own act when it is the subject or the act follows: «%s»", (text, relation) => {
    expect(refsOf(text).refs.map((r) => r.relation)).toEqual([relation]);
  });

  it("does not make the legal basis of an operative verb its object", () => {
    const text =
      "décide\n2\td'autoriser le Secrétaire général à signer l'accord, conformément aux dispositions du numéro 80 de la Convention de l'UIT;";
    expect(
      refsOf(text, { org: "ITU", issuer: "ITU-C" }).refs.map((r) => [r.relation, r.target, r.pinpoint]),
    ).toEqual([["cites", "ITU-CONVENTION", "No. 80"]]);
  });

  it("switches verb at a capitalised verb inside a paragraph", () => {
    const refs = refsOf(
      "TENANT COMPTE de la résolution GA-2019-88-RES-11, et ACCUEILLANT FAVORABLEMENT la résolution GA-2021-89-RES-11,",
    ).refs;
    expect(refs.map((r) => [r.relation, r.clause])).toEqual([
      ["cites", "TENANT COMPTE"],
      ["welcomes", "ACCUEILLANT FAVORABLEMENT"],
    ]);
  });

  it("gives an operative verb its direct object only, not every text the paragraph mentions", () => {
    const text =
      "APPROUVE la poursuite des efforts déployés par INTERPOL en vue d'élargir le réseau de partenaires dans le cadre du projet Gateway et de conclure de nouveaux accords avec des sociétés privées aux fins de l'échange d'informations, dans le respect du Statut d'INTERPOL ;";
    expect(refsOf(text).refs.map((r) => [r.relation, r.target])).toEqual([
      ["cites", "INTERPOL-CONSTITUTION"],
    ]);
  });

  it("carries a trigger over coordinated references", () => {
    const text =
      "Conformément au numéro 58 de la Constitution de l'Union internationale des télécommunications et à la Décision 598 du Conseil à sa session de 2017, le texte de l'Accord est soumis.";
    expect(
      refsOf(text, { org: "ITU", issuer: "ITU-PP" }).refs.map((r) => [r.relation, r.target, r.pinpoint]),
    ).toEqual([
      ["cites", "ITU-CONSTITUTION", "No. 58"],
      ["cites", "ITU-C-DEC-598", undefined],
    ]);
  });

  it("does not let a preamble clause's inner «en vertu de» turn a mention into a legal basis", () => {
    const refs = refsOf(
      "SOULIGNANT le rôle d'INTERPOL pour les obligations qui leur incombent en vertu de la résolution A/RES/79/243,",
    ).refs;
    expect(refs.map((r) => r.relation)).toEqual(["cites"]);
  });
});
