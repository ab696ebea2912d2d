// Each seed text against the references a careful reader finds in it (written by reading the
// texts, not by running the extractor). Compared as exact sets of (citing text, relation, target):
// a missing reference fails, and so does one the reader would not see.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/build/build";
import { lexiconOf, loadRegistry } from "../../src/build/registry";
import { extract } from "../../src/extract";
import { readDir } from "../../src/cli/io";

const registry = loadRegistry(readDir("data/registry", /\.yaml$/));
const lexicon = lexiconOf(registry);
const run = (file: string) => extract(readFileSync(`data/sources/${file}`, "utf8"), { file, lexicon });

type Triple = [relation: string, target: string];

const IMPACT_2012 = "INTERPOL-GA-2012-RES-UNNUMBERED-C6C9A7";
const AGREEMENT = "ITU-INTERPOL-COOPERATION-AGREEMENT";

const EXPECTED: Record<string, { texts: string[]; refs: Record<string, Triple[]> }> = {
  "interpol-ga-2012-impact-agreement.fr.txt": {
    texts: [IMPACT_2012],
    refs: {
      [IMPACT_2012]: [
        ["adopted_by", "INTERPOL-GA-SESSION-81"],
        ["recalls", "INTERPOL-CONSTITUTION"], // AYANT À L'ESPRIT l'article 41 du Statut
        ["notes", "INTERPOL-GA-2012-REP-18"], // AYANT PRIS CONNAISSANCE du rapport AG-2012-RAP-18
        ["notes", "INTERPOL-IMPACT-COOPERATION-AGREEMENT"], // … qui présente un projet d'accord de coopération entre … INTERPOL et le Partenariat …
        ["cites", "INTERPOL-GA-2012-REP-18"], // ESTIMANT que le projet … figurant à l'annexe 1 du rapport AG-2012-RAP-18
        ["cites", "INTERPOL-IMPACT-COOPERATION-AGREEMENT"], // … et CONSCIENTE que cet accord représente une première étape
        ["cites", "INTERPOL-IMPACT-COOPERATION-AGREEMENT"], // ESTIMANT que le projet d'accord de coopération …
        ["approves", "INTERPOL-IMPACT-COOPERATION-AGREEMENT"], // APPROUVE le projet d'accord de coopération dont le texte …
        ["authorizes", "INTERPOL-IMPACT-COOPERATION-AGREEMENT"], // DONNE MANDAT au Secrétaire Général pour le signer.
      ],
      // … figurant à l'annexe 1 du rapport AG-2012-RAP-18 ; dont le texte figure en annexe 1 du rapport AG-2012-RAP-18
      "INTERPOL-IMPACT-COOPERATION-AGREEMENT": [["part_of", "INTERPOL-GA-2012-REP-18"]],
    },
  },
  "interpol-ga-2017-res-08.fr.txt": {
    texts: ["INTERPOL-GA-2017-RES-08"],
    refs: {
      "INTERPOL-GA-2017-RES-08": [
        ["adopted_by", "INTERPOL-GA-SESSION-86"],
        ["recalls", "INTERPOL-CONSTITUTION"],
        ["recalls", "INTERPOL-GA-2015-RES-12"], // RAPPELANT la résolution d'Assemblée générale AG-2015-RES-12
        ["recalls", "ITU-INTERPOL-COOPERATION-AGREEMENT-DRAFT-2015"], // … portant approbation du projet d'Accord de coopération entre INTERPOL et l'UIT
        ["recalls", "INTERPOL-GA-2015-REP-09"], // … figurant à l'annexe 1 du rapport AG-2015-RAP-09
        ["notes", "ITU-C-DEC-590"], // RECONNAISSANT … suite à la Décision 590 du Conseil de l'UIT
        ["notes", "INTERPOL-GA-2017-REP-09"], // AYANT PRIS CONNAISSANCE du rapport GA-2017-86-REP-09 ; NOTANT … du rapport GA-2017-86-REP-09
        ["notes", AGREEMENT], // … proposant un projet d'Accord de coopération révisé entre INTERPOL et l'UIT
        ["cites", "INTERPOL-GA-2017-REP-09"], // ESTIMANT que le projet … figurant à l'annexe 1 du rapport GA-2017-86-REP-09
        ["notes", "ITU-C-DEC-598"], // NOTANT … approuvée à titre provisoire par le Conseil de l'UIT aux termes de la Décision 598
        ["notes", "ITU-INTERPOL-COOPERATION-AGREEMENT-DRAFT-2015"], // RECONNAISSANT le fait que le projet d'Accord … tel qu'approuvé par cette résolution
        ["cites", AGREEMENT], // ESTIMANT que le projet d'Accord de coopération …
        ["approves", AGREEMENT], // APPROUVE le projet d'Accord de coopération dont le texte figure …
        ["authorizes", AGREEMENT], // DONNE MANDAT au Secrétaire Général pour le signer.
      ],
      // … projet d'Accord de coopération entre INTERPOL et l'UIT figurant à l'annexe 1 du rapport AG-2015-RAP-09
      "ITU-INTERPOL-COOPERATION-AGREEMENT-DRAFT-2015": [["part_of", "INTERPOL-GA-2015-REP-09"]],
      // … le projet d'Accord de coopération figurant à l'annexe 1 du rapport GA-2017-86-REP-09
      [AGREEMENT]: [["part_of", "INTERPOL-GA-2017-REP-09"]],
    },
  },
  "interpol-ga-2021-res-11.fr.txt": {
    texts: ["INTERPOL-GA-2021-RES-11"],
    refs: {
      "INTERPOL-GA-2021-RES-11": [
        ["adopted_by", "INTERPOL-GA-SESSION-89"],
        ["recalls", "INTERPOL-CONSTITUTION"], // AYANT À L'ESPRIT l'article 2(1) du Statut d'INTERPOL
        ["recalls", "UDHR"], // … dans l'esprit de la Déclaration universelle des droits de l'homme
        ["recalls", "INTERPOL-GA-2008-RES-07"],
        ["recalls", "INTERPOL-GA-2012-RES-08"],
        ["recalls", "INTERPOL-GA-2014-RES-04"], // RAPPELANT ÉGALEMENT
        ["recalls", "INTERPOL-GA-2019-RES-11"], // RAPPELANT EN OUTRE
        ["cites", "INTERPOL-RANSOMWARE-FORUM-2021"], // TENANT COMPTE du Forum de haut niveau d'INTERPOL sur les rançongiciels
        ["welcomes", "INTERPOL-RANSOMWARE-FORUM-2021"], // et ACCUEILLANT FAVORABLEMENT les conclusions du Forum
        ["cites", "INTERPOL-CONSTITUTION"], // APPROUVE … dans le respect du Statut d'INTERPOL
        ["cites", "INTERPOL-RPD"], // … et de son Règlement sur le traitement des données (RTD)
      ],
    },
  },
  "interpol-ga-2025-res-03.fr.txt": {
    texts: ["INTERPOL-GA-2025-RES-03"],
    refs: {
      "INTERPOL-GA-2025-RES-03": [
        ["adopted_by", "INTERPOL-GA-SESSION-93"],
        ["welcomes", "UN-CYBERCRIME-CONVENTION"], // SE RÉJOUISSANT … de la Convention des Nations Unies contre la cybercriminalité
        ["cites", "UN-CYBERCRIME-CONVENTION"], // INSISTANT sur le fait que la Convention … ; SOULIGNANT … ; INVITE … 2. ; 4.
        ["recalls", "UNGA-RES-51/1"],
        ["recalls", "UNGA-RES-71/19"],
        ["recalls", "UNGA-RES-73/11"],
        ["recalls", "UNGA-RES-75/10"],
        ["recalls", "UNGA-RES-77/20"],
        ["recalls", "UNGA-RES-79/136"],
        ["recalls", "UN-INTERPOL-COOPERATION-AGREEMENT-1997"], // RAPPELANT également l'Accord de coopération signé en 1997
        ["notes", "INTERPOL-GA-2008-RES-07"], // PRENANT NOTE de la résolution GA-2008-RES-07 …
        ["notes", "INTERPOL-GA-2012-RES-08"],
        ["notes", "INTERPOL-GA-2021-RES-11"],
        ["notes", "INTERPOL-GA-2022-RES-05"],
        ["notes", "INTERPOL-GA-2022-RES-01"],
        ["recalls", "INTERPOL-VIENNA-DECLARATION-2023"], // RAPPELANT ENFIN la Déclaration de Vienne
        ["recalls", "INTERPOL-GA-SESSION-91"], // … adoptée par l'Assemblée générale réunie en sa 91 ème session
        ["recalls", "INTERPOL-GA-2023-RES-12"],
      ],
    },
  },
  "itu-pp-2018-doc-47-interpol-agreement.fr.txt": {
    texts: ["ITU-DOC-PP18/47", AGREEMENT, "ITU-C-DEC-598"],
    refs: {
      "ITU-DOC-PP18/47": [
        ["cites", "ITU-CONSTITUTION"], // Conformément au numéro 58 de la Constitution …
        ["cites", "ITU-C-DEC-598"], // … et à la Décision 598 du Conseil
        ["cites", "ITU-CONVENTION"], // Conformément au numéro 80 de la Convention de l'UIT
        ["cites", "ITU-DOC-C17/126"], // voir également les documents C17/126, C17/65 ; Références
        ["cites", "ITU-DOC-C17/65"],
        ["cites", AGREEMENT], // Le texte de l'Accord entre l'UIT et INTERPOL …
        ["cites", "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018"], // signé le 26 mars 2018 ; à Lyon, le 26 mars 2018
        ["cites", "ITU-DOC-C16/71"], // la session de 2016 du Conseil … la Contribution 71
        ["cites", "ITU-C-DEC-590"], // le Conseil a adopté la Décision 590 ; Mise en oeuvre de ; visés dans la Décision 590
        ["cites", "ITU-PP-RES-130"], // conformément à la Résolution 130 (Rév. Busan, 2014)
        ["cites", "ITU-INTERPOL-MEETING-LYON-2016"], // une réunion tenue le 5 septembre 2016
        ["cites", "INTERPOL-AGREEMENT-TO-REVISED-TEXT-2017"], // accord qui a été reçu le 1er mars 2017
        ["cites", "ITU-PP-2018"], // la Conférence de plénipotentiaires de l'Union prévue pour 2018
        ["cites", "INTERPOL-GA-2017-RES-08"], // sa 86ème Assemblée générale … L'Assemblée a adopté la Résolution 8
        ["cites", "INTERPOL-GA-SESSION-86"], // approuvé par INTERPOL à sa 86ème session de l'Assemblée générale
      ],
      [AGREEMENT]: [
        ["part_of", "ITU-DOC-PP18/47"],
        ["notes", "UDHR"], // reconnaissant qu'INTERPOL … dans l'esprit de la Déclaration universelle des droits de l'homme
        ["cites", "WSIS-ACTION-LINE-C5"], // tenant compte … la grande orientation C5 du SMSI
        ["cites", "ITU-PP-RES-179"], // conformément à la Résolution 179 (Rév. Busan, 2014)
        ["cites", "ITU-PP-RES-130"], // Article 1 2) conformément à la Résolution 130 (Rév. Busan, 2014)
        ["cites", "INTERPOL-CONSTITUTION"], // INTERPOL … son mandat tel qu'il est défini dans l'article 2 de sa Constitution
      ],
      "ITU-C-DEC-598": [
        ["adopted_by", "ITU-C"], // Le Conseil,
        ["part_of", "ITU-DOC-C17/126"], // Document C17/126-F
        ["part_of", "ITU-DOC-PP18/47"], // reproduite dans l'Annexe B du présent document
        ["notes", "ITU-DOC-C17/65"], // ayant examiné Le Document C17/65
        ["approves", AGREEMENT], // décide 1 d'approuver la conclusion … de l'Accord de coopération entre l'UIT et INTERPOL
        ["authorizes", AGREEMENT], // 2 d'autoriser le Secrétaire général à signer l'Accord
        ["cites", AGREEMENT], // 3 de charger le Secrétaire général de soumettre l'Accord
        ["cites", "ITU-PP-2018"], // … à la Conférence de plénipotentiaires de l'Union prévue pour 2018
      ],
    },
  },
};

