// What a query answer says, in English and French: its interpretation, its notes and its errors.
// The query layer is pure (the CLI uses it as the explorer does), so it has an i18next instance of
// its own, initialised synchronously; the explorer's interface strings live in src/app/i18n.
import i18next from "i18next";
import type { QueryLanguage } from "./parse";

const en = {
  understood: "Understood: {{what}}",
  led_to: "what led to {{x}}",
  followed_from: "what followed from {{x}}",
  cites: "what cites {{x}}",
  cited_by: "what {{x}} cites",
  path: "the path from {{x}} to {{y}}",
  connection: "how {{x}} is connected to {{y}}",
  neighbours_one: "the neighbours of {{x}}",
  neighbours_other: "the neighbours of {{x}}, up to {{count}} steps away",
  node: "{{x}}",
  found_one: "{{count}} node, in date order.",
  found_other: "{{count}} nodes, in date order.",
  path_found_one: "A path of {{count}} step.",
  path_found_other: "A path of {{count}} steps.",
  more_paths_one: "{{count}} other path of at most {{steps}} steps.",
  more_paths_other: "{{count}} other paths of at most {{steps}} steps.",
  reversed: "{{x}} did not lead to {{y}}; {{y}} led to {{x}}, so the path runs the other way.",
  undirected:
    "Neither led to the other along the history ({{x}} and {{y}}); this is how they are connected, either way.",
  no_path: "{{x}} and {{y}} are not connected in this corpus.",
  none_led_to: "Nothing in this corpus led to {{x}}.",
  none_followed_from: "Nothing in this corpus followed from {{x}}.",
  none_cites: "Nothing in this corpus cites {{x}}.",
  none_cited_by: "{{x}} cites nothing in this corpus.",
  none_neighbours: "{{x}} has no neighbours.",
  undated_one: "Also reached, but undated, so not walked through: {{names}}.",
  undated_other: "Also reached, but undated, so not walked through: {{names}}.",
  not_understood: "“{{phrase}}” is not a question Recital knows. Ask it in one of these forms:",
  empty: "Type a question or a name. These forms work:",
  ambiguous: "Several nodes fit “{{phrase}}”: pick one.",
  not_found: "No node fits “{{phrase}}”.",
  suggestions: "Did you mean one of these?",
  no_suggestion:
    "Try an id (ITU-C-DEC-598), a name (Décision 598), or a kind and a year (the 2018 signature).",
  same: "{{x}} and {{y}} are the same node.",
  context:
    "{{x}} is an organisation or a body: it takes part in history but has none of its own here. Ask for its neighbours, or what it adopted or signed.",
  story_title_one: "A story of {{count}} step",
  story_title_other: "A story of {{count}} steps",
  story_step: "{{name}} (step {{n}})",
  story_start: "The story starts here.",
  story_known: "Known from what refers to it:",
  story_unlinked: "No link to an earlier step is recorded in these texts.",
  story_which: "which",
  story_is: "is {{verb}}",
  story_undated: "undated",
  story_more_one: "and {{count}} more link",
  story_more_other: "and {{count}} more links",
  story_left_context: "{{names}}: organisations and bodies are not steps of a story; left out.",
  story_left_unknown: "{{names}}: not in this graph; left out.",
  story_left_many:
    "A story holds {{max}} of these {{count}} nodes, those nearest what it is about; the rest are left out.",
  out_cites: "cites",
  out_recalls: "recalls",
  out_notes: "notes",
  out_welcomes: "welcomes",
  out_approves: "approves",
  out_authorizes: "authorizes",
  out_amends: "amends",
  out_supersedes: "supersedes",
  out_repeals: "repeals",
  out_implements: "implements",
  out_based_on: "is based on",
  out_adopted_by: "was adopted by",
  out_signed: "signed",
  out_part_of: "is part of",
  in_cites: "cited by",
  in_recalls: "recalled by",
  in_notes: "noted by",
  in_welcomes: "welcomed by",
  in_approves: "approved by",
  in_authorizes: "authorized by",
  in_amends: "amended by",
  in_supersedes: "superseded by",
  in_repeals: "repealed by",
  in_implements: "implemented by",
  in_based_on: "the legal basis of",
  in_adopted_by: "the session that adopted",
  in_signed: "signed by",
  in_part_of: "the whole that holds",
};

type Messages = typeof en;

