// The closed vocabularies of Recital's data model (DESIGN.md, "Data model").
// One name per idea: these strings are what the data, the code, the URL and the exports use.

export const NODE_KINDS = [
  "resolution",
  "decision",
  "agreement",
  "convention",
  "declaration",
  "document",
  "organisation",
  "body",
  "event",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds that are texts: they can be held as a source, cited, dated by adoption or signature. */
export const TEXT_KINDS: ReadonlySet<NodeKind> = new Set(
  NODE_KINDS.filter((k) => k !== "organisation" && k !== "body" && k !== "event"),
);

/** Kinds a text refers to as such; organisations and bodies only give context. */
export const REFERABLE_KINDS: ReadonlySet<NodeKind> = new Set([...TEXT_KINDS, "event"]);

export interface RelationInfo {
  /** What the relation means, in one line. */
  meaning: string;
  /** The standard term an export maps it to (a CiTO / Dublin Core property where one fits). */
  standardTerm: string;
  /** True when the relation carries influence from target to source ("the target led to the source"). */
  causal: boolean;
}

export const RELATIONS = {
  cites: { meaning: "any explicit reference not covered below", standardTerm: "cito:cites", causal: true },
  recalls: {
    meaning: "a preamble invokes an earlier text",
    standardTerm: "cito:citesAsAuthority",
    causal: true,
  },
  notes: {
    meaning: "takes cognizance, without endorsement",
    standardTerm: "cito:citesForInformation",
    causal: true,
  },
  welcomes: { meaning: "welcomes an adoption or an event", standardTerm: "cito:agreesWith", causal: true },
  approves: { meaning: "operative endorsement", standardTerm: "cito:confirms", causal: true },
  authorizes: {
    meaning: "empowers an act (a signature, a conclusion)",
    standardTerm: "prov:wasInformedBy",
    causal: true,
  },
  amends: { meaning: "changes the target", standardTerm: "dcterms:isVersionOf", causal: true },
  supersedes: { meaning: "replaces the target", standardTerm: "dcterms:replaces", causal: true },
  repeals: { meaning: "ends the target", standardTerm: "cito:disagreesWith", causal: true },
  implements: {
    meaning: "gives effect to an earlier decision",
    standardTerm: "cito:usesMethodIn",
    causal: true,
  },
  based_on: { meaning: "legal basis", standardTerm: "cito:citesAsAuthority", causal: true },
  adopted_by: {
    meaning: "a text → the body or session that adopted it",
    standardTerm: "dcterms:creator",
    causal: false,
  },
  signed: {
    meaning: "organisation → signature event; signature event → the instrument signed",
    standardTerm: "prov:wasAssociatedWith",
    causal: true,
  },
  part_of: {
    meaning: "an annex, final acts, a text inside a document",
    standardTerm: "dcterms:isPartOf",
    causal: false,
  },
} as const satisfies Record<string, RelationInfo>;

export type Relation = keyof typeof RELATIONS;
export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

export const METHODS = ["extracted", "curated", "inferred"] as const;
export type Method = (typeof METHODS)[number];