const key = (from: string, [relation, target]: Triple) => `${from} ${relation} ${target}`;

describe.each(Object.entries(EXPECTED))("the seed %s", (file, expected) => {
  const ex = run(file);

  it("is read as the texts it holds", () => {
    expect(ex.texts.map((t) => t.id)).toEqual(expected.texts);
  });

  it("yields exactly the references a careful reader finds, each with its relation", () => {
    const got = new Set(ex.refs.map((r) => `${r.from} ${r.relation} ${r.target}`));
    const want = new Set(
      Object.entries(expected.refs).flatMap(([from, triples]) => triples.map((t) => key(from, t))),
    );
    expect([...got].sort()).toEqual([...want].sort());
  });

  it("leaves nothing unresolved", () => {
    expect(ex.unresolved).toEqual([]);
  });

  it("quotes, for every reference, a sentence of the text that contains it", () => {
    const text = readFileSync(`data/sources/${file}`, "utf8");
    for (const r of ex.refs) {
      expect(text.slice(r.start, r.end)).toBe(r.surface);
      expect(r.quoteStart).toBeLessThanOrEqual(r.start);
      expect(r.quoteEnd).toBeGreaterThanOrEqual(r.end);
      expect(text.slice(r.quoteStart, r.quoteEnd).trim()).toBe(r.quote);
    }
  });
});

