// INTERPOL General Assembly resolutions and reports, in the three generations of symbols:
// AGN/68/RES/5 (session only), AG-2015-RES-12 / GA-2008-RES-07, and GA-2017-86-RES-08 (year and session).
// RAP (French) and REP (English) are one series: reports.
import { ids, interpolSessionYear } from "../ids";
import { GA_SESSION_SOURCE, INTERPOL_SESSION_CUE, lastMatch, orgOfIssuer } from "./context";
import type { Groups, PatternRow, Resolution, ResolveContext } from "./types";

function interpolDocument(
  year: number | string,
  type: string | undefined,
  num: string | undefined,
): Resolution {
  const res = type === "res";
  return {
    id: ids.interpolGa(year, res ? "RES" : "REP", num ?? "0"),
    kind: res ? "resolution" : "document",
    confidence: 1,
  };
}

/** A General Assembly session is INTERPOL's when the text is, or the paragraph names INTERPOL. */
function interpolSession(g: Groups, ctx: ResolveContext): Resolution {
  const interpol =
    g.named !== undefined ||
    g.named2 !== undefined ||
    orgOfIssuer(ctx.text.issuer) === "INTERPOL" ||
    /interpol|o\.?i\.?p\.?c/.test(ctx.paragraphBefore);
  if (!interpol) return null;
  return { id: ids.interpolGaSession(Number(g.session)), kind: "event", confidence: 0.9 };
}

export const INTERPOL_ROWS: PatternRow[] = [
  {
    name: "interpol-ga-year-session",
    series: "INTERPOL GA resolution or report, year and session (2016 on)",
    lang: "any",
    pattern: String.raw`\b(?:ga|ag)-(?<year>(?:19|20)\d{2})-(?<session>\d{2,3})-(?<type>res|rep|rap)-(?<num>\d{1,3})\b`,
    resolve: (g: Groups) => interpolDocument(g.year!, g.type, g.num),
    examples: [
      { text: "GA-2017-86-RES-08", id: "INTERPOL-GA-2017-RES-08" },
      { text: "GA-2012-81-RES-08", id: "INTERPOL-GA-2012-RES-08" },
      { text: "rapport GA-2017-86-REP-09", id: "INTERPOL-GA-2017-REP-09" },
      { text: "AG-2019-88-RAP-04", id: "INTERPOL-GA-2019-REP-04" },
    ],
  },
  {
    name: "interpol-ga-year",
    series: "INTERPOL GA resolution or report, year only (2000s to 2015)",
    lang: "any",
    pattern: String.raw`\b(?:ga|ag)-(?<year>(?:19|20)\d{2})-(?<type>res|rep|rap)-(?<num>\d{1,3})\b`,
    resolve: (g: Groups) => interpolDocument(g.year!, g.type, g.num),
    examples: [
      { text: "AG-2015-RES-12", id: "INTERPOL-GA-2015-RES-12" },
      { text: "AG-2008-RES-07", id: "INTERPOL-GA-2008-RES-07" },
      { text: "GA-2008-RES-07", id: "INTERPOL-GA-2008-RES-07" },
      { text: "rapport AG-2015-RAP-09", id: "INTERPOL-GA-2015-REP-09" },
      { text: "report GA-2014-REP-3", id: "INTERPOL-GA-2014-REP-03" },
    ],
  },
  {
    name: "interpol-agn-session",
    series: "INTERPOL GA resolution or report, session only (AGN/68/RES/5: the 68th session met in 1999)",
    lang: "any",
    pattern: String.raw`\bagn\/(?<session>\d{2,3})\/(?<type>res|rep|rap)\/(?<num>\d{1,3})\b`,
    resolve: (g: Groups) => interpolDocument(interpolSessionYear(Number(g.session)), g.type, g.num),
    examples: [
      { text: "AGN/68/RES/5", id: "INTERPOL-GA-1999-RES-05" },
      { text: "AGN/69/RAP/22", id: "INTERPOL-GA-2000-REP-22" },
    ],
  },
];

/** Sessions of the General Assembly named in running text (the heading's own session is not a reference). */
export const INTERPOL_SESSION_ROWS: PatternRow[] = [
  {
    name: "interpol-ga-session",
    series: "INTERPOL GA session: «sa 86ème session de l'Assemblée générale», «sa 86ème Assemblée générale»",
    lang: "any",
    pattern: String.raw`\b${GA_SESSION_SOURCE}`,
    resolve: interpolSession,
    examples: [
      {
        text: "approuvé par INTERPOL à sa 86ème session de l'Assemblée générale tenue en septembre 2017",
        id: "INTERPOL-GA-SESSION-86",
      },
      { text: "at the 88th session of the INTERPOL General Assembly", id: "INTERPOL-GA-SESSION-88" },
      { text: "la 74e session de l'Assemblée générale des Nations Unies", id: null },
    ],
  },
  {
    name: "interpol-ga-session-met",
    series: "INTERPOL GA session: «l'Assemblée générale réunie en sa 91ème session»",
    lang: "any",
    pattern: String.raw`\bassemblee\s+generale\s+reunie\s+en\s+sa\s+(?<session>\d{2,3})\s*(?:e|eme|er|re)\s+session\b`,
    resolve: interpolSession,
    examples: [
      {
        text: "la Déclaration de Vienne, adoptée par l'Assemblée générale réunie en sa 91 ème session",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL" },
        id: "INTERPOL-GA-SESSION-91",
      },
    ],
  },
];

/**
 * A short "Résolution 8" names an INTERPOL resolution when the paragraph names the session
 * ("sa 86ème Assemblée générale … a adopté la Résolution 8"), or when the citing text is itself
 * an INTERPOL GA text of a known session.
 */
export function interpolShortResolution(
  num: string,
  paragraphBefore: string,
  text: { issuer?: string; session?: number },
): Resolution {
  const cue = lastMatch(INTERPOL_SESSION_CUE, paragraphBefore);
  const session = cue
    ? Number(cue.groups!.session)
    : text.issuer === "INTERPOL-GA"
      ? text.session
      : undefined;
  if (session === undefined) return null;
  return {
    id: ids.interpolGa(interpolSessionYear(session), "RES", num),
    kind: "resolution",
    confidence: cue ? 0.9 : 0.7,
  };
}
