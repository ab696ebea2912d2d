// The query phrases Recital understands, in English and French. Each form is a pattern over the
// folded phrase (lower case, no accents, same length as the original), so the names it captures are
// cut from the phrase as typed. A phrase that looks like a question but fits no form is refused
// with the list of forms, never answered with an empty result.
import { fold } from "../extract/text";

export const QUERY_KINDS = [
  "led_to",
  "followed_from",
  "cites",
  "cited_by",
  "path",
  "connection",
  "neighbours",
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number] | "node";

export type QueryLanguage = "en" | "fr";

export type Parsed =
  | { kind: "node"; x: string; lang: QueryLanguage | null }
  | {
      kind: Exclude<QueryKind, "node" | "path" | "connection" | "neighbours">;
      x: string;
      lang: QueryLanguage;
    }
  | { kind: "neighbours"; x: string; depth: number; lang: QueryLanguage }
  /** Two names; `splits` are the ways the phrase divides into them (a name may hold "and"). */
  | { kind: "path" | "connection"; splits: [string, string][]; lang: QueryLanguage }
  | { kind: "unknown"; phrase: string; lang: QueryLanguage | null };

/** The most ways a two-name question is divided into its names ("X and Y and Z" gives two). */
const MAX_SPLITS = 8;

/** The deepest neighbourhood a query may ask for. */
export const MAX_DEPTH = 4;

const A = "[’']"; // apostrophes as typed
const DE = `(?:de\\s+|du\\s+|des\\s+|d${A}\\s*)`;
const ESTCE = `qu(?:${A}\\s*|\\s+)est[- ]ce`;
/** "à", "au", "aux", "à l'": what French puts before a name after "mené". */
const TO = `(?:a|au|aux)\\s+`;
/** Words for texts in "which texts cite X", "quels documents citent X". */
const TEXTS = `(?:texts?|acts?|documents?|resolutions?|decisions?|agreements?|conventions?|declarations?|events?|reports?|instruments?)`;
const TEXTES = `(?:textes?|actes?|documents?|resolutions?|decisions?|accords?|conventions?|declarations?|evenements?|rapports?|instruments?)`;
const NUMBER = `(?:\\d+|one|two|three|four|un|une|deux|trois|quatre)`;

interface Form {
  kind: Exclude<QueryKind, "node">;
  lang: QueryLanguage;
  re: RegExp;
  /** For two-name forms, the word that separates them. */
  separator?: RegExp;
}

const one = (kind: Form["kind"], lang: QueryLanguage, pattern: string): Form => ({
  kind,
  lang,
  re: new RegExp(`^${pattern}$`, "d"),
});

const two = (kind: "path" | "connection", lang: QueryLanguage, pattern: string, separator: string): Form => ({
  kind,
  lang,
  re: new RegExp(`^${pattern}$`, "d"),
  separator: new RegExp(`\\s+(?:${separator})\\s+`, "g"),
});

// Names are captured whole: (?<x>.+). Two-name forms capture both with their separator, split later.
const X = "(?<x>.+)";
const XY = "(?<xy>.+)";
const DEPTH =
  `(?:\\s*[,(:]?\\s*(?:(?:up\\s+to|at|with|to|of|a|en|avec|sur|jusqu${A}a)\\s+)?(?:a\\s+|une\\s+)?(?:depth|profondeur)\\s*[:=]?\\s*(?:de\\s+)?(?<n>${NUMBER})\\)?` +
  `|\\s*[,(]?\\s*(?:within|up\\s+to|in|sur|jusqu${A}a|a|en)\\s+(?<m>${NUMBER})\\s+(?:steps?|hops?|levels?|pas|niveaux?|sauts?)\\)?)?`;

