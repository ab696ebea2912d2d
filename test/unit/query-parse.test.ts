// The query phrases, every form in English and French, as users type them: any case, with or
// without accents and a question mark. Names are cut from the phrase as typed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuery, trimPhrase } from "../../src/query/parse";

const one = (phrase: string) => {
  const p = parseQuery(phrase);
  return "x" in p ? { kind: p.kind, x: p.x, lang: p.lang } : p;
};

describe("parseQuery: one-name forms", () => {
  it.each([
    ["what led to the 2018 signature?", "led_to", "the 2018 signature", "en"],
    ["What led up to Decision 598", "led_to", "Decision 598", "en"],
    ["which texts led to ITU-C-DEC-598", "led_to", "ITU-C-DEC-598", "en"],
    ["origins of the 2018 signature", "led_to", "the 2018 signature", "en"],
    ["the history of Décision 598", "led_to", "Décision 598", "en"],
    ["qu'est-ce qui a mené à la signature de 2018 ?", "led_to", "la signature de 2018", "fr"],
    ["Qu’est-ce qui a mene a la signature de 2018", "led_to", "la signature de 2018", "fr"],
    ["qu'est-ce qui a conduit à l'accord de 2018", "led_to", "l'accord de 2018", "fr"],
    ["origines de la Décision 598", "led_to", "la Décision 598", "fr"],
    ["d'où vient la résolution de 2021", "led_to", "la résolution de 2021", "fr"],
    ["what followed from the 2015 resolution", "followed_from", "the 2015 resolution", "en"],
    ["What came after Decision 590?", "followed_from", "Decision 590", "en"],
    ["consequences of the 2015 draft", "followed_from", "the 2015 draft", "en"],
    ["qu'est-ce qui a suivi la résolution de 2015", "followed_from", "la résolution de 2015", "fr"],
    ["qu'est-ce qui a découlé de la Décision 590", "followed_from", "la Décision 590", "fr"],
    ["les suites de la résolution de 2015", "followed_from", "la résolution de 2015", "fr"],
    ["what cites the 2008 resolution", "cites", "the 2008 resolution", "en"],
    ["What still cites AG-2008-RES-07?", "cites", "AG-2008-RES-07", "en"],
    ["which texts refer to the UDHR", "cites", "the UDHR", "en"],
    ["qui cite la résolution de 2008", "cites", "la résolution de 2008", "fr"],
    ["quels textes citent encore la Décision 598", "cites", "la Décision 598", "fr"],
    ["what does the 2025 resolution cite", "cited_by", "the 2025 resolution", "en"],
    ["what is cited by Decision 598", "cited_by", "Decision 598", "en"],
    ["que cite la résolution de 2025", "cited_by", "la résolution de 2025", "fr"],
    ["qu'est-ce que la Décision 598 cite", "cited_by", "la Décision 598", "fr"],
    ["Décision 598", "node", "Décision 598", "fr"],
    ["la résolution de 2021", "node", "la résolution de 2021", "fr"],
    ["UDHR", "node", "UDHR", null],
    ["qu'est-ce qui a mené au Statut d'INTERPOL", "led_to", "Statut d'INTERPOL", "fr"],
    ["qu'est-ce qui a conduit aux résolutions de 2022", "led_to", "résolutions de 2022", "fr"],
    ["qu est ce qui a mené à la Décision 598", "led_to", "la Décision 598", "fr"],
    ["l'origine de la décision 598", "led_to", "la décision 598", "fr"],
    ["what came before Decision 598", "led_to", "Decision 598", "en"],
    ["which documents preceded Decision 598", "led_to", "Decision 598", "en"],
    ["what did the 2015 resolution lead to", "followed_from", "the 2015 resolution", "en"],
    ["à quoi a mené la résolution de 2015", "followed_from", "la résolution de 2015", "fr"],
    ["what texts cite the UDHR", "cites", "the UDHR", "en"],
    ["which resolutions cite AG-2008-RES-07", "cites", "AG-2008-RES-07", "en"],
    ["quels documents font référence au Statut", "cites", "Statut", "fr"],
    ["what was cited by Decision 598", "cited_by", "Decision 598", "en"],
    ["qu'est-ce que cite la décision 598", "cited_by", "la décision 598", "fr"],
    ["“what led to the 2018 signature?”", "led_to", "the 2018 signature", "en"],
    ["ITU-C-DEC-598", "node", "ITU-C-DEC-598", null],
    ["the 2018 signature", "node", "the 2018 signature", null],
  ])("%s", (phrase, kind, x, lang) => {
    expect(one(phrase)).toEqual({ kind, x, lang });
  });
});

