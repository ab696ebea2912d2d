// Extraction: a source text in, its texts and every reference they make out. Pure: no DOM, no
// Node built-ins; the same code runs in the CLI and in the browser. Passes, each replaceable:
//   structure (texts and headings) → candidates (pattern rows, registry aliases, anaphora)
//   → resolution (canonical ids, in context) → typing (the governing clause) → references.
import type { NodeKind, Relation } from "../model/vocabulary";
import {
  ACT_TRIE,
  onlyArticles,
  isCoordination,
  findTriggers,
  phraseAt,
  VERB_TRIE,
  words,
  type PhraseHit,
} from "./clauses";
import { EMPTY_LEXICON, type AliasHit, type Lexicon } from "./lexicon";
import { PATTERN_ROWS, type Groups, type PatternRow, type ResolveContext, type TextFacts } from "./patterns";
import { lastOrgMentioned } from "./patterns/context";
import { structure, type SessionFacts, type TextUnit } from "./structure";
import { clean, fold, lineIndex, matchesIn, paragraphs, sentences, type Span } from "./text";

export interface Reference {
  /** The citing text (a file may hold several). */
  from: string;
  target: string;
  kind: NodeKind;
  relation: Relation;
  /** The governing verb or trigger, as written; empty when none governs ("cites" by default). */
  clause: string;
  surface: string;
  start: number;
  end: number;
  /** The sentence that makes the reference, verbatim, and where it stands. */
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  pinpoint?: string;
  version?: string;
  /** A date the reference states for its target. */
  date?: string;
  /** The pattern row, "alias", "anaphora" or "heading" that found it. */
  rule: string;
  confidence: number;
}

export interface Unresolved {
  from: string;
  surface: string;
  start: number;
  end: number;
  line: number;
  column: number;
  rule: string;
  reason: string;
}

export interface Extraction {
  file: string;
  /** The file's own text first, then the texts it carries (annexes, reproduced decisions). */
  texts: TextUnit[];
  refs: Reference[];
  unresolved: Unresolved[];
  sessions: SessionFacts[];
}

export interface ExtractOptions {
  /** The file name, recorded as the source of every reference. */
  file: string;
  /** Named instruments and events from the registry. */
  lexicon?: Lexicon;
  /**
   * Read the whole text as the body of one citing text with these facts, without looking for a
   * heading: for a passage quoted out of its document, and for the pattern tables' tests.
   */
  context?: TextFacts & { id?: string };
}

interface Candidate {
  start: number;
  end: number;
  rule: string;
  weak?: boolean;
  resolve(ctx: ResolveContext): ReturnType<PatternRow["resolve"]>;
}

/** Head words a definite short form refers back with ("la Convention", "cet Accord", "du Forum"), and the kinds each may name. */
const ANAPHORA_KINDS: Record<string, readonly NodeKind[]> = {
  convention: ["convention"],
  accord: ["agreement"],
  agreement: ["agreement"],
  protocole: ["agreement", "convention"],
  protocol: ["agreement", "convention"],
  memorandum: ["agreement"],
  traite: ["agreement", "convention"],
  treaty: ["agreement", "convention"],
  charte: ["convention", "declaration"],
  charter: ["convention", "declaration"],
  declaration: ["declaration"],
  forum: ["event"],
};
const ANAPHORA =
  /\b(?:la|le|l'|du|de la|cet|cette|ce|ledit|ladite|this|the|said)\s*(?:projet\s+d'\s*|draft\s+)?(?<head>convention|accord|agreement|declaration|forum|protocole|protocol|traite|treaty|charte|charter|memorandum)\b(?:\s+de\s+cooperation\b)?/g;