const FORMS: Form[] = [
  // What led to X
  one(
    "led_to",
    "en",
    `(?:what|which\\s+(?:texts?|acts?|documents?|events?))\\s+(?:has\\s+|have\\s+)?(?:led|leads?)\\s+(?:up\\s+)?to\\s+${X}`,
  ),
  one("led_to", "en", `(?:the\\s+)?(?:origins?|history|background|antecedents|ancestors)\\s+of\\s+${X}`),
  one("led_to", "en", `how\\s+did\\s+we\\s+(?:get|come)\\s+to\\s+${X}`),
  one("led_to", "en", `what\\s+(?:came|happened)\\s+before\\s+${X}`),
  one("led_to", "en", `(?:what|which\\s+${TEXTS})\\s+(?:preceded|precedes)\\s+${X}`),
  one("led_to", "fr", `${ESTCE}\\s+qui\\s+(?:a\\s+)?(?:mene|conduit|abouti)\\s+${TO}${X}`),
  one("led_to", "fr", `(?:les?\\s+|l${A}\\s*)?(?:origines?|antecedents|genese|historique)\\s+${DE}${X}`),
  one("led_to", "fr", `${ESTCE}\\s+qui\\s+(?:a\\s+)?precede\\s+${X}`),
  one("led_to", "fr", `d${A}ou\\s+vien(?:nen)?t\\s+${X}`),
  one("led_to", "fr", `comment\\s+(?:en\\s+)?est[- ]on\\s+arrive\\s+a\\s+${X}`),
  // What followed from X
  one(
    "followed_from",
    "en",
    `what\\s+(?:has\\s+)?(?:followed|follows?|came|comes|happened|resulted)\\s+(?:from|after|of|out\\s+of)\\s+${X}`,
  ),
  one(
    "followed_from",
    "en",
    `(?:the\\s+)?(?:consequences|descendants|legacy|aftermath|effects|follow[- ]ups?)\\s+of\\s+${X}`,
  ),
  one("followed_from", "fr", `${ESTCE}\\s+qui\\s+(?:a\\s+)?(?:suivi|decoule|resulte)\\s+(?:${DE})?${X}`),
  one(
    "followed_from",
    "fr",
    `(?:les?\\s+|l${A}\\s*)?(?:suites?|consequences?|descendants|heritage)\\s+${DE}${X}`,
  ),
  one("followed_from", "fr", `a\\s+quoi\\s+(?:a\\s+)?(?:mene|conduit|abouti)\\s+${X}`),
  one(
    "followed_from",
    "en",
    `what\\s+(?:did|does|has)\\s+${X}\\s+(?:lead\\s+to|led\\s+to|bring\\s+about|cause)`,
  ),
  one("followed_from", "fr", `que\\s+s${A}est[- ]il\\s+passe\\s+apres\\s+${X}`),
  // What cites X
  one(
    "cites",
    "en",
    `(?:what(?:\\s+${TEXTS})?|who|which(?:\\s+${TEXTS})?)\\s+(?:still\\s+)?(?:cites?|quotes?|refers?\\s+to|mentions?|recalls?|invokes?)\\s+${X}`,
  ),
  one("cites", "en", `(?:what|which\\s+${TEXTS})\\s+(?:is|are)\\s+(?:still\\s+)?citing\\s+${X}`),
  one("cites", "en", `(?:who|what)\\s+(?:has\\s+)?cited\\s+${X}`),
  one("cites", "en", `(?:the\\s+)?(?:citers|citations)\\s+of\\s+${X}`),
  one(
    "cites",
    "fr",
    `(?:qui|${ESTCE}\\s+qui|quel(?:le)?s?\\s+${TEXTES})\\s+(?:cite(?:nt)?|mentionne(?:nt)?|rappelle(?:nt)?|(?:fai|fon)t\\s+reference\\s+(?:a|au|aux)|se\\s+refere(?:nt)?\\s+(?:a|au|aux))\\s+(?:encore\\s+)?${X}`,
  ),
  // What does X cite
  one("cited_by", "en", `what\\s+does\\s+${X}\\s+(?:cite|refer\\s+to|mention|recall|invoke)`),
  one("cited_by", "en", `what\\s+(?:is|are|was|were)\\s+cited\\s+(?:by|in)\\s+${X}`),
  one("cited_by", "en", `what\\s+did\\s+${X}\\s+(?:cite|refer\\s+to|mention|recall|invoke)`),
  one("cited_by", "en", `(?:the\\s+)?references\\s+(?:of|in|made\\s+by)\\s+${X}`),
  one("cited_by", "fr", `que\\s+cite\\s+${X}`),
  one("cited_by", "fr", `${ESTCE}\\s+que\\s+cite(?:nt)?\\s+${X}`),
  one("cited_by", "fr", `${ESTCE}\\s+que\\s+${X}\\s+cite`),
  one(
    "cited_by",
    "fr",
    `(?:quels\\s+textes|${ESTCE}\\s+qui)\\s+(?:est|sont)\\s+cites?\\s+(?:par|dans)\\s+${X}`,
  ),
  one("cited_by", "fr", `(?:les\\s+)?references\\s+${DE}${X}`),
  // Neighbours of X
  one("neighbours", "en", `(?:the\\s+)?neighbou?r(?:s|hood)\\s+of\\s+${X.replace(".+", ".+?")}${DEPTH}`),
  one(
    "neighbours",
    "fr",
    `(?:les\\s+|le\\s+)?(?:voisins|voisinage)\\s+${DE}${X.replace(".+", ".+?")}${DEPTH}`,
  ),
  // Path from X to Y (directed: along history); how is X connected to Y (either way)
  two("path", "en", `(?:the\\s+)?(?:shortest\\s+)?path\\s+from\\s+${XY}`, "to"),
  two("connection", "en", `(?:the\\s+)?(?:shortest\\s+)?paths?\\s+between\\s+${XY}`, "and"),
  two("connection", "en", `how\\s+(?:is|are|was|were)\\s+${XY}\\s+(?:connected|related|linked)`, "and"),
  two(
    "connection",
    "en",
    `how\\s+(?:is|are|was|were)\\s+${XY}`,
    "(?:connected|related|linked)\\s+(?:to|with)",
  ),
  two(
    "connection",
    "en",
    `(?:(?:what|how)\\s+(?:is|are)\\s+)?(?:the\\s+)?(?:connections?|links?|relations?|relationships?)\\s+between\\s+${XY}`,
    "and",
  ),
  two("connection", "en", `(?:is|are)\\s+${XY}\\s+(?:connected|related|linked)`, "and"),
  two("connection", "en", `(?:is|are)\\s+${XY}`, "(?:connected|related|linked)\\s+(?:to|with)"),
  two("path", "fr", `(?:le\\s+)?(?:plus\\s+court\\s+)?chemin\\s+${DE}${XY}`, "a|au|aux|jusqu['’]a"),
  two("connection", "fr", `(?:le\\s+)?(?:plus\\s+court\\s+)?chemin\\s+entre\\s+${XY}`, "et"),
  two(
    "connection",
    "fr",
    `(?:quel\\s+est\\s+le\\s+|le\\s+)?(?:lien|rapport|relation)\\s+entre\\s+${XY}`,
    "et",
  ),
  two(
    "connection",
    "fr",
    `comment\\s+${XY}`,
    "(?:est|sont)[- ](?:il|elle|ils|elles)\\s+(?:lie|relie)e?s?\\s+a",
  ),
  two("connection", "fr", `comment\\s+${XY}\\s+sont[- ](?:ils|elles)\\s+(?:lie|relie)e?s`, "et"),
];

