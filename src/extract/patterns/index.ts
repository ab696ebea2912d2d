// All pattern rows, in the order they are tried. Where two rows match overlapping text, the longer
// match wins; on a tie, the row listed first.
import { INSTRUMENT_ROWS, UNREGISTERED_ROWS } from "./instruments";
import { INTERPOL_ROWS, INTERPOL_SESSION_ROWS } from "./interpol";
import { ITU_ROWS } from "./itu";
import type { PatternRow } from "./types";
import { UN_ROWS } from "./un";

export const PATTERN_ROWS: PatternRow[] = [
  ...INTERPOL_ROWS,
  ...INTERPOL_SESSION_ROWS,
  ...UN_ROWS,
  ...ITU_ROWS,
  ...INSTRUMENT_ROWS,
  ...UNREGISTERED_ROWS,
];

export type { Groups, PatternRow, Resolution, Resolved, ResolveContext, TextFacts } from "./types";
