// Clause verbs and local triggers (DESIGN.md, relation vocabulary), French and English, as data.
// A reference takes the relation of the clause that governs it:
// - a preamble verb ("RAPPELANT", "Noting") governs every reference until the next verb;
// - an operative verb ("APPROUVE", "décide … d'autoriser") governs its direct object only;
// - otherwise a trigger just before the reference ("conformément au", "en vertu de") types it;
// - and the default is `cites`.
import type { Relation } from "../model/vocabulary";
import { matchesIn } from "./text";

export type ClauseRole = "preamble" | "operative" | "decides";

export interface ClauseVerb {
  relation: Relation;
  role: ClauseRole;
  /** Folded phrases (lower case, no accents), as they open a clause. */
  phrases: string[];
}

export const CLAUSE_VERBS: ClauseVerb[] = [
  {
    relation: "recalls",
    role: "preamble",
    phrases: [
      "rappelant",
      "rappelant egalement",
      "rappelant en outre",
      "rappelant enfin",
      "rappelant aussi",
      "reaffirmant",
      "ayant a l'esprit",
      "gardant a l'esprit",
      "recalling",
      "recalling also",
      "recalling further",
      "reaffirming",
      "bearing in mind",
    ],
  },
  {
    relation: "notes",
    role: "preamble",
    phrases: [
      "prenant note",
      "prenant acte",
      "ayant pris connaissance",
      "notant",
      "notant egalement",
      "ayant examine",
      "reconnaissant",
      "reconnaissant avec satisfaction",
      "reconnaissant en consequence",
      "taking note",
      "noting",
      "noting also",
      "having considered",
      "having examined",
      "recognizing",
      "recognising",
    ],
  },
  {
    relation: "welcomes",
    role: "preamble",
    phrases: [
      "se rejouissant",
      "se felicitant",
      "accueillant favorablement",
      "accueillant avec satisfaction",
      "saluant",
      "welcoming",
      "welcoming also",
    ],
  },
  {
    relation: "cites",
    role: "preamble",
    phrases: [
      "considerant",
      "estimant",
      "consciente",
      "conscient",
      "soulignant",
      "tenant compte",
      "insistant",
      "constatant",
      "preoccupee",
      "convaincue",
      "considering",
      "emphasizing",
      "emphasising",
      "stressing",
      "mindful",
      "aware",
      "convinced",
      "concerned",
      "taking into account",
      "underlining",
    ],
  },
  {
    relation: "approves",
    role: "operative",
    phrases: ["approuve", "adopte", "enterine", "approves", "adopts", "endorses"],
  },
  {
    relation: "authorizes",
    role: "operative",
    phrases: ["donne mandat", "autorise", "authorizes", "authorises", "mandates"],
  },
  { relation: "amends", role: "operative", phrases: ["modifie", "amende", "revise", "amends", "revises"] },
  {
    relation: "supersedes",
    role: "operative",
    phrases: ["annule et remplace", "remplace", "supersedes", "replaces"],
  },
  { relation: "repeals", role: "operative", phrases: ["abroge", "repeals", "rescinds"] },
  {
    relation: "cites",
    role: "decides",
    phrases: [
      "decide",
      "decides",
      "resolves",
      "invite",
      "prie",
      "prie instamment",
      "encourage",
      "charge",
      "demande",
      "recommande",
      "exhorte",
      "invites",
      "requests",
      "urges",
      "encourages",
      "instructs",
      "recommends",
      "calls upon",
    ],
  },
];

/** Infinitives that carry the operative act under "décide" / "decides" ("1 d'approuver la conclusion …"). */
export const DECIDED_ACTS: { relation: Relation; phrases: string[] }[] = [
  {
    relation: "approves",
    phrases: ["d'approuver", "d'adopter", "d'enteriner", "to approve", "to adopt", "to endorse"],
  },
  {
    relation: "authorizes",
    phrases: ["d'autoriser", "de donner mandat", "to authorize", "to authorise", "to mandate"],
  },
  { relation: "amends", phrases: ["de modifier", "d'amender", "de reviser", "to amend", "to revise"] },
  {
    relation: "supersedes",
    phrases: ["d'annuler et remplacer", "de remplacer", "to replace", "to supersede"],
  },
  { relation: "repeals", phrases: ["d'abroger", "to repeal", "to rescind"] },
];

/** Triggers that type the reference right after them (only articles may stand between). */
export const TRIGGERS: { relation: Relation; phrases: string[] }[] = [
  {
    relation: "cites",
    phrases: [
      "conformement a",
      "conformement au",
      "conformement aux",
      "vu",
      "vise a",
      "visee a",
      "vises a",
      "visees a",
      "vise dans",
      "vises dans",
      "visee dans",
      "voir",
      "voir egalement",
      "voir aussi",
      "see",
      "see also",
      "pursuant to",
      "referred to in",
    ],
  },
  {
    relation: "based_on",
    phrases: [
      "en vertu de",
      "en vertu du",
      "en vertu des",
      "sur la base de",
      "sur la base du",
      "sur la base des",
      "under",
      "in accordance with",
      "on the basis of",
    ],
  },
  {
    relation: "implements",
    phrases: [
      "en application de",
      "en application du",
      "en application des",
      "pour donner suite a",
      "pour donner suite au",
      "mise en oeuvre de",
      "mise en ouvre de",
      "mise en oeuvre du",
      "mise en ouvre du",
      "in implementation of",
      "to implement",
      "implementing",
    ],
  },
  { relation: "supersedes", phrases: ["annule et remplace", "replaces"] },
];

