// Pass 1: the structure of a file. A file may hold several texts (a Plenipotentiary document that
// carries an agreement and a Council decision as annexes); each gets its own heading facts — id,
// kind, issuer, session, place, date, title — and the span after its heading where its own
// references are read. Headings are recognised by the rows below: adding a form is adding a row.
import type { NodeKind } from "../model/vocabulary";
import { isoDate, MONTH_NAMES } from "./dates";
import { ids } from "./ids";
import type { Lexicon } from "./lexicon";
import { INTERPOL_ROWS } from "./patterns/interpol";
import { orgOfIssuer } from "./patterns/context";
import { foldKey, matchesIn, paragraphs, shortHash, type Span } from "./text";

export interface SessionFacts {
  id: string;
  issuer: string;
  session: number;
  date?: string;
  place?: string;
}

export interface TextUnit {
  id: string;
  kind: NodeKind;
  lang: "fr" | "en";
  title?: string;
  date?: string;
  place?: string;
  issuer?: string;
  org?: string;
  session?: number;
  year?: number;
  start: number;
  end: number;
  /** References are read from here on: the heading is the text's own description, not a citation. */
  bodyStart: number;
  /** Where the text names itself, when it does. */
  idSpan?: Span;
  /** The heading sentence that names the adopting session or body. */
  adoptedBy?: { id: string; span: Span; clause: string };
  session_?: SessionFacts;
  /** Documents this text stands inside, with the span that says so. */
  partOf: { id: string; span: Span; clause: string }[];
  /** True when the id is a stable fallback because the text states no number of its own. */
  unnumbered?: boolean;
}

const M = `(?:${MONTH_NAMES})`;

