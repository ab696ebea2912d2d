// ITU: Council decisions and resolutions, Plenipotentiary / WTDC / WTSA resolutions with their
// revision ("Résolution 130 (Rév. Busan, 2014)"), Council documents (C17/65), contributions, and
// Plenipotentiary documents. A bare "Résolution N" is shared with INTERPOL's short form; the
// resolver reads the context to tell them apart.
import { ids } from "../ids";
import { ITU_COUNCIL_CUE, ITU_COUNCIL_YEAR_CUE, lastMatch, orgOfIssuer } from "./context";
import { interpolShortResolution } from "./interpol";
import type { Groups, PatternRow, Resolution, ResolveContext } from "./types";

const CONFERENCE_CUES: { conf: "PP" | "WTDC" | "WTSA"; pattern: RegExp }[] = [
  {
    conf: "WTDC",
    pattern:
      /^[^.;]{0,40}?(?:\bcmdt\b|\bwtdc\b|conference mondiale de developpement des telecommunications|world telecommunication development conference)/,
  },
  {
    conf: "WTSA",
    pattern:
      /^[^.;]{0,40}?(?:\bamnt\b|\bwtsa\b|assemblee mondiale de normalisation des telecommunications|world telecommunication standardization assembly)/,
  },
  {
    conf: "PP",
    pattern: /^[^.;]{0,40}?(?:conference de plenipotentiaires|plenipotentiary conference|\bpp\b)/,
  },
];

