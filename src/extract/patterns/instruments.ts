// Constitutive instruments cited by article or number: "l'article 41 du Statut de l'Organisation",
// "numéro 58 de la Constitution de l'UIT", "numéro 80 de la Convention de l'UIT", "l'article 2 de sa
// Constitution". The owner is named after the head word, implied by a possessive (the organisation
// named last before it), or is the citing text's own organisation.
import { orgOfIssuer } from "./context";
import type { Groups, PatternRow, Resolution, ResolveContext } from "./types";

/** Which node each organisation's constitutive instrument is, by the head word used for it. */
const OWNED: Record<string, Partial<Record<"statut" | "constitution" | "convention", string>>> = {
  INTERPOL: { statut: "INTERPOL-CONSTITUTION", constitution: "INTERPOL-CONSTITUTION" },
  ITU: { constitution: "ITU-CONSTITUTION", convention: "ITU-CONVENTION" },
};

const OWNER_WORDS: { org: string; pattern: RegExp }[] = [
  { org: "INTERPOL", pattern: /interpol|o\.?i\.?p\.?c|police criminelle/ },
  { org: "ITU", pattern: /\buit\b|\bitu\b|telecommunication|union's/ },
];

function pinpointOf(g: Groups): string | undefined {
  if (!g.pin) return undefined;
  const n = g.pin.replace(/\s+/g, "");
  return /^(?:numero|numeros|no\.?)$/.test(g.pintype ?? "") ? `No. ${n}` : `art. ${n}`;
}

function constitutive(g: Groups, ctx: ResolveContext): Resolution {
  const head = g.head as "statut" | "constitution" | "convention";
  let org: string | undefined;
  const owner = g.owner ?? g.ownerBefore;
  if (owner) {
    org = OWNER_WORDS.find((o) => o.pattern.test(owner))?.org;
    // "de l'Organisation" / "de l'Union" / "the Organization's": the citing text's own organisation.
    org ??= orgOfIssuer(ctx.text.issuer) ?? ctx.text.org;
  } else if (g.possessive) {
    org = ctx.nearestOrg() ?? ctx.text.org ?? orgOfIssuer(ctx.text.issuer);
  } else if (g.pin || /\b(?:Statut|Constitution|STATUT|CONSTITUTION)\b/.test(ctx.raw)) {
    org = ctx.text.org ?? orgOfIssuer(ctx.text.issuer);
  } else {
    return null; // "le statut d'observateur", "la constitution d'un groupe": ordinary nouns
  }
  const id = org ? OWNED[org]?.[head] : undefined;
  if (!id) return { unresolved: `"${head}" of an organisation with no known constitutive instrument` };
  return {
    id,
    kind: head === "convention" ? "convention" : "document",
    pinpoint: pinpointOf(g),
    confidence: owner ? 1 : 0.8,
  };
}

export const INSTRUMENT_ROWS: PatternRow[] = [
  {
    name: "constitutive-instrument",
    series: "Constitution, Statute or Convention of an organisation, with article or number",
    lang: "any",
    // "itu convention": the look-behind follows the word it checks, so that it is only tried there.
    pattern: String.raw`(?:\b(?<pintype>article|articles|numero|numeros|no\.|art\.)\s+(?<pin>\d{1,4}(?:\s?\(\d{1,2}\))?[a-z]?)\s+(?:du|de\s+la|de\s+l'|de|of\s+the|of)\s+)?(?:(?<possessive>sa|son|its)\s+|(?<ownerBefore>itu|uit|interpol|organization's|organisation's|union's)\s+)?\b(?<head>statut|constitution|convention(?=\s+(?:de\s+l'|d'interpol|of\s+(?:the\s+)?(?:itu|international|interpol|organization)))|convention(?<=(?:itu|uit|union's|sa|son|its)\sconvention))\b(?<owner>\s+(?:de\s+l'organisation|d'interpol|de\s+l'o\.?i\.?p\.?c\.?\s*-\s*interpol|de\s+l'uit|de\s+l'union\s+internationale\s+des\s+telecommunications|de\s+l'union|of\s+the\s+itu|of\s+the\s+international\s+telecommunication\s+union|of\s+the\s+organization|of\s+interpol))?`,
    resolve: constitutive,
    examples: [
      {
        text: "AYANT À L'ESPRIT l'article 41 du Statut de l'Organisation",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL" },
        id: "INTERPOL-CONSTITUTION",
        pinpoint: "art. 41",
      },
      { text: "l'article 2(1) du Statut d'INTERPOL", id: "INTERPOL-CONSTITUTION", pinpoint: "art. 2(1)" },
      {
        text: "numéro 58 de la Constitution de l'Union internationale des télécommunications",
        id: "ITU-CONSTITUTION",
        pinpoint: "No. 58",
      },
      {
        text: "en vertu du numéro 58 de la Constitution",
        facts: { issuer: "ITU-PP", org: "ITU" },
        id: "ITU-CONSTITUTION",
        pinpoint: "No. 58",
      },
      {
        text: "Conformément au numéro 80 de la Convention de l'UIT",
        id: "ITU-CONVENTION",
        pinpoint: "No. 80",
      },
      {
        text: "INTERPOL ne doit pas aller au-delà de son mandat tel qu'il est défini dans l'article 2 de sa Constitution",
        facts: { issuer: "ITU-PP", org: "ITU" },
        id: "INTERPOL-CONSTITUTION",
        pinpoint: "art. 2",
      },
      {
        text: "Article 41 of the Constitution of INTERPOL",
        id: "INTERPOL-CONSTITUTION",
        pinpoint: "art. 41",
      },
      { text: "in accordance with No. 80 of the ITU Convention", id: "ITU-CONVENTION", pinpoint: "No. 80" },
      {
        text: "Article 26 of the Organization's Constitution",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL" },
        id: "INTERPOL-CONSTITUTION",
        pinpoint: "art. 26",
      },
      {
        text: "INVITE les pays membres à soutenir le statut d'observateur d'INTERPOL,",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL" },
        id: null,
      },
      {
        text: "DÉCIDE la constitution d'un groupe de travail ;",
        facts: { issuer: "INTERPOL-GA", org: "INTERPOL" },
        id: null,
      },
      {
        text: "Decides on the constitution of a working group;",
        facts: { issuer: "ITU-C", org: "ITU" },
        id: null,
      },
      {
        text: "Conformément à la Constitution,",
        facts: { issuer: "ITU-PP", org: "ITU" },
        id: "ITU-CONSTITUTION",
      },
      { text: "dans le respect du Statut d'INTERPOL", id: "INTERPOL-CONSTITUTION" },
    ],
  },
];

/**
 * Named instruments are found through the registry's aliases. A name of that shape the registry
 * does not list is reported, so that nobody mistakes its absence from the graph for no reference.
 */
export const UNREGISTERED_ROWS: PatternRow[] = [
  {
    name: "unregistered-named-instrument",
    series: "A United Nations convention, declaration or protocol by name that data/registry does not list",
    lang: "any",
    weak: true,
    pattern: String.raw`\b(?:(?:the\s+)?united\s+nations\s+(?:convention|declaration|protocol)\s+(?:against|on|for|relating\s+to)|convention\s+des\s+nations\s+unies\s+(?:contre|sur|relative\s+aux?|relative\s+a))[^,;.()\n]{3,80}`,
    resolve: () => ({
      unresolved:
        "a named instrument that data/registry does not list: add it there with its aliases to link it",
    }),
    examples: [
      { text: "the United Nations Convention against Transnational Organized Crime", id: null },
      { text: "la Convention des Nations Unies contre la criminalité transnationale organisée", id: null },
    ],
  },
];
