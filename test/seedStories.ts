// The seed history's stories as the issue asks for them, for the tests and the README's picture:
// from the 2012 IMPACT agreement to the 2018 Plenipotentiary submission, picked in no particular
// order (the story puts them in date order).
export const IMPACT_TO_PP18 = [
  "ITU-DOC-PP18/47",
  "INTERPOL-GA-2017-RES-08",
  "INTERPOL-IMPACT-COOPERATION-AGREEMENT",
  "ITU-C-DEC-598",
  "ITU-INTERPOL-AGREEMENT-SIGNATURE-2018",
  "ITU-C-DEC-590",
  "INTERPOL-GA-2015-RES-12",
];

/** The story's link parameter. */
export const storyParam = (ids: readonly string[]): string => ids.map(encodeURIComponent).join(",");