const INTERPOL_GA_FR = new RegExp(
  String.raw`assemblee\s+generale\s+de\s+l'?\s*(?:o\.?\s*i\.?\s*p\.?\s*c\.?\s*-?\s*)?interpol\s*,?\s+reunie\s+en\s+sa\s+(?<session>\d{1,3})\s*(?:e|eme|er|re)\s+session\s+a\s+(?<place>[^]{2,80}?)\s*,?\s+(?:du\s+(?<d1>\d{1,2})(?:er)?(?:\s+(?<m1>${M}))?(?:\s+(?<y1>\d{4}))?\s+au\s+|le\s+)(?<d2>\d{1,2})(?:er)?\s+(?<m2>${M})\s+(?<y2>\d{4})`,
);
const INTERPOL_GA_EN = new RegExp(
  String.raw`(?:icpo-)?interpol\s+general\s+assembly,\s+meeting\s+(?:at|in)\s+its\s+(?<session>\d{1,3})\s*(?:st|nd|rd|th)\s+session\s+in\s+(?<place>[^]{2,80}?)\s*,?\s+(?:from\s+(?<d1>\d{1,2})(?:\s+(?<m1>${M}))?(?:\s+(?<y1>\d{4}))?\s+to\s+|on\s+)(?<d2>\d{1,2})\s+(?<m2>${M})\s+(?<y2>\d{4})`,
);
const NUMBERED_RESOLUTION = /^resolution\s*(?:no\.?|n\s*o)?\s*(?<num>\d{1,3})\s*$/;
const BARE_RESOLUTION = /^resolution\s*$/;
const SUBJECT = /^(?:objet|subject)\s*:\s*/;
/** UN General Assembly: "Resolution adopted by the General Assembly on 24 December 2024". */
const UNGA_ADOPTED = new RegExp(
  String.raw`^(?:resolution\s+adopted\s+by\s+the\s+general\s+assembly\s+on|resolution\s+adoptee\s+par\s+l'assemblee\s+generale\s+le)\s+(?<d>\d{1,2})(?:er)?\s+(?<m>${M})\s+(?<y>\d{4})`,
);
/** "79/260. Follow-up to the United Nations Convention against Cybercrime": number and title. */
const UNGA_NUMBER_TITLE = /^(?<session>\d{1,3})\/(?<num>\d{1,4})\.\s+\S/;
/** The body line that ends a UN heading: "The General Assembly," / "L'Assemblée générale,". */
const UNGA_BODY_LINE = /^(?:the\s+general\s+assembly|l'assemblee\s+generale)\s*,\s*$/;
const ITU_DECISION = /^decision\s+(?:no\.?\s*)?(?<num>\d{1,4})\s*$/;
const ITU_DOCUMENT_LINE = /^document\s+(?<series>c|pp)(?<yy>\d{2})\/(?<num>\d{1,4})(?:-[efsacr])?\s*$/;
const ITU_BODY_LINE =
  /^(?:le conseil|the council|la conference de plenipotentiaires|the plenipotentiary conference)\s*,?\s*$/;
const AGREEMENT_HEADING = /^(?:accord|agreement|memorandum|convention|protocole|protocol)\b/;
/** ITU documents end with their file path, which encodes conference and number: PP18\000\047V2F.docx. */
const ITU_FOOTER = /\bp:\\[a-z]{3}\\sg\\conf-sg\\pp(?<yy>\d{2})\\\d{3}\\(?<num>\d{3})v?\d*[a-z]\.docx/;
const STANDALONE_DATE = new RegExp(String.raw`^(?<d>\d{1,2})(?:er)?\s+(?<m>${M})\s+(?<y>\d{4})\s*$`);

/** INTERPOL's own symbol rows, compiled once: anchored (a line of its own) and searching. */
const SYMBOL_ROWS = INTERPOL_ROWS.map((row) => ({
  row,
  whole: new RegExp(`^(?:${row.pattern})$`),
  any: new RegExp(row.pattern, "g"),
}));

const NO_CONTEXT = {
  text: {},
  raw: "",
  before: "",
  after: "",
  paragraphBefore: "",
  nearestOrg: () => undefined,
};

/** The INTERPOL symbol a paragraph consists of ("GA-2017-86-RES-08" on a line of its own), if any. */
function ownSymbol(folded: string) {
  for (const { row, whole } of SYMBOL_ROWS) {
    const m = whole.exec(folded);
    if (m) return { row, groups: m.groups ?? {} };
  }
  return null;
}

const FUNCTION_WORDS = /\b(?:le|la|les|des|du|et|de|the|of|and|to|its)\b/g;
const ENGLISH = new Set(["the", "of", "and", "to", "its"]);

export function detectLanguage(folded: string): "fr" | "en" {
  // One pass over the sample for the words of both languages, counted apart.
  let en = 0;
  let fr = 0;
  for (const w of folded.slice(0, 20000).match(FUNCTION_WORDS) ?? []) {
    if (ENGLISH.has(w)) en++;
    else fr++;
  }
  return en > fr ? "en" : "fr";
}

const isCaps = (s: string) => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);

interface Start {
  para: number;
  unit: Omit<TextUnit, "end">;
}