/** "Accord de coopération, intitulé "…"": a title quoted after these words names another text. */
const TITLE_BEFORE = /(?:intitule|intitulee|intitules|intitulees|entitled|titled)\s*[«"“]\s*$/;

/** "X figurant à l'annexe 1 du rapport Y", "X dont le texte figure en annexe 1 du rapport Y": X is part of Y. */
const ANNEX_BETWEEN =
  /^\s*,?\s*(?:(?:qui|dont le texte|tel qu'il|telle qu'elle|as)\s+)?(?:figurant|figure|figurent|reproduit|reproduite|contenu|contenue|contained|annexed|set out)\s+(?:a|en|dans|in|to)\s+(?:l'|la |le |the )?(?:annexe?|appendice|appendix)\s*(?:[0-9]+|[a-z])?\s*(?:du|de la|de l'|au|of|to)\s*(?:the\s+)?(?:rapport|report|document|resolution|decision)?\s*$/;

/** "DONNE MANDAT au Secrétaire Général pour le signer": the object is what the text just approved. */
const PRONOUN_OBJECT =
  /\b(?:pour|a|de)\s+(?:le|la|les)\s+(?:signer|conclure|ratifier)\b|\bto\s+(?:sign|conclude|ratify)\s+(?:it|them)\b/;

/** The text itself as the subject of a sentence: its triggers are its own acts. */
const SELF_SUBJECT =
  /\b(?:la presente (?:resolution|decision)|le present (?:accord|document|protocole)|this (?:resolution|decision|agreement)|the present (?:resolution|decision|agreement))\b/;

/** "la résolution X est abrogée", "resolution X is hereby repealed": the act follows the reference. */
const PASSIVE_ACT =
  /^\s*(?:est|sont|is|are|shall be)\s+(?:hereby\s+|par la presente\s+)?(abrogee|abrogees|abroge|abroges|repealed|rescinded|remplacee|remplacees|remplace|remplaces|replaced|superseded|modifiee|modifiees|modifie|modifies|amended)\b/;
function passiveRelation(word: string): Relation {
  if (/^(?:abrog|repealed|rescinded)/.test(word)) return "repeals";
  if (/^(?:remplac|replaced|superseded)/.test(word)) return "supersedes";
  return "amends";
}

/** "(article 37 sur l'extradition et article 40 …)" after a reference to one instrument: its pinpoints. */
const LOOSE_ARTICLE = /\barticles?\s+(\d{1,3}(?:\s?\(\d{1,2}\))?)/g;

const INSTRUMENT_KINDS: ReadonlySet<NodeKind> = new Set([
  "convention",
  "agreement",
  "declaration",
  "document",
]);

const compiled = new Map<string, { re: RegExp; item?: RegExp; boundary: boolean }>();
/**
 * A row's regex, compiled once. A leading `\b` is checked here instead of in the regex: a pattern
 * that starts with a literal lets V8 skip through the text to it, which `\b` prevents.
 */
function compile(row: PatternRow) {
  let c = compiled.get(row.name);
  if (!c) {
    const boundary = row.pattern.startsWith("\\b");
    c = {
      // Only list items need the offsets of their groups (`d`), which cost a little on every match.
      re: new RegExp(boundary ? row.pattern.slice(2) : row.pattern, "g"),
      item: row.listItem ? new RegExp(row.listItem, "yd") : undefined,
      boundary,
    };
    compiled.set(row.name, c);
  }
  return c;
}

/** Letters, digits, and anything beyond ASCII (folded text keeps a few non-ASCII letters). */
const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code > 127;

/** How far back resolvers look for cues: a sentence or two, never the whole of a huge paragraph. */
const LOOKBEHIND = 1500;

function candidates(folded: string, unit: TextUnit, lexicon: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const from = unit.bodyStart;
  const to = unit.end;
  // Rows run on the text's own region (see matchesIn): offsets found in `body` are shifted by `from`.
  const body = folded.slice(from, to);
  for (const row of PATTERN_ROWS) {
    const { re, item, boundary } = compile(row);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(body)) !== null) {
      if (m[0] === "") {
        re.lastIndex++;
        continue;
      }
      if (boundary && isWordChar(m.index > 0 ? body.charCodeAt(m.index - 1) : folded.charCodeAt(from - 1))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const groups: Groups = m.groups ?? {};
      out.push({
        start: from + m.index,
        end: from + m.index + m[0].length,
        rule: row.name,
        weak: row.weak,
        resolve: (ctx) => row.resolve(groups, ctx),
      });
      if (!item) continue;
      // Further items of a list share the row; each starts at its own number, not at the comma before it.
      item.lastIndex = re.lastIndex;
      let im: RegExpExecArray | null;
      while ((im = item.exec(body)) !== null && im[0] !== "") {
        const g: Groups = im.groups ?? {};
        const numberAt = im.indices?.groups?.session?.[0] ?? im.indices?.groups?.dsession?.[0] ?? im.index;
        out.push({
          start: from + numberAt,
          end: from + im.index + im[0].length,
          rule: row.name,
          resolve: (ctx) => row.resolve(g, ctx),
        });
        re.lastIndex = item.lastIndex;
      }
    }
  }
  const aliases: AliasHit[] = lexicon.find(folded, from, to);
  for (const hit of aliases) {
    out.push({
      start: hit.start,
      end: hit.end,
      rule: "alias",
      resolve: () => ({ id: hit.entry.id, kind: hit.entry.kind, confidence: 0.95 }),
    });
  }
  // Anaphora refer back to the last alias with the same head word, of a kind that head can name.
  const lastByHead = new Map<string, AliasHit>();
  let ai = 0;
  for (const a of matchesIn(ANAPHORA, folded, from, to)) {
    for (; ai < aliases.length && aliases[ai]!.end <= a.index; ai++) {
      const hit = aliases[ai]!;
      if (ANAPHORA_KINDS[hit.head]?.includes(hit.entry.kind)) lastByHead.set(hit.head, hit);
    }
    const antecedent = lastByHead.get(a.groups!.head!);
    // "de la Convention des Nations Unies contre …" is the alias itself, not a short form.
    const overlapsAlias = ai < aliases.length && aliases[ai]!.start < a.index + a[0].length;
    if (antecedent && !overlapsAlias) {
      const entry = antecedent.entry;
      out.push({
        start: a.index,
        end: a.index + a[0].length,
        rule: "anaphora",
        resolve: () => ({ id: entry.id, kind: entry.kind, confidence: 0.7 }),
      });
    }
  }
  // Longest first at each position; overlapping shorter candidates are dropped. A named instrument
  // inside a quoted title ("la Décision 590, intitulée "Accord de coopération …"") is not cited.
  // Weak rows (a name the registry lacks) only count where nothing else matched.
  const cited = out.filter(
    (c) =>
      !(
        (c.rule === "alias" || c.rule === "anaphora") &&
        TITLE_BEFORE.test(folded.slice(Math.max(0, c.start - 25), c.start))
      ),
  );
  const byPosition = (x: Candidate, y: Candidate) => x.start - y.start || y.end - y.start - (x.end - x.start);
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of cited.filter((c) => !c.weak).sort(byPosition)) {
    if (c.start >= reach) {
      kept.push(c);
      reach = c.end;
    }
  }
  const weak = cited.filter((c) => c.weak && !kept.some((k) => k.start < c.end && c.start < k.end));
  return weak.length ? [...kept, ...weak].sort(byPosition) : kept;
}

