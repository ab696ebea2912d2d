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

/** The characters `clean` makes plain, found by one native search instead of a look at each character. */
const TO_PLAIN = new RegExp(
  `[${Object.keys(PLAIN)
    .map((c) => `\\u${Number(c).toString(16).padStart(4, "0")}`)
    .join("")}]`,
  "g",
);

export function clean(text: string): string {
  return text
    .replace(MARKUP, (m) => (m.startsWith("^{") ? `  ${m.slice(2, -1)} ` : " ".repeat(m.length)))
    .replace(TO_PLAIN, (ch) => String.fromCharCode(PLAIN[ch.charCodeAt(0)]!));
}

/** Each UTF-16 unit folded, filled in as units are met; 0 for one not met yet. */
const FOLDED = new Uint16Array(0x10000);

function foldCode(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c; // surrogates (emoji) stay as they are
  if (FOLDED[c]) return FOLDED[c];
  const ch = String.fromCharCode(c);
  let f = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (c === 0x153 || c === 0x152) f = "o"; // "mise en œuvre" folds one letter for one: "mise en ouvre"
  if (f.length !== 1) f = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  return (FOLDED[c] = f.charCodeAt(0));
}

function fromCodes(codes: Uint16Array): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192)
    out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

const BEYOND_ASCII = /[\u0080-\uffff]+/g;

/** Lower-case, strip diacritics, one UTF-16 unit for one UTF-16 unit. */
export function fold(text: string): string {
  // ASCII is lower-cased natively, in one pass. Every other character is folded on its own, from the
  // original (how a "Σ" lower-cases depends on its neighbours); the one that lower-cases to ASCII,
  // the Kelvin sign, folds to the same "k". Lower-casing keeps the length but for "İ" (two units):
  // a text that holds one is folded unit by unit.
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    const codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) codes[i] = foldCode(text.charCodeAt(i));
    return fromCodes(codes);
  }
  return lower.replace(BEYOND_ASCII, (run: string, at: number) => {
    let out = "";
    for (let i = at; i < at + run.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
    return out;
  });
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
 * Every match of a global regex inside text[from, to), with `index` an offset in `text`. The search
 * runs on that slice, so it can never scan past `to` looking for a next match: each region of a
 * file costs its own length, whatever follows it.
 */
export function matchesIn(re: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(region)) !== null) {
    if (m[0] === "") re.lastIndex++;
    m.index += from;
    out.push(m);
  }
  return out;
}

/** A line that opens a clause: a list item, or a verb in capitals ("RAPPELANT", "PRENANT NOTE", "APPROUVE"). */
const OPENS_CLAUSE =
  /^(?:[-•*]\s|\d+(?:\.\d+)*[.)]?\s|\p{Lu}{2,}(?:ANT|ANTE|ANTS|ANTES|E|ENT|S)\b|\p{Lu}{2,}\s+\p{Lu}{2,}\b|(?:rappelant|reaffirmant|réaffirmant|ayant|notant|prenant|reconnaissant|considerant|considérant|tenant|soulignant|estimant|constatant|gardant|recalling|reaffirming|noting|taking|recognizing|recognising|considering|bearing|having|welcoming|emphasizing|stressing)\b)/u;

/** Words a sentence or a title does not end on: a line ending on one was wrapped mid-sentence. */
const ENDS_MID_SENTENCE =
  /(?:^|[\s'])(?:de|du|des|la|le|les|l'|d'|a|à|au|aux|en|par|pour|sur|dans|avec|entre|sa|son|ses|of|the|to|in|on|by|for|with|its|an|et|ou|and|or)$/i;
// Not \b: JavaScript's \b knows only ASCII letters, so "à" would never be a word of its own.
/** The stronger form: a determiner or preposition, which a numbered item never follows ("réunie en sa⏎81ème"). */
const ENDS_ON_DETERMINER =
  /(?:^|[\s'])(?:de|du|des|la|le|les|l'|d'|à|au|aux|en|par|pour|sur|dans|sa|son|ses|of|the|to|in|its)$/i;
/** A line ending on a designator continues with its number: "… suite à la Décision⏎590 du Conseil". */
const ENDS_ON_DESIGNATOR =
  /\b(?:d[ée]cision|r[ée]solution|resolutions?|decisions?|rapport|report|documents?|num[ée]ro|no\.|article|articles|paragraphe|paragraph|contribution|annexe|annex|session|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** A line that starts with a symbol continues a sentence: "… du rapport⏎GA-2024-92-REP-11 ;". */
const STARTS_WITH_SYMBOL = /^(?:[A-Z]{1,4}[-/]\d|[A-Z]{1,3}\/[A-Z]{2,3}\/|C\d{2}\/|\d{1,3}\/\d)/;

/**
 * Paragraphs: runs of lines. A line continues the previous one when that one is long and does not
 * end a sentence or a clause (text hard-wrapped by a PDF converter), unless it opens a clause.
 */
export function paragraphs(cleanText: string, from = 0, to = cleanText.length): Span[] {
  const out: Span[] = [];
  let cur: Span | null = null;
  let last = "";
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
      const continues =
        cur !== null &&
        last.length > 50 &&
        !/[.:!?]$/.test(last) &&
        (((ENDS_ON_DESIGNATOR.test(last) || ENDS_ON_DETERMINER.test(last) || /[-–]$/.test(last)) &&
          /^\d/.test(trimmed)) ||
          (!OPENS_CLAUSE.test(trimmed) &&
            // After , ; ) or a quote only a lower-case word or a symbol goes on ("… 2020,⏎77/20 …", "…;⏎ainsi que …").
            (/^[\p{Ll}(]/u.test(trimmed) ||
              STARTS_WITH_SYMBOL.test(trimmed) ||
              (!/[,;)"»]$/.test(last) && ENDS_MID_SENTENCE.test(last)))));
      if (continues && cur) {
        cur.end = tail;
      } else {
        cur = { start: lead, end: tail };
        out.push(cur);
      }
      last = trimmed;
    }
    pos = eol + 1;
  }
  return out;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS =
  /(?:\b(?:r[ée]v|rev|no|nos|n|art|arts|al|cf|p|pp|vol|para|paras|doc|res|m|mm|mme|dr|st|etc|vs|e\.g|i\.e)|\b[A-Z])\.$/i;

const SENTENCE_END = /[.!?](?=\s+["«(]?[A-ZÀ-Ý0-9])/g;

/** Sentences of a paragraph: split after `.`, `!` or `?` followed by a capital, outside abbreviations. */
export function sentences(cleanText: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  for (const m of matchesIn(SENTENCE_END, cleanText, para.start, para.end)) {
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

/** Line and column (1-based) of offsets, by binary search over line starts computed once. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
