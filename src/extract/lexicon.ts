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

function tokens(folded: string): string[] {
  return folded.match(TOKEN) ?? [];
}

const LEADING_NOISE = new Set(["projet", "d", "draft", "the", "la", "le", "l", "les"]);

export class Lexicon {
  private readonly root: Node = { next: new Map() };
  readonly entries: LexiconEntry[];

  constructor(entries: LexiconEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      if (!REFERABLE_KINDS.has(entry.kind)) continue;
      for (const alias of entry.aliases) {
        const ws = tokens(fold(clean(alias)));
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
  }

  /** Every longest, non-overlapping alias occurrence in folded text between `from` and `to`. */
  find(folded: string, from: number, to: number): AliasHit[] {
    const ws: { w: string; start: number; end: number }[] = [];
    TOKEN.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(folded)) !== null && m.index < to)
      ws.push({ w: m[0], start: m.index, end: m.index + m[0].length });
    const hits: AliasHit[] = [];
    for (let i = 0; i < ws.length; i++) {
      let node: Node | undefined = this.root;
      let best: { entry: LexiconEntry; j: number } | null = null;
      for (let j = i; j < ws.length && node; j++) {
        node = node.next.get(ws[j]!.w);
        if (node?.entry) best = { entry: node.entry, j };
      }
      if (best) {
        let h = i;
        while (h < best.j && LEADING_NOISE.has(ws[h]!.w)) h++;
        hits.push({ entry: best.entry, start: ws[i]!.start, end: ws[best.j]!.end, head: ws[h]!.w });
        i = best.j;
      }
    }
    return hits;
  }

  /** The entry one whole alias names, if any ("ACCORD DE COOPÉRATION ENTRE … INTERPOL ET L'UNION …"). */
  lookup(text: string): LexiconEntry | undefined {
    const key = tokens(fold(clean(text))).join(" ");
    return this.entries.find((e) => e.aliases.some((a) => tokens(fold(clean(a))).join(" ") === key));
  }
}

export const EMPTY_LEXICON = new Lexicon([]);
