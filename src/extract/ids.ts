// Canonical ids (DESIGN.md, "Canonical ids"): language-neutral, stable, used in URLs, exports and tests.
// This module formats them and reads facts back out of them, so that a text we only know through a
// reference still gets a kind, an issuer, a year and a readable label.
import type { NodeKind } from "../model/vocabulary";

/**
 * INTERPOL General Assembly sessions are yearly: the 15th met in 1946, the 88th in 2019. The 2020
 * session was postponed, so from the 89th (Istanbul, 2021) on the offset is one year more.
 */
export function interpolSessionYear(session: number): number {
  return session <= 88 ? session + 1931 : session + 1932;
}

export function interpolSessionOfYear(year: number): number {
  return year <= 2019 ? year - 1931 : year - 1932;
}

const pad2 = (n: string | number) => String(Number(n)).padStart(2, "0");

export const ids = {
  interpolGa: (year: string | number, type: "RES" | "REP", num: string | number) =>
    `INTERPOL-GA-${year}-${type}-${pad2(num)}`,
  interpolGaUnnumbered: (year: string | number, key: string) => `INTERPOL-GA-${year}-RES-UNNUMBERED-${key}`,
  interpolGaSession: (session: number) => `INTERPOL-GA-SESSION-${session}`,
  ituCouncilDecision: (num: string | number) => `ITU-C-DEC-${Number(num)}`,
  ituCouncilResolution: (num: string | number) => `ITU-C-RES-${Number(num)}`,
  ituConferenceResolution: (conf: "PP" | "WTDC" | "WTSA", num: string | number) =>
    `ITU-${conf}-RES-${Number(num)}`,
  ituDocument: (series: string, yy: string, num: string | number) =>
    `ITU-DOC-${series.toUpperCase()}${yy}/${Number(num)}`,
  unResolution: (body: "UNGA" | "UNSC" | "ECOSOC" | "CCPCJ" | "CND", symbol: string) =>
    `${body}-RES-${symbol}`,
  ungaDecision: (symbol: string) => `UNGA-DEC-${symbol}`,
  /** A UN document by its symbol: A/79/123, A/77/L.2 (a draft resolution), A/AC.291/28. */
  unDocument: (symbol: string) => `UN-DOC-${symbol.toUpperCase()}`,
};

export interface IdFacts {
  kind: NodeKind;
  issuer?: string;
  date?: string;
  session?: number;
  label: string;
}

interface IdFamily {
  pattern: RegExp;
  facts(m: RegExpExecArray): IdFacts;
}

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;