interface Governor {
  hit: PhraseHit;
  /** As written in the text. */
  clause: string;
  /** For operative verbs: the end of the verb, from where the direct object is read. */
  objectFrom: number;
}

const LIST_MARKER = /^(?:[-•*]\s*)?(?:\d+(?:\.\d+)*[.)]?\s*|[a-z][.)]\s+)?/;

/** Verbs written in capitals inside a paragraph ("…, et ACCUEILLANT FAVORABLEMENT les conclusions"). */
const CAPS_RUN = /\b\p{Lu}[\p{Lu}'’ ]{3,}\p{Lu}\b/gu;

/** Clause verbs that govern a paragraph, in order of appearance. */
function governors(
  text: string,
  cleanText: string,
  folded: string,
  para: Span,
  inherited: Governor | null,
): Governor[] {
  const out: Governor[] = [];
  const lead = LIST_MARKER.exec(folded.slice(para.start, para.end))?.[0].length ?? 0;
  const from = para.start + lead;
  const to = Math.min(para.end, from + 120);
  const atStart = phraseAt(VERB_TRIE, folded, from, to);
  if (atStart) {
    out.push({ hit: atStart, clause: text.slice(atStart.start, atStart.end), objectFrom: atStart.end });
  } else if (inherited) {
    const act = inherited.hit.role === "decides" ? phraseAt(ACT_TRIE, folded, from, to) : null;
    if (act)
      out.push({
        hit: act,
        clause: `${inherited.clause} … ${text.slice(act.start, act.end)}`,
        objectFrom: act.end,
      });
    else out.push(inherited);
  } else {
    const caps = /^(\p{Lu}{3,}(?:ANT|ANTE|ANTS|ANTES))\b/u.exec(cleanText.slice(para.start + lead, para.end));
    if (caps)
      out.push({
        hit: {
          verb: null,
          relation: "cites",
          role: "preamble",
          phrase: caps[1]!.toLowerCase(),
          start: para.start + lead,
          end: para.start + lead + caps[1]!.length,
        },
        clause: caps[1]!,
        objectFrom: para.start + lead + caps[1]!.length,
      });
  }
  for (const m of matchesIn(CAPS_RUN, cleanText, para.start + lead + 1, para.end)) {
    if (m.index <= (out[0]?.hit.end ?? -1)) continue;
    const hit = phraseAt(VERB_TRIE, folded, m.index, m.index + m[0].length);
    if (hit) out.push({ hit, clause: text.slice(hit.start, hit.end), objectFrom: hit.end });
  }
  return out;
}

/** A paragraph that is nothing but a verb ("ayant examiné", "décide"): it governs what follows. */
function verbLine(text: string, folded: string, para: Span): Governor | null {
  if (para.end - para.start > 60) return null; // a verb line is a few words; don't tokenise paragraphs
  const ft = folded.slice(para.start, para.end).replace(/[\s,:;]+$/, "");
  const hit = phraseAt(VERB_TRIE, ft, 0, ft.length);
  if (!hit || hit.end !== ft.length || words(ft).length > 5) return null;
  const at = { ...hit, start: para.start + hit.start, end: para.start + hit.end };
  return { hit: at, clause: text.slice(at.start, at.end), objectFrom: at.end };
}

/** Extract every text and reference of one source file. */
export function extract(text: string, options: ExtractOptions): Extraction {
  const lexicon = options.lexicon ?? EMPTY_LEXICON;
  const cleanText = clean(text);
  const folded = fold(cleanText);
  const ctx = options.context;
  const units: TextUnit[] = ctx
    ? [
        {
          id: ctx.id ?? "PASSAGE",
          kind: "document",
          lang: "fr",
          ...ctx,
          start: 0,
          end: text.length,
          bodyStart: 0,
          partOf: [],
        },
      ]
    : structure(text, cleanText, folded, options.file, lexicon);
  const refs: Reference[] = [];
  const unresolved: Unresolved[] = [];
  const lineCol = lineIndex(text);

  for (const unit of units) {
    const quoteOf = (span: Span) => ({
      quote: text.slice(span.start, span.end).trim(),
      quoteStart: span.start,
      quoteEnd: span.end,
    });
    // What the heading says of the text: the session or body that adopted it, the documents it stands in.
    const fromHeading = (
      target: string,
      kind: NodeKind,
      relation: Relation,
      span: Span,
      clause: string,
      confidence: number,
    ) =>
      refs.push({
        from: unit.id,
        target,
        kind,
        relation,
        clause,
        surface: text.slice(span.start, span.end).trim(),
        start: span.start,
        end: span.end,
        ...quoteOf(span),
        rule: "heading",
        confidence,
      });
    if (unit.adoptedBy) {
      const a = unit.adoptedBy;
      fromHeading(a.id, a.id.includes("SESSION") ? "event" : "body", "adopted_by", a.span, a.clause, 1);
    }
    for (const p of unit.partOf) fromHeading(p.id, "document", "part_of", p.span, p.clause, 0.9);

    const cands = candidates(folded, unit, lexicon);
    const paras = paragraphs(cleanText, unit.bodyStart, unit.end);
    let ci = 0;
    let lineVerb: Governor | null = null;
    let lastApproved: Reference | null = null;
    for (const para of paras) {
      const line = verbLine(text, folded, para);
      if (line) {
        lineVerb = line;
        continue;
      }
      const govs = governors(text, cleanText, folded, para, lineVerb);
      const own: Governor | null =
        govs[0] && govs[0] !== lineVerb && !govs[0].clause.includes(" … ") ? govs[govs.length - 1]! : null;
      // "INVITE l'ensemble des pays membres à :" governs the list items that follow it.
      if (own)
        lineVerb =
          /:\s*$/.test(folded.slice(para.start, para.end)) && own.hit.role !== "preamble" ? own : null;
      const sents = sentences(cleanText, para);
      const triggers: PhraseHit[] = findTriggers(folded, para.start, para.end);
      while (ci < cands.length && cands[ci]!.start < para.start) ci++;
      const paraFirst = ci;
      let prev: {
        end: number;
        relation: Relation;
        clause: string;
        carried: boolean;
        sentence: Span;
        target: string;
      } | null = null;
      const paraRefs: Reference[] = [];
      const objectTaken = new Set<Governor>();
      // Candidates come in text order: sentences, verbs and triggers are followed with pointers.
      let si = 0;
      let gi = -1;
      let ti = -1;
      for (; ci < cands.length && cands[ci]!.start < para.end; ci++) {
        const c = cands[ci]!;
        while (si + 1 < sents.length && sents[si]!.end <= c.start) si++;
        const sentence = sents[si] && c.start >= sents[si]!.start ? sents[si]! : para;
        while (gi + 1 < govs.length && govs[gi + 1]!.hit.start < c.start) gi++;
        while (ti + 1 < triggers.length && triggers[ti + 1]!.end <= c.start) ti++;
        const before = folded.slice(Math.max(sentence.start, c.start - LOOKBEHIND), c.start);
        const ctx: ResolveContext = {
          text: { org: unit.org, issuer: unit.issuer, session: unit.session, year: unit.year },
          raw: text.slice(c.start, c.end),
          before,
          after: folded.slice(c.end, Math.min(sentence.end, c.end + 160)),
          paragraphBefore: folded.slice(Math.max(para.start, c.start - LOOKBEHIND), c.start),
          nearestOrg: () => lastOrgMentioned(before),
        };
        const res = c.resolve(ctx);
        if (res === null) continue;
        if ("unresolved" in res) {
          unresolved.push({
            from: unit.id,
            surface: text.slice(c.start, c.end),
            start: c.start,
            end: c.end,
            ...lineCol(c.start),
            rule: c.rule,
            reason: res.unresolved,
          });
          continue;
        }
        if (res.id === unit.id) continue;

        // Typing: the governing clause, a trigger right before, or a coordination with the previous reference.
        const gov = gi >= 0 ? govs[gi]! : null;
        // Only the nearest trigger can qualify: any earlier one has the nearer one's words in between.
        const near = ti >= 0 ? triggers[ti]! : undefined;
        const trigger =
          near && near.start >= sentence.start && onlyArticles(folded.slice(near.end, c.start))
            ? near
            : undefined;
        const coordinated =
          prev !== null && prev.sentence === sentence && isCoordination(folded.slice(prev.end, c.start));
        let relation: Relation = "cites";
        let clause = "";
        let carried = false;
        const operative = gov !== null && (gov.hit.role === "operative" || gov.hit.role === "act");
        // The direct object comes before any prepositional phrase: "d'autoriser … conformément à X" does not authorize X.
        // Triggers are sorted and apart: one lies between the verb and c iff the nearest one before c does.
        const triggerBetween = operative && near !== undefined && near.start >= gov.objectFrom;
        // "La présente résolution annule et remplace …": the text itself is the subject.
        const ownSentence = gov !== null || SELF_SUBJECT.test(before);
        const passive = ownSentence ? PASSIVE_ACT.exec(ctx.after) : null;
        if (passive) {
          // "DÉCIDE que la résolution X est abrogée"
          relation = passiveRelation(passive[1]!);
          clause = passive[0].trim();
        } else if (gov && gov.hit.role === "preamble") {
          relation = trigger?.relation === "cites" ? "cites" : gov.hit.relation;
          clause = trigger?.relation === "cites" ? text.slice(trigger.start, trigger.end) : gov.clause;
        } else if (
          operative &&
          ((!objectTaken.has(gov) && c.start - gov.objectFrom <= 200 && !trigger && !triggerBetween) ||
            (coordinated && prev?.carried))
        ) {
          relation = gov.hit.relation;
          clause = gov.clause;
          carried = true;
        } else if (trigger) {
          // In the text's own clauses a trigger types the reference. In a narrative passage ("En vertu du
          // numéro 80 …, le Conseil a décidé") it describes someone else's act: the text only cites.
          relation = ownSentence ? trigger.relation : "cites";
          clause = text.slice(trigger.start, trigger.end);
          carried = true;
        } else if (coordinated && prev?.carried) {
          relation = prev.relation;
          clause = prev.clause;
          carried = true;
        } else if (gov) {
          clause = gov.clause;
        }
        if (operative) objectTaken.add(gov);

        const quoteSpan = narrowQuote(cleanText, sentence, c.start);
        refs.push({
          from: unit.id,
          target: res.id,
          kind: res.kind,
          relation,
          clause,
          surface: text.slice(c.start, c.end),
          start: c.start,
          end: c.end,
          ...quoteOf(quoteSpan),
          ...(res.pinpoint ? { pinpoint: res.pinpoint } : annexPinpoint(before)),
          ...(res.version ? { version: versionAsWritten(text.slice(c.start, c.end)) ?? res.version } : {}),
          ...(res.date ? { date: res.date } : {}),
          rule: c.rule,
          confidence: res.confidence,
        });
        const ref = refs[refs.length - 1]!;
        paraRefs.push(ref);
        if (relation === "approves") lastApproved = ref;
        if (prev && prev.sentence === sentence && ANNEX_BETWEEN.test(folded.slice(prev.end, c.start))) {
          refs.push({
            ...ref,
            from: prev.target,
            relation: "part_of",
            clause: text.slice(prev.end, c.start).trim(),
            rule: "annex",
            confidence: Math.min(ref.confidence, 0.8),
          });
        }
        prev = { end: c.end, relation, clause, carried, sentence, target: res.id };
      }
      attachLoosePinpoints(folded, sents, paraRefs, cands.slice(paraFirst, ci));
      // An operative verb whose object is a pronoun ("pour le signer") acts on what the text just approved.
      const pending = govs.find(
        (g) => (g.hit.role === "operative" || g.hit.role === "act") && !objectTaken.has(g),
      );
      const pronoun =
        pending && lastApproved ? PRONOUN_OBJECT.exec(folded.slice(pending.objectFrom, para.end)) : null;
      if (pending && pronoun && lastApproved) {
        const start = pending.objectFrom + pronoun.index;
        const end = start + pronoun[0].length;
        const sentence = sents.find((x) => start >= x.start && start < x.end) ?? para;
        refs.push({
          ...lastApproved,
          relation: pending.hit.relation,
          clause: pending.clause,
          surface: text.slice(start, end),
          start,
          end,
          ...quoteOf(sentence),
          rule: "pronoun",
          confidence: 0.7,
        });
      }
    }
    unresolved.push(...unknownIdForms(text, folded, unit, cands, lineCol));
  }
  // A clause is shown as written, but on one line: "réunie en sa 86ème⏎session" reads "réunie en sa 86ème session".
  for (const r of refs) r.clause = r.clause.replace(/\s+/g, " ").trim();
  const sessions = units.flatMap((u) => (u.session_ ? [u.session_] : []));
  return { file: options.file, texts: units, refs, unresolved, sessions };
}

/**
 * "la Convention reconnaît … (article 37 sur l'extradition et article 40 …)": articles a sentence
 * names after its one instrument, and outside any reference, are that instrument's pinpoints.
 */
function attachLoosePinpoints(folded: string, sents: Span[], paraRefs: Reference[], cands: Candidate[]) {
  // References and candidates are in text order: walk them alongside the sentences.
  const refs = paraRefs.filter((r) => r.relation !== "part_of");
  let ri = 0;
  let ci = 0;
  for (const sentence of sents) {
    while (ri < refs.length && refs[ri]!.start < sentence.start) ri++;
    const inSentence: Reference[] = [];
    for (let k = ri; k < refs.length && refs[k]!.start < sentence.end; k++) inSentence.push(refs[k]!);
    const ref = inSentence[0];
    if (
      !ref ||
      ref.pinpoint ||
      !INSTRUMENT_KINDS.has(ref.kind) ||
      inSentence.some((r) => r.target !== ref.target)
    )
      continue;
    const pins: string[] = [];
    for (const m of matchesIn(LOOSE_ARTICLE, folded, ref.end, sentence.end)) {
      while (ci < cands.length && cands[ci]!.end <= m.index) ci++;
      const insideCandidate = ci < cands.length && cands[ci]!.start <= m.index;
      if (!insideCandidate) pins.push(`art. ${m[1]!.replace(/\s+/g, "")}`);
    }
    if (pins.length) for (const r of inSentence) r.pinpoint = pins.join("; ");
  }
}

/** A noun that names a text, and the id written after it: "la résolution XQ-77/BIS", "document C19/4". */
const NAMED_ID =
  /\b(?:resolution|decision|recommandation|recommendation|rapport|report|document)s?\s+(?:(?:n[°o]|no\.|number)\s*)?([a-z0-9][a-z0-9./-]*[a-z0-9])/g;

/**
 * Ids no pattern recognises: a text named by its noun and an id with letters and digits that no
 * candidate covers. Said, never guessed: the build reports them with their line.
 */
function unknownIdForms(
  text: string,
  folded: string,
  unit: TextUnit,
  cands: Candidate[],
  lineCol: (offset: number) => { line: number; column: number },
): Unresolved[] {
  const out: Unresolved[] = [];
  const body = folded.slice(unit.bodyStart, unit.end);
  let ci = 0;
  for (const m of body.matchAll(NAMED_ID)) {
    const token = m[1]!;
    if (!/[0-9]/.test(token) || !/[a-z]/.test(token)) continue;
    const end = unit.bodyStart + m.index + m[0].length;
    const start = end - token.length;
    while (ci < cands.length && cands[ci]!.end <= start) ci++;
    if (ci < cands.length && cands[ci]!.start < end) continue;
    out.push({
      from: unit.id,
      surface: text.slice(start, end),
      start,
      end,
      ...lineCol(start),
      rule: "unknown-form",
      reason: "an id in no known form (no pattern of this project reads it)",
    });
  }
  return out;
}

/** "… figurant à l'annexe 1 du rapport X", "set out in Appendix 1 to report X": the part of X meant. */
const ANNEX_BEFORE =
  /\b(annexe?|appendice|appendix)\s+([0-9]+|[a-z])\s+(?:du|de la|de l'|au|of|to)\s*(?:the\s+)?(?:present\s+)?(?:rapport|report|document|documents)?\s*$/;

function annexPinpoint(before: string): { pinpoint?: string } {
  const m = ANNEX_BEFORE.exec(before);
  if (!m) return {};
  const part = m[1]!.startsWith("app") ? "appendix" : "annex";
  return { pinpoint: `${part} ${m[2]!.toUpperCase()}` };
}

/** "(Rév. Dubaï, 2018)" as the text spells it: "Dubaï, 2018". */
function versionAsWritten(surface: string): string | undefined {
  const m = /\((?:R[ée]v\.\s*)?([^(),]+?),\s*(\d{4})\)/u.exec(surface);
  return m ? `${m[1]!.trim()}, ${m[2]}` : undefined;
}

/** A sentence longer than this is quoted by its `;`-delimited part that holds the reference. */
const LONG_QUOTE = 500;
/** How far a narrowed quote reaches on either side of its reference, at most. */
const QUOTE_REACH = 1000;

function narrowQuote(cleanText: string, sentence: Span, at: number): Span {
  if (sentence.end - sentence.start <= LONG_QUOTE) return sentence;
  // Bounded scans: a sentence can be a whole text whose full stops were lost.
  const lo = Math.max(sentence.start, at - QUOTE_REACH);
  const hi = Math.min(sentence.end, at + QUOTE_REACH);
  let start = lo;
  for (let i = at - 1; i >= lo; i--)
    if (cleanText[i] === ";") {
      start = i + 1;
      break;
    }
  let end = hi;
  for (let i = at; i < hi; i++)
    if (cleanText[i] === ";") {
      end = i + 1;
      break;
    }
  while (start < end && /\s/.test(cleanText[start]!)) start++;
  return { start, end };
}