describe("details a reader checks in the seeds", () => {
  it("reads the heading of a resolution: session, place, date and subject", () => {
    const t = run("interpol-ga-2017-res-08.fr.txt").texts[0]!;
    expect(t).toMatchObject({
      issuer: "INTERPOL-GA",
      session: 86,
      place: "Beijing (Chine)",
      date: "2017-09-26",
      kind: "resolution",
    });
    expect(t.title).toMatch(/^Version révisée du projet d'Accord de coopération/);
  });

  it("keeps pinpoints and revisions", () => {
    const refs = run("itu-pp-2018-doc-47-interpol-agreement.fr.txt").refs;
    expect(refs.filter((r) => r.target === "ITU-CONSTITUTION").map((r) => r.pinpoint)).toEqual([
      "No. 58",
      "No. 58",
      "No. 58",
    ]);
    expect(refs.find((r) => r.target === "ITU-PP-RES-130")?.version).toBe("Busan, 2014");
    const statute = run("interpol-ga-2021-res-11.fr.txt").refs.find(
      (r) => r.target === "INTERPOL-CONSTITUTION",
    );
    expect(statute?.pinpoint).toBe("art. 2(1)");
  });

  it("only cites what a narrative passage says another body did under a text", () => {
    const refs = run("itu-pp-2018-doc-47-interpol-agreement.fr.txt").refs.filter(
      (r) => r.from === "ITU-DOC-PP18/47",
    );
    expect(refs.find((r) => r.clause === "En vertu du")).toMatchObject({
      relation: "cites",
      target: "ITU-CONVENTION",
    });
    expect(refs.find((r) => r.clause === "Mise en oeuvre de")).toMatchObject({
      relation: "cites",
      target: "ITU-C-DEC-590",
    });
  });

  it("does not take the quoted title of another text for a citation of the agreement", () => {
    const text = readFileSync("data/sources/itu-pp-2018-doc-47-interpol-agreement.fr.txt", "utf8");
    const titled = text.indexOf('intitulée "Accord de coopération');
    const refs = run("itu-pp-2018-doc-47-interpol-agreement.fr.txt").refs;
    expect(titled).toBeGreaterThan(0);
    expect(
      refs.filter((r) => r.target === AGREEMENT && text.slice(r.start - 11, r.start) === 'intitulée "'),
    ).toEqual([]);
  });

  it("says which annex of a report holds the text it speaks of", () => {
    const refs = run("interpol-ga-2017-res-08.fr.txt").refs.filter(
      (r) => r.from === "INTERPOL-GA-2017-RES-08" && r.target === "INTERPOL-GA-2017-REP-09",
    );
    expect(refs.map((r) => [r.clause, r.pinpoint])).toEqual([
      ["AYANT PRIS CONNAISSANCE", undefined],
      ["ESTIMANT", "annex 1"],
      ["NOTANT", "annex 1"],
      ["APPROUVE", "annex 1"],
    ]);
  });

  it("gives the Convention the articles the 2025 resolution names after it", () => {
    const ref = run("interpol-ga-2025-res-03.fr.txt").refs.find((r) => r.clause === "INSISTANT");
    expect(ref).toMatchObject({
      target: "UN-CYBERCRIME-CONVENTION",
      pinpoint: "art. 37; art. 40; art. 47; art. 41",
    });
  });

  it("reads the Convention's full name as the name, not as a short form", () => {
    const ref = run("interpol-ga-2025-res-03.fr.txt").refs.find((r) => r.clause === "SOULIGNANT");
    expect(ref).toMatchObject({
      rule: "alias",
      surface: "Convention des Nations Unies contre la cybercriminalité",
    });
  });

  it("lets «INVITE … à :» govern the numbered items under it", () => {
    const items = run("interpol-ga-2025-res-03.fr.txt").refs.filter(
      (r) => r.start > 6000 && r.target === "UN-CYBERCRIME-CONVENTION",
    );
    expect(items.map((r) => r.clause)).toEqual(["INVITE", "INVITE"]);
  });

  it("resolves «Résolution 8» in the ITU document to the 2017 INTERPOL resolution", () => {
    const ref = run("itu-pp-2018-doc-47-interpol-agreement.fr.txt").refs.find(
      (r) => r.surface === "Résolution 8",
    );
    expect(ref?.target).toBe("INTERPOL-GA-2017-RES-08");
  });

  it("gives the unnumbered 2012 resolution an id of its own, never AG-2012-RES-08", () => {
    const id = run("interpol-ga-2012-impact-agreement.fr.txt").texts[0]!.id;
    expect(id).toBe(IMPACT_2012);
    expect(run("interpol-ga-2012-impact-agreement.fr.txt").texts[0]!.id).toBe(id);
  });
});

describe("the seed graph", () => {
  const { graph, problems } = buildGraph(
    readDir("data/sources", /\.txt$/),
    readDir("data/registry", /\.yaml$/),
  );

  it("builds without errors", () => {
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("has one node per real instrument: aliases merge, different texts stay apart", () => {
    expect(graph.hasNode("INTERPOL-GA-2008-RES-07")).toBe(true); // cited as AG-2008-RES-07 and GA-2008-RES-07
    expect(graph.inDegree("INTERPOL-GA-2008-RES-07")).toBe(2);
    expect(graph.filterNodes((id) => id.startsWith("INTERPOL-GA-2012-RES-")).sort()).toEqual([
      "INTERPOL-GA-2012-RES-08",
      IMPACT_2012,
    ]);
    const labels = graph.mapNodes((_, a) => a.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("has the 2017 resolution and Decision 598 authorize the signature, in their own words", () => {
    const auth = graph.filterInEdges(
      "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018",
      (_, e) => e.relation === "authorizes",
    );
    expect(
      auth
        .map((e) => [
          graph.source(e),
          graph.getEdgeAttribute(e, "method"),
          graph.getEdgeAttribute(e, "quote"),
        ])
        .sort(),
    ).toEqual([
      ["INTERPOL-GA-2017-RES-08", "extracted", "DONNE MANDAT au Secrétaire Général pour le signer."],
      [
        "ITU-C-DEC-598",
        "extracted",
        "2\td'autoriser le Secrétaire général à signer l'Accord au nom de l'Union; et",
      ],
    ]);
  });

  it("keeps every surface form a node is cited by as an alias", () => {
    expect(graph.getNodeAttribute("INTERPOL-GA-2008-RES-07", "aliases")).toEqual([
      "AG-2008-RES-07",
      "GA-2008-RES-07",
    ]);
    expect(graph.getNodeAttribute("ITU-C-DEC-598", "aliases")).toEqual(
      expect.arrayContaining(["Décision 598", "décision 598"]),
    );
    expect(graph.getNodeAttribute("UNGA-RES-73/11", "aliases")).toEqual(["73/11 du 26 novembre 2018"]);
  });

  it("makes the 2018 signature an event, signed by both organisations, of the agreement", () => {
    expect(graph.getNodeAttributes("ITU-INTERPOL-AGREEMENT-SIGNATURE-2018")).toMatchObject({
      kind: "event",
      date: "2018-03-26",
      place: "Lyon",
    });
    const signed = graph
      .edges()
      .filter((e) => graph.getEdgeAttribute(e, "relation") === "signed")
      .map((e) => `${graph.source(e)}>${graph.target(e)}`);
    expect(signed.sort()).toEqual([
      "INTERPOL>ITU-INTERPOL-AGREEMENT-SIGNATURE-2018",
      "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018>ITU-INTERPOL-COOPERATION-AGREEMENT",
      "ITU>ITU-INTERPOL-AGREEMENT-SIGNATURE-2018",
    ]);
  });

  it("traces every edge to a quote that stands in its source file", () => {
    const texts = new Map(readDir("data/sources", /\.txt$/).map((s) => [s.file, s.text]));
    graph.forEachEdge((key, e) => {
      expect(["extracted", "curated", "inferred"]).toContain(e.method);
      const text = texts.get(e.source);
      expect(text, key).toBeDefined();
      expect(text!.slice(e.start, e.end).trim(), key).toBe(e.quote.trim());
    });
  });
});
