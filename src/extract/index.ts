// The extraction stage's public surface.
export { extract, type Extraction, type ExtractOptions, type Reference, type Unresolved } from "./extract";
export { Lexicon, type LexiconEntry } from "./lexicon";
export { PATTERN_ROWS } from "./patterns";
export { describeId, ids, interpolSessionYear } from "./ids";
export { isIsoDate } from "./dates";
export { fold, foldKey, clean } from "./text";
export type { TextUnit, SessionFacts } from "./structure";