/** Split a file into its texts and read each heading. */
export function structure(
  text: string,
  cleanText: string,
  folded: string,
  file: string,
  lexicon: Lexicon,
): TextUnit[] {
  const paras = paragraphs(cleanText);
  const lang = detectLanguage(folded);
  const f = (p: Span) => folded.slice(p.start, p.end).trim();
  const starts: Start[] = [];

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const ft = f(p);
    let m: RegExpExecArray | null;
    if ((m = ITU_DECISION.exec(ft))) {
      // "Document C17/126-F", a date, then "décision 598": the decision stands inside that document.
      let from = i;
      const partOf: TextUnit["partOf"] = [];
      let date: string | undefined;
      for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
        const d = ITU_DOCUMENT_LINE.exec(f(paras[k]!));
        const s = STANDALONE_DATE.exec(f(paras[k]!));
        if (s && !date) date = isoDate(s.groups!.y!, s.groups!.m!, s.groups!.d!);
        if (d) {
          from = k;
          partOf.push({
            id: ids.ituDocument(d.groups!.series!, d.groups!.yy!, d.groups!.num!),
            span: paras[k]!,
            clause: "",
          });
          break;
        }
      }
      let bodyPara = i + 1;
      let title: string | undefined;
      let adoptedBy: TextUnit["adoptedBy"];
      for (let k = i + 1; k < Math.min(paras.length, i + 5); k++) {
        const fk = f(paras[k]!);
        if (ITU_BODY_LINE.test(fk)) {
          const body = /conference|plenipotentiary/.test(fk) ? "ITU-PP" : "ITU-C";
          adoptedBy = {
            id: body,
            span: paras[k]!,
            clause: text.slice(paras[k]!.start, paras[k]!.end).replace(/,\s*$/, ""),
          };
          bodyPara = k + 1;
          break;
        }
        if (!fk.startsWith("(") && !title) title = text.slice(paras[k]!.start, paras[k]!.end).trim();
      }
      if (!adoptedBy) title = undefined;
      starts.push({
        para: from,
        unit: {
          id: ids.ituCouncilDecision(m.groups!.num!),
          kind: "decision",
          lang,
          title,
          date,
          issuer: "ITU-C",
          org: "ITU",
          year: date ? Number(date.slice(0, 4)) : undefined,
          start: paras[from]!.start,
          bodyStart: paras[bodyPara]?.start ?? p.end,
          idSpan: p,
          adoptedBy,
          partOf,
        },
      });
      i = bodyPara - 1;
      continue;
    }
    const raw = cleanText.slice(p.start, p.end).trim();
    if (AGREEMENT_HEADING.test(ft) && isCaps(raw) && i > 0) {
      // The heading runs over the following capitalised paragraphs: "ACCORD DE COOPÉRATION / ENTRE / …".
      let k = i;
      while (k + 1 < paras.length && isCaps(cleanText.slice(paras[k + 1]!.start, paras[k + 1]!.end))) k++;
      const heading = text.slice(p.start, paras[k]!.end).replace(/\s+/g, " ").trim();
      const entry = lexicon.lookup(heading);
      const kind: NodeKind = /^(?:convention)/.test(ft) ? "convention" : "agreement";
      starts.push({
        para: i,
        unit: {
          id: entry?.id ?? `${kind.toUpperCase()}-${shortHash(heading)}`,
          kind: entry?.kind ?? kind,
          lang,
          title: heading,
          start: p.start,
          bodyStart: paras[k + 1]?.start ?? paras[k]!.end,
          idSpan: { start: p.start, end: paras[k]!.end },
          partOf: [],
          unnumbered: !entry,
        },
      });
      i = k;
    }
  }

  // The file's own text: from the start to the first embedded text (or the whole file).
  const first = starts[0];
  const docEnd = first ? first.unit.start : text.length;
  const doc = readDocumentHeading(
    text,
    folded,
    paras.filter((p) => p.end <= docEnd || !first),
    file,
    lang,
  );
  // A file that opens with a text's heading (an ITU decision on its own) is that text: nothing
  // before it names a document that could hold it.
  const opensWithText =
    first !== undefined && doc.unnumbered === true && doc.id.startsWith("DOC-") && first.para <= 2;
  const units: TextUnit[] = opensWithText ? [] : [{ ...doc, end: docEnd }];
  starts.forEach((s, n) => {
    const end = starts[n + 1]?.unit.start ?? text.length;
    // An embedded text is part of the file's own document.
    const partOf = [...s.unit.partOf];
    if (!(opensWithText && n === 0) && doc.id !== s.unit.id)
      partOf.push({
        id: doc.id,
        span: s.unit.idSpan ?? { start: s.unit.start, end: s.unit.bodyStart },
        clause: "",
      });
    units.push({
      ...s.unit,
      ...(opensWithText && n === 0 ? { start: 0 } : {}),
      partOf,
      end,
      // An agreement reproduced in a document is not issued by that document's body.
      issuer:
        s.unit.issuer ??
        (s.unit.kind === "agreement" || s.unit.kind === "convention" ? undefined : doc.issuer),
      org: s.unit.org ?? doc.org,
      year: s.unit.year ?? doc.year,
    });
  });
  return units;
}