describe("parseQuery: neighbours and depth", () => {
  it.each([
    ["neighbours of Decision 598", "Decision 598", 1, "en"],
    ["neighbors of Decision 598 depth 2", "Decision 598", 2, "en"],
    ["the neighbourhood of ITU-C-DEC-598, depth 3", "ITU-C-DEC-598", 3, "en"],
    ["neighbours of the 2018 signature within 2 steps", "the 2018 signature", 2, "en"],
    ["voisins de la Décision 598", "la Décision 598", 1, "fr"],
    ["voisins de la Décision 598 profondeur 2", "la Décision 598", 2, "fr"],
    ["voisinage de la Décision 598 à une profondeur de 3", "la Décision 598", 3, "fr"],
    ["neighbours of X depth 99", "X", 4, "en"],
    ["neighbours of Decision 598 up to depth 2", "Decision 598", 2, "en"],
    ["neighbours of Decision 598 (depth 2)", "Decision 598", 2, "en"],
    ["neighbours of Decision 598 depth two", "Decision 598", 2, "en"],
    ["neighbours of Decision 598, depth: 3", "Decision 598", 3, "en"],
    ["neighbours of Decision 598 within 2 levels", "Decision 598", 2, "en"],
    ["voisins de la Décision 598 sur 2 niveaux", "la Décision 598", 2, "fr"],
    ["voisins de la Décision 598 jusqu'à 2 pas", "la Décision 598", 2, "fr"],
    ["neighbours of Decision 598 depth 0", "Decision 598", 1, "en"],
  ])("%s", (phrase, x, depth, lang) => {
    expect(parseQuery(phrase)).toEqual({ kind: "neighbours", x, depth, lang });
  });
});

describe("parseQuery: two-name forms", () => {
  it.each([
    [
      "path from the 2015 resolution to the 2018 signature",
      "path",
      ["the 2015 resolution", "the 2018 signature"],
      "en",
    ],
    ["shortest path from A to B", "path", ["A", "B"], "en"],
    [
      "how is Decision 598 connected to the 2015 resolution?",
      "connection",
      ["Decision 598", "the 2015 resolution"],
      "en",
    ],
    [
      "how are Decision 598 and the 2015 resolution related",
      "connection",
      ["Decision 598", "the 2015 resolution"],
      "en",
    ],
    ["path between A and B", "connection", ["A", "B"], "en"],
    [
      "chemin de la résolution de 2015 à la signature de 2018",
      "path",
      ["la résolution de 2015", "la signature de 2018"],
      "fr",
    ],
    [
      "chemin entre la Décision 598 et la résolution de 2015",
      "connection",
      ["la Décision 598", "la résolution de 2015"],
      "fr",
    ],
    ["quel est le lien entre A et B", "connection", ["A", "B"], "fr"],
    ["what is the connection between A and B", "connection", ["A", "B"], "en"],
    ["is A connected to B?", "connection", ["A", "B"], "en"],
    ["are A and B related", "connection", ["A", "B"], "en"],
    [
      "comment la Décision 598 est-elle liée à la résolution de 2015",
      "connection",
      ["la Décision 598", "la résolution de 2015"],
      "fr",
    ],
  ])("%s", (phrase, kind, pair, lang) => {
    const p = parseQuery(phrase);
    expect(p.kind).toBe(kind);
    expect(p.lang).toBe(lang);
    expect("splits" in p && p.splits[0]).toEqual(pair);
  });

  it("offers every way to cut a phrase whose names hold the separator", () => {
    const p = parseQuery("path between the agreement between ITU and INTERPOL and the 2015 resolution");
    expect("splits" in p && p.splits).toEqual([
      ["the agreement between ITU", "INTERPOL and the 2015 resolution"],
      ["the agreement between ITU and INTERPOL", "the 2015 resolution"],
    ]);
  });
});

describe("parseQuery: phrases it does not know", () => {
  it.each([
    ["why was the agreement signed", "en"],
    ["is the sky blue", "en"],
    ["who signed the agreement first?", "en"],
    ["pourquoi l'accord a-t-il été signé", "fr"],
    ["quand la résolution a-t-elle été adoptée", "fr"],
  ])("%s is refused, not taken for a name", (phrase, lang) => {
    expect(parseQuery(phrase)).toEqual({ kind: "unknown", phrase: phrase.replace(/\?$/, ""), lang });
  });

  it("an empty phrase is unknown", () => {
    expect(parseQuery("  ? ").kind).toBe("unknown");
  });
});

describe("trimPhrase", () => {
  it("collapses every run of white space to one space, as a plain replace of \\s+ would", () => {
    const spaces = fc.constantFrom(" ", "  ", "\t", "\n", "\u00a0", " \r\n ", "\u2003");
    const phrase = fc
      .array(fc.oneof(fc.string({ maxLength: 6 }), spaces), { maxLength: 20 })
      .map((p) => p.join(""));
    fc.assert(
      fc.property(phrase, (p) => {
        const plain = p
          .replace(/\s+/g, " ")
          .trim()
          .replace(/[\s?!.]+$/u, "");
        const quoted = /^["“«]\s*(.*?)\s*["”»]$/u.exec(plain);
        expect(trimPhrase(p)).toBe(quoted ? quoted[1]!.replace(/[\s?!.]+$/u, "") : plain);
      }),
      { numRuns: 2000 },
    );
  });
});
