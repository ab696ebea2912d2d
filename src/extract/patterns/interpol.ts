// INTERPOL General Assembly resolutions and reports, in the three generations of symbols:
// AGN/68/RES/5 (session only), AG-2015-RES-12 / GA-2008-RES-07, and GA-2017-86-RES-08 (year and session).
// RAP (French) and REP (English) are one series: reports.
import { ids, interpolSessionYear } from "../ids";
import { INTERPOL_SESSION_CUE, lastMatch } from "./context";
import type { Groups, PatternRow, Resolution } from "./types";

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
  const session = cue ? Number(cue[1]) : text.issuer === "INTERPOL-GA" ? text.session : undefined;
  if (session === undefined) return null;
  return {
    id: ids.interpolGa(interpolSessionYear(session), "RES", num),
    kind: "resolution",
    confidence: cue ? 0.9 : 0.7,
  };
}