// One row per id family: what an id of that shape tells about its node.
const ID_FAMILIES: IdFamily[] = [
  {
    pattern: /^INTERPOL-GA-(\d{4})-RES-UNNUMBERED-[0-9A-F]+$/,
    facts: (m) => ({
      kind: "resolution",
      issuer: "INTERPOL-GA",
      date: m[1],
      session: interpolSessionOfYear(Number(m[1])),
      label: `GA-${m[1]}-RES (unnumbered)`,
    }),
  },
  {
    pattern: /^INTERPOL-GA-(\d{4})-(RES|REP)-(\d+)$/,
    facts: (m) => ({
      kind: m[2] === "RES" ? "resolution" : "document",
      issuer: "INTERPOL-GA",
      date: m[1],
      session: interpolSessionOfYear(Number(m[1])),
      label: `GA-${m[1]}-${m[2]}-${m[3]}`,
    }),
  },
  {
    pattern: /^INTERPOL-GA-SESSION-(\d+)$/,
    facts: (m) => ({
      kind: "event",
      issuer: "INTERPOL-GA",
      date: String(interpolSessionYear(Number(m[1]))),
      session: Number(m[1]),
      label: `INTERPOL GA, ${ordinal(Number(m[1]))} session`,
    }),
  },
  {
    pattern: /^ITU-C-DEC-(\d+)$/,
    facts: (m) => ({ kind: "decision", issuer: "ITU-C", label: `ITU Council Decision ${m[1]}` }),
  },
  {
    pattern: /^ITU-C-RES-(\d+)$/,
    facts: (m) => ({ kind: "resolution", issuer: "ITU-C", label: `ITU Council Resolution ${m[1]}` }),
  },
  {
    pattern: /^ITU-(PP|WTDC|WTSA)-RES-(\d+)$/,
    facts: (m) => ({ kind: "resolution", issuer: `ITU-${m[1]}`, label: `ITU ${m[1]} Resolution ${m[2]}` }),
  },
  {
    pattern: /^ITU-DOC-(C|PP)(\d{2})\/(\d+)$/,
    facts: (m) => ({
      kind: "document",
      issuer: m[1] === "C" ? "ITU-C" : "ITU-PP",
      date: `20${m[2]}`,
      label: `ITU Document ${m[1]}${m[2]}/${m[3]}`,
    }),
  },
  // The UN General Assembly's nth regular session opens in September of 1945 + n.
  {
    pattern: /^UNGA-RES-(\d+)\/(\d+)$/,
    facts: (m) => ({
      kind: "resolution",
      issuer: "UNGA",
      date: String(1945 + Number(m[1])),
      session: Number(m[1]),
      label: `UNGA resolution ${m[1]}/${m[2]}`,
    }),
  },
  {
    pattern: /^UNGA-DEC-(\d+)\/(\d+)$/,
    facts: (m) => ({
      kind: "decision",
      issuer: "UNGA",
      date: String(1945 + Number(m[1])),
      session: Number(m[1]),
      label: `UNGA decision ${m[1]}/${m[2]}`,
    }),
  },
  {
    pattern: /^UN-DOC-(A\/(\d+)\/.+|A\/AC\..+)$/,
    facts: (m) => ({
      kind: "document",
      issuer: "UNGA",
      ...(m[2] ? { date: String(1945 + Number(m[2])) } : {}),
      label: `UN document ${m[1]}`,
    }),
  },
  {
    pattern: /^UNSC-RES-(\d+)$/,
    facts: (m) => ({ kind: "resolution", issuer: "UNSC", label: `UNSC resolution ${m[1]}` }),
  },
  {
    pattern: /^ECOSOC-RES-(\d{4})\/(\d+)$/,
    facts: (m) => ({
      kind: "resolution",
      issuer: "ECOSOC",
      date: m[1],
      label: `ECOSOC resolution ${m[1]}/${m[2]}`,
    }),
  },
  {
    pattern: /^(CCPCJ|CND)-RES-(\d+)\/(\d+)$/,
    facts: (m) => ({ kind: "resolution", issuer: m[1], label: `${m[1]} resolution ${m[2]}/${m[3]}` }),
  },
];

/** The organs that issue texts, by id: a reference to their texts makes them known without the registry. */
const BODIES: Record<string, { label: string; issuer: string }> = {
  "INTERPOL-GA": { label: "INTERPOL General Assembly", issuer: "INTERPOL" },
  "ITU-C": { label: "ITU Council", issuer: "ITU" },
  "ITU-PP": { label: "ITU Plenipotentiary Conference", issuer: "ITU" },
  "ITU-WTDC": { label: "ITU World Telecommunication Development Conference", issuer: "ITU" },
  "ITU-WTSA": { label: "ITU World Telecommunication Standardization Assembly", issuer: "ITU" },
  UNGA: { label: "UN General Assembly", issuer: "UN" },
  UNSC: { label: "UN Security Council", issuer: "UN" },
  ECOSOC: { label: "UN Economic and Social Council", issuer: "UN" },
  CCPCJ: { label: "UN Commission on Crime Prevention and Criminal Justice", issuer: "UN" },
  CND: { label: "UN Commission on Narcotic Drugs", issuer: "UN" },
};

/** What a canonical id says about its node, or undefined for curated slugs (the registry knows those). */
export function describeId(id: string): IdFacts | undefined {
  const body = BODIES[id];
  if (body) return { kind: "body", issuer: body.issuer, label: body.label };
  for (const family of ID_FAMILIES) {
    const m = family.pattern.exec(id);
    if (m) return family.facts(m);
  }
  return undefined;
}