/** Words that may stand between a trigger and its reference: articles, possessives, designators. */
const BRIDGE_WORDS = new Set(
  "la le les l' du des de d' au aux a sa son ses cette cet ce the its their this these resolution resolutions decision decisions document documents rapport rapports report reports general assembly assemblee generale security council".split(
    " ",
  ),
);
/** Words that may follow the conjunction joining two references that share a trigger or a verb. */
const JOIN_WORDS = new Set("la le les l' du des de d' au aux a the its".split(" "));
const CONJUNCTION = /^(?:et|ou|ainsi que|and|or|as well as)(?![\p{L}])/u;
const GAP_WORD = /[\p{L}\p{N}]+'?|'/gu;

function wordsAllIn(gap: string, allowed: ReadonlySet<string>): boolean {
  for (const w of gap.match(GAP_WORD) ?? []) if (!allowed.has(w)) return false;
  return true;
}

/**
 * Only articles and designators between a trigger and its reference ("en application de la
 * résolution AG-2010-RES-03"). Word by word, not one regex: a regex of optional repeated words can
 * read "de la de la …" in exponentially many ways.
 */
export function onlyArticles(gap: string): boolean {
  return gap.length <= 60 && !/[^\p{L}\p{N}'\s]/u.test(gap) && wordsAllIn(gap, BRIDGE_WORDS);
}

/** A coordination between two references: ", et à la", " and the", "; ainsi que". */
export function isCoordination(gap: string): boolean {
  if (gap.length > 40) return false;
  const rest = gap.replace(/^\s*[,;]?\s*/, "");
  const afterConjunction = rest.replace(CONJUNCTION, "");
  return !/[^\p{L}\p{N}'\s]/u.test(afterConjunction) && wordsAllIn(afterConjunction, JOIN_WORDS);
}

interface Trie {
  next: Map<string, Trie>;
  value?: {
    verb: ClauseVerb | null;
    relation: Relation;
    role: ClauseRole | "act" | "trigger";
    phrase: string;
  };
}

function buildTrie(entries: { phrase: string; value: NonNullable<Trie["value"]> }[]): Trie {
  const root: Trie = { next: new Map() };
  for (const { phrase, value } of entries) {
    let node = root;
    for (const word of phrase.split(/(?<=')|\s+/)) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map() }));
      node = child;
    }
    node.value = value;
  }
  return root;
}

function phraseRegex(phrases: string[]): RegExp {
  const alternatives = [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  // Folded text has no diacritics, so ASCII word boundaries are the right ones (and keep V8's fast scan).
  return new RegExp(`\\b(?:${alternatives.join("|")})\\b`, "g");
}

const TRIGGER_RE = phraseRegex(TRIGGERS.flatMap((t) => t.phrases));
const TRIGGER_OF = new Map(TRIGGERS.flatMap((t) => t.phrases.map((p) => [p, t.relation] as const)));

/** Every trigger phrase in folded text between `from` and `to`, in order. */
export function findTriggers(folded: string, from: number, to: number): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (const m of matchesIn(TRIGGER_RE, folded, from, to)) {
    const phrase = m[0].replace(/\s+/g, " ");
    out.push({
      verb: null,
      relation: TRIGGER_OF.get(phrase) ?? "cites",
      role: "trigger",
      phrase,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

export const VERB_TRIE = buildTrie(
  CLAUSE_VERBS.flatMap((verb) =>
    verb.phrases.map((phrase) => ({
      phrase,
      value: { verb, relation: verb.relation, role: verb.role, phrase },
    })),
  ),
);
export const ACT_TRIE = buildTrie(
  DECIDED_ACTS.flatMap((a) =>
    a.phrases.map((phrase) => ({
      phrase,
      value: { verb: null, relation: a.relation, role: "act" as const, phrase },
    })),
  ),
);

export type PhraseHit = NonNullable<Trie["value"]> & { start: number; end: number };

/** A phrase where it stands. Field by field: spreading the value was a good part of the lookup's time. */
function hitOf(value: NonNullable<Trie["value"]>, start: number, end: number): PhraseHit {
  return { verb: value.verb, relation: value.relation, role: value.role, phrase: value.phrase, start, end };
}

const WORD = /[\p{L}\p{N}]+'?|'/gu;

/** Words of a folded string with their offsets; "l'article" is "l'" + "article". */
export function words(
  folded: string,
  from = 0,
  to = folded.length,
): { w: string; start: number; end: number }[] {
  const out: { w: string; start: number; end: number }[] = [];
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(folded)) !== null && m.index < to)
    out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The longest phrase of `trie` that the words of folded text from `from` open with (words starting
 * before `to`), reading only as many words as the phrases go.
 */
export function phraseAt(trie: Trie, folded: string, from: number, to: number): PhraseHit | null {
  let node: Trie | undefined = trie;
  let start = -1;
  let best: { value: NonNullable<Trie["value"]>; end: number } | null = null;
  WORD.lastIndex = from;
  let m: RegExpExecArray | null;
  while (node && (m = WORD.exec(folded)) !== null && m.index < to) {
    if (start < 0) start = m.index;
    node = node.next.get(m[0]);
    if (node?.value) best = { value: node.value, end: m.index + m[0].length };
  }
  return best && hitOf(best.value, start, best.end);
}