/** Words a question starts with: such a phrase is never taken for a name. */
const QUESTION =
  /^(?:what|which|who|whom|how|why|when|where|is|are|was|were|do|does|did|can|could|show|list|find|give|tell|qu|que|quel|quels|quelle|quelles|qui|comment|pourquoi|quand|ou|est|montre|trouve|liste|donne)\b/;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
};

/** The forms, as a user reads them in a message or a hint. */
export const FORM_EXAMPLES: Record<QueryLanguage, string[]> = {
  en: [
    "what led to X · origins of X",
    "what followed from X · what came after X",
    "what cites X",
    "what does X cite",
    "path from X to Y",
    "how is X connected to Y",
    "neighbours of X · neighbours of X depth 2",
    "X (an id, a name, or a kind and a year: “the 2018 signature”, “Decision 598”)",
  ],
  fr: [
    "qu'est-ce qui a mené à X · origines de X",
    "qu'est-ce qui a suivi X · suites de X",
    "qui cite X",
    "que cite X",
    "chemin de X à Y",
    "chemin entre X et Y · lien entre X et Y",
    "voisins de X · voisins de X profondeur 2",
    "X (un identifiant, un nom, ou un type et une année : « la signature de 2018 », « Décision 598 »)",
  ],
};

/**
 * The phrase as the forms read it: white space collapsed, the outer punctuation off ("What led to
 * X?" reads "What led to X"), and quotes around the whole question dropped. Names are cut from it.
 */