function readDocumentHeading(
  text: string,
  folded: string,
  paras: Span[],
  file: string,
  lang: "fr" | "en",
): Omit<TextUnit, "end"> {
  const unit: Omit<TextUnit, "end"> = { id: "", kind: "document", lang, start: 0, bodyStart: 0, partOf: [] };
  let number: string | undefined;
  let resolution = false;
  let headingEnd = -1;
  // The heading sentence "L'Assemblée générale …, réunie en sa …" may share its paragraph with the
  // body when a converter dropped the line breaks: the body then starts right after it.
  let headingEndOffset = -1;
  const head = paras.slice(0, 12);
  head.forEach((p, i) => {
    const ft = folded.slice(p.start, p.end).trim();
    const raw = text.slice(p.start, p.end).trim();
    let m: RegExpExecArray | null;
    let symbol: ReturnType<typeof ownSymbol>;
    if ((m = NUMBERED_RESOLUTION.exec(ft))) {
      number = m.groups!.num;
      resolution = true;
      headingEnd = Math.max(headingEnd, i);
    } else if (BARE_RESOLUTION.test(ft)) {
      resolution = true;
      headingEnd = Math.max(headingEnd, i);
    } else if ((m = UNGA_ADOPTED.exec(ft))) {
      unit.issuer = "UNGA";
      unit.org = "UN";
      unit.date = isoDate(m.groups!.y!, m.groups!.m!, m.groups!.d!);
      unit.year = Number(m.groups!.y);
      headingEnd = Math.max(headingEnd, i);
    } else if (
      (m = UNGA_NUMBER_TITLE.exec(ft)) &&
      (unit.issuer === "UNGA" || /\ba\/res\//.test(folded.slice(0, p.start)))
    ) {
      unit.id = ids.unResolution("UNGA", `${Number(m.groups!.session)}/${Number(m.groups!.num)}`);
      unit.kind = "resolution";
      unit.issuer = "UNGA";
      unit.org = "UN";
      unit.session = Number(m.groups!.session);
      unit.idSpan = { start: p.start, end: p.start + m.groups!.session!.length + 1 + m.groups!.num!.length };
      unit.title = raw
        .slice(raw.indexOf(".") + 1)
        .trim()
        .replace(/\s+/g, " ");
      headingEnd = Math.max(headingEnd, i);
    } else if (UNGA_BODY_LINE.test(ft) && unit.issuer === "UNGA") {
      unit.adoptedBy = { id: "UNGA", span: p, clause: raw.replace(/,\s*$/, "") };
      headingEnd = Math.max(headingEnd, i);
    } else if (SUBJECT.test(ft)) {
      unit.title = raw
        .replace(/^[^:]*:\s*/, "")
        .replace(/\*+/g, "")
        .replace(/\s+/g, " ")
        .trim();
      headingEnd = Math.max(headingEnd, i);
    } else if ((m = INTERPOL_GA_FR.exec(ft) ?? INTERPOL_GA_EN.exec(ft))) {
      const g = m.groups!;
      const session = Number(g.session);
      unit.issuer = "INTERPOL-GA";
      unit.org = "INTERPOL";
      unit.session = session;
      unit.place = placeOf(text, folded, p, g.place!);
      unit.date = isoDate(g.y1 ?? g.y2!, g.m1 ?? g.m2!, g.d1 ?? g.d2!);
      unit.year = Number(g.y1 ?? g.y2);
      const sessionId = ids.interpolGaSession(session);
      const verb =
        /reunie\s+en\s+sa\s+\d{1,3}[^]{0,40}?session|meeting\s+(?:at|in)\s+its\s+\d{1,3}[^]{0,20}?session/.exec(
          ft,
        );
      const at = verb ? p.start + verb.index : p.start; // paragraphs start at their first character
      unit.adoptedBy = {
        id: sessionId,
        span: p,
        clause: verb ? text.slice(at, at + verb[0].length) : raw.replace(/,\s*$/, ""),
      };
      unit.session_ = { id: sessionId, issuer: "INTERPOL-GA", session, date: unit.date, place: unit.place };
      if (p.end - p.start > 2 * m[0].length + 200)
        headingEndOffset = Math.max(headingEndOffset, p.start + m.index + m[0].length);
      else headingEnd = Math.max(headingEnd, i);
    } else if ((symbol = ownSymbol(ft))) {
      const res = symbol.row.resolve(symbol.groups, NO_CONTEXT);
      if (res && "id" in res) {
        unit.id = res.id;
        unit.kind = res.kind;
        unit.idSpan = p;
        headingEnd = Math.max(headingEnd, i);
      }
    }
  });
  const headingLimit = Math.max(headingEnd >= 0 ? paras[headingEnd]!.end : 0, headingEndOffset);
  if (!unit.id && unit.issuer === "INTERPOL-GA" && unit.year && headingLimit > 0) {
    // The symbol may share a paragraph with the rest of the heading: take the first one of the
    // heading's own year ("Résolution nº 3 GA-2025-93-RES-03 Objet : …").
    const heading = folded.slice(0, headingLimit);
    // One pass per row over the heading, then the earliest symbol of the heading's year.
    const found = SYMBOL_ROWS.flatMap(({ row, any }) =>
      matchesIn(any, heading, 0, heading.length).map((m) => ({ row, m })),
    ).sort((a, b) => a.m.index - b.m.index);
    for (const { row, m } of found) {
      const res = row.resolve(m.groups ?? {}, NO_CONTEXT);
      if (res && "id" in res && res.id.includes(`-${unit.year}-RES-`)) {
        unit.id = res.id;
        unit.idSpan = { start: m.index, end: m.index + m[0].length };
        break;
      }
    }
    const numbered = /^\s*resolution\s*(?:no\.?|n\s*o)?\s*(\d{1,3})\b/.exec(heading);
    if (!unit.id && numbered) number ??= numbered[1];
  }
  if (!unit.id && unit.issuer === "INTERPOL-GA" && unit.year) {
    if (number) unit.id = ids.interpolGa(unit.year, "RES", number);
    // The hash is of the subject folded and on one line: re-wrapping or re-typing the text keeps the id.
    else
      unit.id = ids.interpolGaUnnumbered(unit.year, shortHash(foldKey(unit.title ?? folded.slice(0, 2000))));
    unit.unnumbered = !number;
  }
  if (resolution || unit.id.includes("-RES-")) unit.kind = "resolution";
  if (!unit.id) {
    const footer = ITU_FOOTER.exec(folded);
    if (footer) {
      unit.id = ids.ituDocument("PP", footer.groups!.yy!, footer.groups!.num!);
      unit.issuer = "ITU-PP";
      unit.org = "ITU";
      unit.year = 2000 + Number(footer.groups!.yy);
      unit.date = String(unit.year);
      unit.idSpan = { start: footer.index, end: footer.index + footer[0].length };
    }
  }
  if (!unit.id) {
    // Nothing names the text: a stable id from its file name, flagged so nobody mistakes it for a symbol.
    unit.id = `DOC-${file
      .replace(/^.*[\\/]/, "")
      .replace(/\.[^.]*$/, "")
      .replace(/\.(fr|en)$/, "")
      .toUpperCase()}`;
    unit.unnumbered = true;
  }
  unit.org ??= orgOfIssuer(unit.issuer);
  unit.bodyStart = headingLimit;
  return unit;
}

function placeOf(text: string, folded: string, p: Span, foldedPlace: string): string | undefined {
  const at = folded.indexOf(foldedPlace, p.start);
  if (at < 0 || at > p.end) return undefined;
  return text
    .slice(at, at + foldedPlace.length)
    .replace(/\s+/g, " ")
    .trim();
}
