// United Nations: General Assembly resolutions and decisions by symbol (A/RES/79/243) or by session
// number (résolution 51/1, "ses résolutions 71/19 du 21 novembre 2016, 73/11 …"), Security Council
// (S/RES/1373 (2001)), ECOSOC (E/RES/2019/19) and functional commissions ("résolution 26/4 de la
// Commission"). A session-numbered resolution belongs to the General Assembly unless a body follows.
import { MONTH_NAMES, isoDate } from "../dates";
import { ids } from "../ids";
import type { Groups, PatternRow, Resolution, ResolveContext } from "./types";

const BODY_AFTER: { body: "CCPCJ" | "CND" | "ECOSOC" | "UNSC"; pattern: RegExp }[] = [
  { body: "CND", pattern: /^[^.;]{0,60}?(?:commission des stupefiants|commission on narcotic drugs)/ },
  {
    body: "CCPCJ",
    pattern:
      /^[^.;]{0,60}?(?:de la commission\b|of the commission\b|commission pour la prevention du crime|commission on crime prevention|\bccpcj\b)/,
  },
  {
    body: "ECOSOC",
    pattern: /^[^.;]{0,60}?(?:du conseil economique et social|of the economic and social council|\becosoc\b)/,
  },
  { body: "UNSC", pattern: /^[^.;]{0,60}?(?:du conseil de securite|of the security council)/ },
];

function dateOf(g: Groups): string | undefined {
  return g.year && g.month && g.day ? isoDate(g.year, g.month, g.day) : undefined;
}

function sessionResolution(g: Groups, ctx: ResolveContext): Resolution {
  if (g.dsession)
    return {
      id: ids.unDocument(`A/${Number(g.dsession)}/L.${Number(g.dnum)}`),
      kind: "document",
      confidence: 0.9,
    };
  const symbol = `${Number(g.session)}/${Number(g.num)}`;
  // A four-digit "session" is a year: ECOSOC numbers its resolutions 2019/19.
  if (g.session!.length === 4)
    return {
      id: ids.unResolution("ECOSOC", symbol),
      kind: "resolution",
      date: dateOf(g) ?? g.session,
      confidence: 0.9,
    };
  for (const cue of BODY_AFTER) {
    if (cue.pattern.test(ctx.after))
      return { id: ids.unResolution(cue.body, symbol), kind: "resolution", date: dateOf(g), confidence: 0.9 };
  }
  return { id: ids.unResolution("UNGA", symbol), kind: "resolution", date: dateOf(g), confidence: 0.9 };
}

const DATED = String.raw`(?:\s+(?:du|of|adoptee\s+le|adopted\s+on)\s+(?<day>\d{1,2})(?:er|st|nd|rd|th)?\s+(?<month>${MONTH_NAMES})\s+(?<year>\d{4}))?`;

