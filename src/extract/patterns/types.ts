// The shape of a pattern row. Supporting a new series of texts is adding a row to a table:
// a surface pattern over the folded text (lower case, no accents), and a resolver that turns the
// match into a canonical id using the citing text's context.
import type { NodeKind } from "../../model/vocabulary";

export interface TextFacts {
  /** Organisation of the citing text: "INTERPOL", "ITU", "UN". */
  org?: string;
  /** Body that issued the citing text: "INTERPOL-GA", "ITU-C", "ITU-PP", "UNGA". */
  issuer?: string;
  session?: number;
  year?: number;
}

export interface ResolveContext {
  /** Facts of the citing text. */
  text: TextFacts;
  /** The match as written (case and accents kept): "Statut" the instrument, "statut" the status. */
  raw: string;
  /** Folded text of the sentence before the match. */
  before: string;
  /** Folded text after the match, to the end of its sentence (at most 160 characters). */
  after: string;
  /** Folded text of the paragraph before the match. */
  paragraphBefore: string;
  /** The organisation named last before the match in its sentence ("sa Constitution"). */
  nearestOrg(): string | undefined;
}

export interface Resolved {
  id: string;
  kind: NodeKind;
  pinpoint?: string;
  version?: string;
  /** A date the reference states for its target ("résolution 51/1 du 15 octobre 1996"). */
  date?: string;
  confidence: number;
}

/** A resolver answers with a node, with why it cannot tell (`unresolved`), or null: not a reference. */
export type Resolution = Resolved | { unresolved: string } | null;

export type Groups = Record<string, string | undefined>;

export interface PatternRow {
  /** Unique, shown as the `rule` of each reference it finds. */
  name: string;
  /** What the row recognises, for people. */
  series: string;
  lang: "fr" | "en" | "any";
  /** Regex source over folded text, with named groups. No nested quantifiers: it runs on 10 MB texts. */
  pattern: string;
  /**
   * Items that may follow the match as a list ("ses résolutions 71/19 du 21 novembre 2016, 73/11 …"):
   * a sticky regex source tried right after the previous item, with the same named groups.
   */
  listItem?: string;
  resolve(groups: Groups, ctx: ResolveContext): Resolution;
  /** A weak row only counts where no other row and no registry alias matched the same words. */
  weak?: boolean;
  /** Surface forms with the id each resolves to, in a given context: the table the tests run. */
  examples: { text: string; facts?: TextFacts; id: string | null; pinpoint?: string; version?: string }[];
}
