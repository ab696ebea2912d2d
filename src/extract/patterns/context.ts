// Cues that resolvers read around a match. Each is a small folded pattern, kept here so the rows
// stay declarative.

/** Organisations as they are named in running text, for "sa Constitution", "its Constitution". */
export const ORG_MENTIONS: { org: string; pattern: RegExp }[] = [
  {
    org: "INTERPOL",
    pattern: /\binterpol\b|\bo\.?i\.?p\.?c\b|\bicpo\b|organisation internationale de police criminelle/g,
  },
  {
    org: "ITU",
    pattern:
      /\buit\b|\bitu\b|union internationale des telecommunications|international telecommunication union/g,
  },
  { org: "UN", pattern: /\bnations unies\b|\bunited nations\b|\bonu\b/g },
];

/** Organisation of an issuing body id. */
export function orgOfIssuer(issuer: string | undefined): string | undefined {
  if (!issuer) return undefined;
  if (issuer.startsWith("INTERPOL")) return "INTERPOL";
  if (issuer.startsWith("ITU")) return "ITU";
  if (/^(UNGA|UNSC|ECOSOC|CCPCJ|CND|UN)\b/.test(issuer)) return "UN";
  return undefined;
}

/** The last match of a global `pattern` in `text`, or null. */
export function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    last = m;
    if (m[0] === "") pattern.lastIndex++;
  }
  return last;
}

/** The organisation named last in `text` ("… INTERPOL ne doit pas … l'article 2 de sa Constitution"). */
export function lastOrgMentioned(text: string): string | undefined {
  let best: { org: string; at: number } | undefined;
  for (const o of ORG_MENTIONS) {
    const m = lastMatch(o.pattern, text);
    if (m && (!best || m.index >= best.at)) best = { org: o.org, at: m.index };
  }
  return best?.org;
}

/** "86ème (session de l')Assemblée générale" with INTERPOL named in the paragraph. */
/** "86ème session de l'Assemblée générale", "sa 86ème Assemblée générale", "88th session of the INTERPOL General Assembly". */
export const GA_SESSION_SOURCE = String.raw`(?<session>\d{2,3})\s*(?:e|eme|er|re|th|st|nd|rd)\s+(?:session\s+de\s+l'assemblee\s+generale|assemblee\s+generale|session\s+of\s+the\s+(?<named>interpol\s+)?general\s+assembly|(?<named2>interpol\s+)?general\s+assembly)`;

/** The same, as a cue a short "Résolution 8" reads in its paragraph. */
export const INTERPOL_SESSION_CUE = new RegExp(GA_SESSION_SOURCE, "g");

/** "la session de 2016 du Conseil", "à sa session de 2017, le Conseil", "Council at its 2017 session". */
export const ITU_COUNCIL_YEAR_CUE =
  /session\s+de\s+(\d{4})\s+du\s+conseil|conseil\s+a\s+sa\s+session\s+de\s+(\d{4})|a\s+sa\s+session\s+de\s+(\d{4}),\s+le\s+conseil|council\s+at\s+its\s+(\d{4})\s+session|(\d{4})\s+session\s+of\s+(?:the\s+)?council/g;

/** Mentions of an ITU organ that make a bare "Décision N" an ITU Council decision. */
export const ITU_COUNCIL_CUE = /\bconseil\b|\bcouncil\b/;