export function trimPhrase(phrase: string): string {
  // Only what differs from one space is replaced: a long phrase of single spaces is left as it is,
  // where replacing each of its spaces cost more than linear time.
  const text = phrase
    .replace(/\s{2,}|[^\S ]/g, " ")
    .trim()
    .replace(/[\s?!.]+$/u, "");
  const quoted = /^["“«]\s*(.*?)\s*["”»]$/u.exec(text);
  return quoted ? quoted[1]!.replace(/[\s?!.]+$/u, "") : text;
}

export function parseQuery(phrase: string): Parsed {
  const text = trimPhrase(phrase);
  const folded = fold(text);
  for (const form of FORMS) {
    const m = form.re.exec(folded);
    if (!m?.indices?.groups) continue;
    const cut = (name: string): string => {
      const span = m.indices!.groups![name];
      return span ? text.slice(span[0], span[1]).trim() : "";
    };
    if (form.separator) {
      const xy = cut("xy");
      const start = m.indices.groups.xy![0];
      const splits: [string, string][] = [];
      for (const s of folded.slice(start, start + xy.length).matchAll(form.separator)) {
        const x = xy.slice(0, s.index).trim();
        const y = xy.slice(s.index + s[0].length).trim();
        if (x && y) splits.push([x, y]);
        // Each split copies the phrase: past a few, a long phrase of "and"s would cost its square.
        if (splits.length === MAX_SPLITS) break;
      }
      if (!splits.length) continue;
      return { kind: form.kind as "path" | "connection", splits, lang: form.lang };
    }
    const x = cut("x");
    if (!x) continue;
    if (form.kind === "neighbours") {
      const word = m.groups?.n ?? m.groups?.m ?? "1";
      const n = NUMBER_WORDS[word] ?? Number(word);
      return { kind: "neighbours", x, depth: Math.max(1, Math.min(MAX_DEPTH, n)), lang: form.lang };
    }
    return { kind: form.kind as "led_to", x, lang: form.lang };
  }
  if (!text) return { kind: "unknown", phrase: text, lang: null };
  if (QUESTION.test(folded)) return { kind: "unknown", phrase: text, lang: guessLanguage(folded) };
  return { kind: "node", x: text, lang: nameLanguage(text, folded) };
}

/** A bare name is French when it has accents or French articles ("la résolution de 2021"). */
function nameLanguage(text: string, folded: string): QueryLanguage | null {
  return /[àâçéèêëîïôûùüÿœ]/iu.test(text) ||
    /(?:^|\s)(?:le|la|les|du|des|de|l['’])(?:\s|$)|^l['’]/.test(folded)
    ? "fr"
    : null;
}

/** French when the phrase has a French word a question would use; English otherwise. */
function guessLanguage(folded: string): QueryLanguage {
  return /\b(?:qu|que|quel\w*|qui|comment|pourquoi|quand|ou|montre|le|la|les|des|du|de|entre|est)\b/.test(
    folded,
  )
    ? "fr"
    : "en";
}