function capitalizeWords(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "résolution 1373 (2001) du Conseil de sécurité", "Security Council resolution 2341 (2017)". */
const SECURITY_COUNCIL_AFTER = /^[^.;]{0,12}?(?:du conseil de securite|of the security council)/;
const SECURITY_COUNCIL_BEFORE = /(?:security council|conseil de securite)\s*$/;

function shortResolution(g: Groups, ctx: ResolveContext): Resolution {
  const num = g.num!;
  if (SECURITY_COUNCIL_AFTER.test(ctx.after) || SECURITY_COUNCIL_BEFORE.test(ctx.before))
    return {
      id: ids.unResolution("UNSC", String(Number(num))),
      kind: "resolution",
      date: g.year,
      confidence: 0.95,
    };
  const version = g.vplace && g.vyear ? `${capitalizeWords(g.vplace.trim())}, ${g.vyear}` : undefined;
  for (const cue of CONFERENCE_CUES) {
    if (cue.pattern.test(ctx.after))
      return {
        id: ids.ituConferenceResolution(cue.conf, num),
        kind: "resolution",
        version,
        date: g.vyear,
        confidence: 1,
      };
  }
  if (/^[^.;]{0,30}?(?:du conseil|of the council)/.test(ctx.after)) {
    return { id: ids.ituCouncilResolution(num), kind: "resolution", confidence: 0.9 };
  }
  // A revision note "(Rév. Busan, 2014)" is the mark of an ITU conference resolution, whatever the
  // citing text; Busan, Guadalajara, Antalya… host Plenipotentiary Conferences, the default.
  if (version)
    return {
      id: ids.ituConferenceResolution("PP", num),
      kind: "resolution",
      version,
      date: g.vyear,
      confidence: 0.8,
    };
  const interpol = interpolShortResolution(num, ctx.paragraphBefore, ctx.text);
  if (interpol) return interpol;
  if (orgOfIssuer(ctx.text.issuer) === "ITU")
    return { id: ids.ituCouncilResolution(num), kind: "resolution", confidence: 0.6 };
  return {
    unresolved: `resolution ${num} names no series (no conference, council or assembly), and the citing text gives none`,
  };
}

export const ITU_ROWS: PatternRow[] = [
  {
    name: "short-resolution",
    series: "Resolution N, with an optional revision: ITU conferences or Council, or INTERPOL GA by context",
    lang: "any",
    pattern: String.raw`\bresolution\s+(?:no\.?\s*|n\s*o\s*)?(?<num>\d{1,4})(?![\d/])(?:\s*\((?:rev\.\s*)?(?<vplace>[a-z][a-z .'-]{1,30}?),\s*(?<vyear>\d{4})\)|\s*\((?<year>\d{4})\))?`,
    resolve: shortResolution,
    examples: [
      {
        text: "la Résolution 130 (Rév. Busan, 2014) de la Conférence de plénipotentiaires",
        id: "ITU-PP-RES-130",
        version: "Busan, 2014",
      },
      {
        text: "Resolution 179 (Rev. Busan, 2014) of the Plenipotentiary Conference",
        id: "ITU-PP-RES-179",
        version: "Busan, 2014",
      },
      { text: "Resolution 67 (Hyderabad, 2010) of WTDC", id: "ITU-WTDC-RES-67", version: "Hyderabad, 2010" },
      {
        text: "Résolution 50 (Rév. Hammamet, 2016) de l'AMNT",
        id: "ITU-WTSA-RES-50",
        version: "Hammamet, 2016",
      },
      { text: "Resolution 1306 of the Council", id: "ITU-C-RES-1306" },
      { text: "Resolution 1306", facts: { issuer: "ITU-C", org: "ITU" }, id: "ITU-C-RES-1306" },
      {
        text: "a soumis l'Accord à sa 86ème Assemblée générale, qui s'est tenue à Beijing (Chine) en septembre 2017. L'Assemblée a adopté la Résolution 8",
        facts: { issuer: "ITU-PP", org: "ITU" },
        id: "INTERPOL-GA-2017-RES-08",
      },
      {
        text: "la résolution 5",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL", session: 68 },
        id: "INTERPOL-GA-1999-RES-05",
      },
      {
        text: "Réaffirmant la résolution 1373 (2001) du Conseil de sécurité",
        facts: { issuer: "UNGA", org: "UN" },
        id: "UNSC-RES-1373",
      },
      {
        text: "Bearing in mind Security Council resolution 2341 (2017),",
        facts: { issuer: "UNGA", org: "UN" },
        id: "UNSC-RES-2341",
      },
      {
        text: "conformément à la Résolution 130 (Rév. Dubaï, 2018)",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL", session: 92 },
        id: "ITU-PP-RES-130",
        version: "Dubaï, 2018",
      },
    ],
  },
  {
    name: "itu-council-decision",
    series: "ITU Council decision: Décision 598 (du Conseil)",
    lang: "any",
    pattern: String.raw`\bdecisions?\s+(?:no\.?\s*)?(?<num>\d{1,4})(?![\d/])`,
    resolve: (g: Groups, ctx: ResolveContext): Resolution => {
      const explicit = /^[^.;]{0,12}?(?:du conseil|of the council|du conseil de l'uit)/.test(ctx.after);
      if (explicit || orgOfIssuer(ctx.text.issuer) === "ITU" || ITU_COUNCIL_CUE.test(ctx.before)) {
        return { id: ids.ituCouncilDecision(g.num!), kind: "decision", confidence: explicit ? 1 : 0.85 };
      }
      return { unresolved: `"Décision ${g.num}" names no body and the citing text is not an ITU text` };
    },
    examples: [
      { text: "la Décision 598 du Conseil", id: "ITU-C-DEC-598" },
      { text: "Decision 590 of the Council", id: "ITU-C-DEC-590" },
      {
        text: "le Conseil a adopté la Décision 590",
        facts: { issuer: "ITU-PP", org: "ITU" },
        id: "ITU-C-DEC-590",
      },
      {
        text: "approuvée par le Conseil de l'UIT aux termes de la Décision 598",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL" },
        id: "ITU-C-DEC-598",
      },
      { text: "la Décision 12", facts: { issuer: "INTERPOL-GA", org: "INTERPOL" }, id: null },
    ],
  },
  {
    name: "itu-document",
    series: "ITU Council or Plenipotentiary document: C17/65, Document C17/126-F, PP18/47",
    lang: "any",
    pattern: String.raw`\b(?<series>c|pp)-?(?<yy>\d{2})\/(?<num>\d{1,4})\b(?:-[efsacr]\b)?`,
    resolve: (g: Groups) => ({
      id: ids.ituDocument(g.series!, g.yy!, g.num!),
      kind: "document",
      confidence: 1,
    }),
    examples: [
      { text: "le Document C17/65", id: "ITU-DOC-C17/65" },
      { text: "Documents C17/126, C17/65", id: "ITU-DOC-C17/126" },
      { text: "Document C17/126-F", id: "ITU-DOC-C17/126" },
      { text: "Document PP18/47", id: "ITU-DOC-PP18/47" },
    ],
  },
  {
    name: "itu-contribution",
    series: "Contribution N to a Council session of a year the paragraph names",
    lang: "any",
    pattern: String.raw`\bcontribution\s+(?:no\.?\s*)?(?<num>\d{1,4})\b`,
    resolve: (g: Groups, ctx: ResolveContext): Resolution => {
      const cue = lastMatch(ITU_COUNCIL_YEAR_CUE, ctx.paragraphBefore);
      const year = cue?.slice(1).find((y) => y !== undefined);
      if (!year) return { unresolved: `"Contribution ${g.num}" without the Council session it went to` };
      return { id: ids.ituDocument("C", year.slice(2), g.num!), kind: "document", confidence: 0.8 };
    },
    examples: [
      {
        text: "Pendant la session de 2016 du Conseil, un Groupe de travail ad hoc a été créé au sujet de la Contribution 71",
        id: "ITU-DOC-C16/71",
      },
      { text: "la Contribution 71", id: null },
    ],
  },
];