export const UN_ROWS: PatternRow[] = [
  {
    name: "unga-symbol",
    series: "UN General Assembly resolution or decision by symbol: A/RES/79/243, A/DEC/77/512",
    lang: "any",
    pattern: String.raw`\ba\/(?<type>res|dec)\/(?<session>\d{1,3})\/(?<num>\d{1,4})\b`,
    resolve: (g: Groups) =>
      g.type === "res"
        ? {
            id: ids.unResolution("UNGA", `${Number(g.session)}/${Number(g.num)}`),
            kind: "resolution",
            confidence: 1,
          }
        : { id: ids.ungaDecision(`${Number(g.session)}/${Number(g.num)}`), kind: "decision", confidence: 1 },
    examples: [
      { text: "A/RES/79/243", id: "UNGA-RES-79/243" },
      { text: "A/DEC/77/512", id: "UNGA-DEC-77/512" },
    ],
  },
  {
    name: "unsc-symbol",
    series: "UN Security Council resolution: S/RES/1373 (2001)",
    lang: "any",
    pattern: String.raw`\bs\/res\/(?<num>\d{1,5})(?:\s*\((?<year>\d{4})\))?`,
    resolve: (g: Groups) => ({
      id: ids.unResolution("UNSC", String(Number(g.num))),
      kind: "resolution",
      date: g.year,
      confidence: 1,
    }),
    examples: [{ text: "S/RES/1373 (2001)", id: "UNSC-RES-1373" }],
  },
  {
    name: "un-document",
    series: "UN General Assembly document by symbol: A/79/123, A/77/L.2, A/AC.291/28",
    lang: "any",
    pattern: String.raw`\ba\/(?:(?<session>\d{1,3})\/(?<rest>(?:l\.)?\d{1,4}(?:\/(?:add|rev|corr)\.\d{1,2})*)|ac\.(?<committee>\d{1,3})\/(?<cnum>\d{1,4}))\b`,
    resolve: (g: Groups) => ({
      id: ids.unDocument(g.committee ? `A/AC.${g.committee}/${g.cnum}` : `A/${g.session}/${g.rest}`),
      kind: "document",
      confidence: 1,
    }),
    examples: [
      { text: "le rapport du Secrétaire général (A/79/123)", id: "UN-DOC-A/79/123" },
      { text: "the report of the Ad Hoc Committee (A/AC.291/28)", id: "UN-DOC-A/AC.291/28" },
      { text: "draft resolution A/77/L.2", id: "UN-DOC-A/77/L.2" },
    ],
  },
  {
    name: "ecosoc-symbol",
    series: "ECOSOC resolution: E/RES/2019/19",
    lang: "any",
    pattern: String.raw`\be\/res\/(?<year>\d{4})\/(?<num>\d{1,3})\b`,
    resolve: (g: Groups) => ({
      id: ids.unResolution("ECOSOC", `${g.year}/${Number(g.num)}`),
      kind: "resolution",
      date: g.year,
      confidence: 1,
    }),
    examples: [{ text: "E/RES/2019/19", id: "ECOSOC-RES-2019/19" }],
  },
  {
    name: "un-session-resolution",
    series:
      "UN resolution by session and number, alone or in a list: résolution 51/1, ses résolutions 71/19 …, 73/11 … et 79/136",
    lang: "any",
    pattern: String.raw`\bresolutions?\s+(?<session>\d{1,3}|(?:19|20)\d{2})\/(?<num>\d{1,4})(?![\d/])${DATED}`,
    // An item may be a draft still under its L. symbol ("77/L.2"): it is a document, and the list goes on.
    listItem: String.raw`\s*(?:,\s*(?:et|and)?|et|and)\s+(?:(?<session>\d{1,3}|(?:19|20)\d{2})\/(?<num>\d{1,4})|(?<dsession>\d{1,3})\/l\.(?<dnum>\d{1,4}))(?![\d/])${DATED}`,
    resolve: sessionResolution,
    examples: [
      {
        text: "la résolution 51/1 du 15 octobre 1996 de l'Assemblée générale des Nations Unies",
        id: "UNGA-RES-51/1",
      },
      { text: "General Assembly resolution 79/136", id: "UNGA-RES-79/136" },
      { text: "la résolution 26/4 de la Commission", id: "CCPCJ-RES-26/4" },
      { text: "résolution 2019/19 du Conseil économique et social", id: "ECOSOC-RES-2019/19" },
      { text: "Recalling its resolutions 75/282 of 26 May 2021, 77/L.2 and 78/243", id: "UNGA-RES-78/243" },
    ],
  },
  {
    name: "unga-session-decision",
    series: "UN General Assembly decision by session and number: décision 77/512",
    lang: "any",
    pattern: String.raw`\bdecisions?\s+(?<session>\d{1,3})\/(?<num>\d{1,4})(?![\d/])`,
    resolve: (g: Groups) => ({
      id: ids.ungaDecision(`${Number(g.session)}/${Number(g.num)}`),
      kind: "decision",
      confidence: 0.9,
    }),
    examples: [{ text: "sa décision 77/512", id: "UNGA-DEC-77/512" }],
  },
];
