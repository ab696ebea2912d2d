// Named instruments and events without a symbol ("Convention des Nations Unies contre la
// cybercriminalité", "signé le 26 mars 2018") are found through the aliases the registry lists.
// Aliases are matched word by word on folded text (accents, case and punctuation ignored),
// longest alias first, in one pass over the text.
import { REFERABLE_KINDS, type NodeKind } from "../model/vocabulary";
import { clean, fold } from "./text";

export interface LexiconEntry {
  id: string;
  kind: NodeKind;
  aliases: string[];
}

interface Node {
  next: Map<string, Node>;
  entry?: LexiconEntry;
}

export interface AliasHit {
  entry: LexiconEntry;
  start: number;
  end: number;
  /** The alias's first word: "convention", "accord", "forum" — what a later "la Convention" refers back to. */
  head: string;
}

const TOKEN = /[\p{L}\p{N}]+/gu;
const WORD_TAIL = /[\p{L}\p{N}]*/uy;
const LETTER_AT = /[\p{L}\p{N}]/uy;
const LETTER_LAST = /[\p{L}\p{N}]$/u;

/**
 * Whether no letter or digit beyond ASCII touches text[start, end): the search for openings has
 * ruled out ASCII ones itself.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = start > 0 && text.charCodeAt(start - 1) >= 0x80;
  if (before && LETTER_LAST.test(text.slice(Math.max(0, start - 2), start))) return false;
  LETTER_AT.lastIndex = end;
  return !(text.charCodeAt(end) >= 0x80 && LETTER_AT.test(text));
}

function tokens(folded: string): string[] {
  return folded.match(TOKEN) ?? [];
}

const LEADING_NOISE = new Set(["projet", "d", "draft", "the", "la", "le", "l", "les"]);

export class Lexicon {
  private readonly root: Node = { next: new Map() };
  /** Where an alias may start: a word aliases open with, before a word that may follow it; null for none. */
  private readonly opening: RegExp | null;
  readonly entries: LexiconEntry[];
  /** Each alias on one line of folded words, to the first entry that lists it: what `lookup` reads. */
  private readonly byAlias = new Map<string, LexiconEntry>();

  constructor(entries: LexiconEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      for (const alias of entry.aliases) {
        const ws = tokens(fold(clean(alias)));
        const key = ws.join(" ");
        if (!this.byAlias.has(key)) this.byAlias.set(key, entry);
        if (!REFERABLE_KINDS.has(entry.kind)) continue;
        if (ws.length < 2) continue; // one word ("Accord") is never specific enough to name an instrument
        let node = this.root;
        for (const w of ws) {
          let child = node.next.get(w);
          if (!child) node.next.set(w, (child = { next: new Map() }));
          node = child;
        }
        node.entry ??= entry;
      }
    }
    // A word that opens an alias, followed by a word that may come second ("a" only before "lyon").
    // Bounded by ASCII letters and digits only: Unicode classes would slow the search down several
    // times, and the few hits next to another script's letters are checked one by one. Longest
    // first, so that a word is tried whole before any word it starts with.
    const openings = [...this.root.next]
      .sort(([a], [b]) => b.length - a.length)
      .map(([w, node]) => `${w}(?=[^A-Za-z0-9]+(?:${[...node.next.keys()].join("|")}))`);
    this.opening = openings.length ? new RegExp(`(?<![A-Za-z0-9])(?:${openings.join("|")})`, "g") : null;
  }

  /**
   * Every longest, non-overlapping alias occurrence in folded text between `from` and `to`. A walk
   * down the tree starts only where an alias may open: the text is searched for those places with
   * one regex, instead of being cut into words.
   */
  find(folded: string, from: number, to: number): AliasHit[] {
    const hits: AliasHit[] = [];
    const opening = this.opening;
    if (!opening) return hits;
    // The region, with the whole of a word that runs past its end: words starting before `to` count.
    WORD_TAIL.lastIndex = to;
    const region = folded.slice(from, to + (WORD_TAIL.exec(folded)?.[0].length ?? 0));
    opening.lastIndex = 0;
    let f: RegExpExecArray | null;
    while ((f = opening.exec(region)) !== null && from + f.index < to) {
      if (!standsAlone(region, f.index, f.index + f[0].length)) {
        opening.lastIndex = f.index + 1;
        continue;
      }
      // The words from this one on, for as long as they go down the tree.
      const ws = [{ w: f[0], start: from + f.index, end: from + f.index + f[0].length }];
      let node = this.root.next.get(f[0]);
      let best: { entry: LexiconEntry; j: number } | null = node?.entry ? { entry: node.entry, j: 0 } : null;
      TOKEN.lastIndex = ws[0]!.end;
      let m: RegExpExecArray | null;
      while (node && (m = TOKEN.exec(folded)) !== null && m.index < to) {
        ws.push({ w: m[0], start: m.index, end: m.index + m[0].length });
        node = node.next.get(m[0]);
        if (node?.entry) best = { entry: node.entry, j: ws.length - 1 };
      }
      if (best) {
        let h = 0;
        while (h < best.j && LEADING_NOISE.has(ws[h]!.w)) h++;
        hits.push({ entry: best.entry, start: ws[0]!.start, end: ws[best.j]!.end, head: ws[h]!.w });
        opening.lastIndex = ws[best.j]!.end - from;
      }
    }
    return hits;
  }

  /** The entry one whole alias names, if any ("ACCORD DE COOPÉRATION ENTRE … INTERPOL ET L'UNION …"). */
  lookup(text: string): LexiconEntry | undefined {
    return this.byAlias.get(tokens(fold(clean(text))).join(" "));
  }
}

export const EMPTY_LEXICON = new Lexicon([]);