const fr: Messages = {
  understood: "Compris : {{what}}",
  led_to: "ce qui a mené à {{x}}",
  followed_from: "ce qui a découlé {{de_x}}",
  cites: "ce qui cite {{x}}",
  cited_by: "ce que cite {{x}}",
  path: "le chemin {{de_x}} à {{y}}",
  connection: "comment {{x}} est relié à {{y}}",
  neighbours_one: "les voisins {{de_x}}",
  neighbours_other: "les voisins {{de_x}}, jusqu’à {{count}} pas",
  node: "{{x}}",
  found_one: "{{count}} nœud, par date.",
  found_other: "{{count}} nœuds, par date.",
  path_found_one: "Un chemin de {{count}} pas.",
  path_found_other: "Un chemin de {{count}} pas.",
  more_paths_one: "{{count}} autre chemin d’au plus {{steps}} pas.",
  more_paths_other: "{{count}} autres chemins d’au plus {{steps}} pas.",
  reversed: "{{x}} n’a pas mené à {{y}} ; {{y}} a mené à {{x}} : le chemin va dans l’autre sens.",
  undirected:
    "Aucun des deux n’a mené à l’autre dans l’histoire ({{x}} et {{y}}) ; voici comment ils sont reliés, dans un sens ou dans l’autre.",
  no_path: "{{x}} et {{y}} ne sont pas reliés dans ce corpus.",
  none_led_to: "Rien dans ce corpus n’a mené à {{x}}.",
  none_followed_from: "Rien dans ce corpus n’a découlé {{de_x}}.",
  none_cites: "Rien dans ce corpus ne cite {{x}}.",
  none_cited_by: "{{x}} ne cite rien dans ce corpus.",
  none_neighbours: "{{x}} n’a pas de voisins.",
  undated_one: "Atteint aussi, mais sans date, donc non parcouru : {{names}}.",
  undated_other: "Atteints aussi, mais sans date, donc non parcourus : {{names}}.",
  not_understood:
    "« {{phrase}} » n’est pas une question que Recital connaît. Posez-la sous l’une de ces formes :",
  empty: "Tapez une question ou un nom. Ces formes marchent :",
  ambiguous: "Plusieurs nœuds correspondent à « {{phrase}} » : choisissez-en un.",
  not_found: "Aucun nœud ne correspond à « {{phrase}} ».",
  suggestions: "Vouliez-vous dire l’un de ceux-ci ?",
  no_suggestion:
    "Essayez un identifiant (ITU-C-DEC-598), un nom (Décision 598), ou un type et une année (la signature de 2018).",
  same: "{{x}} et {{y}} sont le même nœud.",
  context:
    "{{x}} est une organisation ou un organe : elle prend part à l’histoire sans en avoir une propre ici. Demandez ses voisins, ou ce qu’elle a adopté ou signé.",
  story_title_one: "Une histoire en {{count}} étape",
  story_title_other: "Une histoire en {{count}} étapes",
  story_step: "{{name}} (étape {{n}})",
  story_start: "L’histoire commence ici.",
  story_known: "Connu{{e}} par ce qui s’y réfère :",
  story_unlinked: "Aucun lien avec une étape précédente n’est relevé dans ces textes.",
  story_which: "qui",
  story_is: "est {{verb}}",
  story_undated: "sans date",
  story_more_one: "et {{count}} autre lien",
  story_more_other: "et {{count}} autres liens",
  story_left_context:
    "{{names}} : les organisations et les organes ne sont pas des étapes ; laissés de côté.",
  story_left_unknown: "{{names}} : absents de ce graphe ; laissés de côté.",
  story_left_many:
    "Seuls les {{max}} premiers des {{count}} nœuds forment l’histoire ; les autres sont laissés de côté.",
  out_cites: "cite",
  out_recalls: "rappelle",
  out_notes: "prend note de",
  out_welcomes: "accueille favorablement",
  out_approves: "approuve",
  out_authorizes: "autorise",
  out_amends: "modifie",
  out_supersedes: "remplace",
  out_repeals: "abroge",
  out_implements: "met en œuvre",
  out_based_on: "se fonde sur",
  out_adopted_by: "a été adopté{{e}} par",
  out_signed: "a signé",
  out_part_of: "fait partie de",
  in_cites: "cité{{e}} par",
  in_recalls: "rappelé{{e}} par",
  in_notes: "noté{{e}} par",
  in_welcomes: "salué{{e}} par",
  in_approves: "approuvé{{e}} par",
  in_authorizes: "autorisé{{e}} par",
  in_amends: "modifié{{e}} par",
  in_supersedes: "remplacé{{e}} par",
  in_repeals: "abrogé{{e}} par",
  in_implements: "mis{{e}} en œuvre par",
  in_based_on: "le fondement de",
  in_adopted_by: "la session qui a adopté",
  in_signed: "signé{{e}} par",
  in_part_of: "l’ensemble qui contient",
};

const messages = i18next.createInstance();
void messages.init({
  resources: { en: { query: en }, fr: { query: fr } },
  lng: "en",
  fallbackLng: "en",
  defaultNS: "query",
  initAsync: false,
  interpolation: { escapeValue: false }, // plain text: whoever shows it escapes it (React does)
  returnNull: false,
});

type Plural<K> = K extends `${infer Base}_${"one" | "other"}` ? Base : K;
/** A message's key; plural messages by their base key, i18next picks the form from `count`. */
export type MessageKey = Plural<keyof Messages>;

export function message(lang: QueryLanguage, key: MessageKey, values: Record<string, unknown> = {}): string {
  return messages.t(key, { ...values, lng: lang });
}

/**
 * The formatters dates are read with, by language and precision, made once: making one costs
 * about as much as a hundred uses, and a page of an answer names two hundred dated texts.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as people read it: "26 March 2018", "26 mars 2018", "2016". */
export function formatDate(date: string, lang: QueryLanguage): string {
  const [y, m, d] = date.split("-").map(Number);
  if (!m) return String(y);
  const key = `${lang}${d ? "d" : "m"}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = d
      ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
      : { month: "long", year: "numeric", timeZone: "UTC" };
    dateFormats.set(key, (format = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", options)));
  }
  return format.format(new Date(Date.UTC(y!, m - 1, d ?? 1)));
}
