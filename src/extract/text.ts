// Offset-preserving views of a source text. Every view has exactly the length of the original, so
// an offset found in any view is an offset in the file: quotes and highlights stay exact.
//
// - `clean`: markup from converted documents (`^{ème}`, `<sup>`, `**`, `##`, `[bookmark: …]`)
//   blanked out, typographic apostrophes, dashes and spaces made plain. Case is kept.
// - `folded`: `clean`, lower-cased and without diacritics. Patterns are written against it.

const MARKUP = /<\/?(?:sup|sub|u|b|i|em|strong)>|\^\{|\[bookmark:[^\]\n]{0,80}\]|\*\*|^#{1,6}(?= )|(?<=\^\{[^}\n]{0,12})\}/gm;

const PLAIN: Record<string, string> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u2013": "-",
  "\u2014": "-",
  "\u2011": "-",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
  "\t": " ",
  "\r": " ",
  "\ufeff": " ",
  "\u00ba": "o",
  "\u00b0": "o",
};

export function clean(text: string): string {
  const blanked = text.replace(MARKUP, (m) => " ".repeat(m.length));
  let out = "";
  for (const ch of blanked) {
    const plain = ch.length === 1 ? PLAIN[ch] : undefined;
    // Astral characters (emoji) are two UTF-16 units: kept whole, so the length is unchanged.
    out += plain ?? ch;
  }
  return out;
}

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const hit = foldCache.get(ch);
  if (hit !== undefined) return hit;
  let f = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (ch === "\u0153" || ch === "\u0152") f = "o"; // "mise en œuvre" ≈ "mise en oeuvre" for one-letter folding
  if (f.length !== 1) f = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  foldCache.set(ch, f);
  return f;
}

/** Lower-case, strip diacritics, one UTF-16 unit for one UTF-16 unit. */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      out += text[i]! + text[i + 1]!;
      i++;
      continue;
    }
    out += foldChar(text[i]!);
  }
  return out;
}

/** Fold a short string for comparisons (search keys, aliases): also collapses white space. */
export function foldKey(text: string): string {
  return fold(clean(text)).replace(/\s+/g, " ").trim();
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Paragraphs: runs of lines. A line continues the previous one when that one does not end a
 * sentence or a clause (hard-wrapped text from PDF converters), unless it opens a list item.
 */
export function paragraphs(cleanText: string, from = 0, to = cleanText.length): Span[] {
  const out: Span[] = [];
  let cur: Span | null = null;
  let pos = from;
  while (pos < to) {
    let eol = cleanText.indexOf("\n", pos);
    if (eol === -1 || eol > to) eol = to;
    const line = cleanText.slice(pos, eol);
    const trimmed = line.trim();
    if (trimmed === "") {
      cur = null;
    } else {
      const lead = pos + line.length - line.trimStart().length;
      const tail = pos + line.trimEnd().length;
      const prev = cur ? cleanText.slice(cur.start, cur.end).trimEnd() : "";
      const continues =
        cur !== null && !/[.;:,!?)"»]$/.test(prev) && !/^(?:[-•*]\s|\d+(?:\.\d+)*[.)]?\s)/.test(trimmed) && /^[a-zà-ÿ(]/.test(trimmed) && prev.length > 60;
      if (continues && cur) {
        cur.end = tail;
      } else {
        cur = { start: lead, end: tail };
        out.push(cur);
      }
    }
    pos = eol + 1;
  }
  return out;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:r[ée]v|rev|no|nos|n|art|arts|al|cf|p|pp|vol|para|paras|doc|res|m|mm|mme|dr|st|etc|vs|e\.g|i\.e)|\b[A-Z])\.$/i;

/** Sentences of a paragraph: split after `.`, `!` or `?` followed by a capital, outside abbreviations. */
export function sentences(cleanText: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  const re = /[.!?](?=\s+["«(]?[A-ZÀ-Ý0-9])/g;
  re.lastIndex = para.start;
  const body = cleanText.slice(0, para.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const end = m.index + 1;
    const before = cleanText.slice(Math.max(start, end - 8), end);
    if (ABBREVIATIONS.test(before)) continue;
    out.push({ start, end });
    start = end;
    while (start < para.end && /\s/.test(cleanText[start]!)) start++;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}

/** A stable short hash (FNV-1a, 32 bits) in upper-case hex: ids for texts that state no number. */
export function shortHash(text: string, digits = 6): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).toUpperCase().padStart(8, "0").slice(0, digits);
}
