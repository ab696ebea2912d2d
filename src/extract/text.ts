// Offset-preserving views of a source text. Every view has exactly the length of the original, so
// an offset found in any view is an offset in the file: quotes and highlights stay exact.
//
// - `clean`: markup from converted documents (`^{ème}`, `<sup>`, `**`, `##`, `[bookmark: …]`)
//   blanked out, typographic apostrophes, dashes and spaces made plain. Case is kept.
// - `folded`: `clean`, lower-cased and without diacritics. Patterns are written against it.

// Markup tokens are blanked; `^{ème}` keeps its letters ("86  ème ") so that ordinals still read.
const MARKUP =
  /<\/?(?:sup|sub|u|b|i|em|strong)>|\^\{[^}\n]{0,12}\}|\[bookmark:[^\]\n]{0,80}\]|\*\*|^#{1,6}(?= )/gm;

const PLAIN: Record<number, number> = {
  0x2019: 0x27, // ’
  0x2018: 0x27, // ‘
  0x02bc: 0x27, // ʼ
  0x2013: 0x2d, // –
  0x2014: 0x2d, // —
  0x2011: 0x2d, // non-breaking hyphen
  0x00a0: 0x20, // no-break space
  0x202f: 0x20, // narrow no-break space
  0x2009: 0x20, // thin space
  0x09: 0x20, // tab
  0x0d: 0x20, // carriage return
  0xfeff: 0x20, // byte-order mark
  0x00ba: 0x6f, // º
  0x00b0: 0x6f, // °
};

function fromCodes(codes: Uint16Array): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

export function clean(text: string): string {
  const blanked = text.replace(MARKUP, (m) =>
    m.startsWith("^{") ? `  ${m.slice(2, -1)} ` : " ".repeat(m.length),
  );
  const codes = new Uint16Array(blanked.length);
  for (let i = 0; i < blanked.length; i++) {
    const c = blanked.charCodeAt(i);
    codes[i] = c < 0x80 && c !== 0x09 && c !== 0x0d ? c : (PLAIN[c] ?? c);
  }
  return fromCodes(codes);
}

const foldCache = new Map<number, number>();

function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c; // surrogates (emoji) stay as they are
  const hit = foldCache.get(c);
  if (hit !== undefined) return hit;
  const ch = String.fromCharCode(c);
  let f = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (c === 0x153 || c === 0x152) f = "o"; // "mise en œuvre" folds one letter for one: "mise en ouvre"
  if (f.length !== 1) f = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  foldCache.set(c, f.charCodeAt(0));
  return f.charCodeAt(0);
}

/** Lower-case, strip diacritics, one UTF-16 unit for one UTF-16 unit. */
export function fold(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = foldCode(text.charCodeAt(i));
  return fromCodes(codes);
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
        cur !== null &&
        !/[.;:,!?)"»]$/.test(prev) &&
        !/^(?:[-•*]\s|\d+(?:\.\d+)*[.)]?\s)/.test(trimmed) &&
        /^[a-zà-ÿ(]/.test(trimmed) &&
        prev.length > 60;
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
const ABBREVIATIONS =
  /(?:\b(?:r[ée]v|rev|no|nos|n|art|arts|al|cf|p|pp|vol|para|paras|doc|res|m|mm|mme|dr|st|etc|vs|e\.g|i\.e)|\b[A-Z])\.$/i;

/** Sentences of a paragraph: split after `.`, `!` or `?` followed by a capital, outside abbreviations. */
export function sentences(cleanText: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  const re = /[.!?](?=\s+["«(]?[A-ZÀ-Ý0-9])/g;
  re.lastIndex = para.start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleanText)) !== null && m.index < para.end) {
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
