// The explorer's view as data, and its URL form. Everything a shared link must restore lives here:
// selection, filters, layout, camera, language. Decoding validates every parameter against the
// closed vocabularies and bounds; a bad value is dropped with a message, never evaluated.
import { NODE_KINDS, RELATION_NAMES, type NodeKind, type Relation } from "../../model/vocabulary";
import { MAX_STORY_STEPS } from "../../query/story";

export const LAYOUTS = ["chrono", "force"] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LANGUAGES = ["en", "fr"] as const;

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The most steps a story's link holds: as many as a story tells. */
export const MAX_STORY = MAX_STORY_STEPS;

export type Language = (typeof LANGUAGES)[number];

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** The selected node's id. */
  selected: string | null;
  /** Kinds, relations and organisations shown; null shows all. */
  kinds: NodeKind[] | null;
  relations: Relation[] | null;
  orgs: string[] | null;
  /** Years shown, inclusive; null shows every year and undated nodes. */
  years: [number, number] | null;
  layout: Layout;
  camera: Camera | null;
  lang: Language;
  /** The query bar's question, as typed (plain text: parsed by src/query, never evaluated). */
  query: string | null;
  /** A graph file to explore instead of the shipped corpus: an http(s) or relative URL. */
  data: string | null;
  /** The nodes of a story, as picked (the story orders them by date). */
  story: string[] | null;
  /** The story's step on screen, 1-based; null when the story is not being played. */
  step: number | null;
  /** The graph as of the end of this year: later texts hidden (the timeline's scrubber). */
  asOf: number | null;
  theme: Theme;
}

export const DEFAULT_VIEW: ViewState = {
  selected: null,
  kinds: null,
  relations: null,
  orgs: null,
  years: null,
  layout: "chrono",
  camera: null,
  lang: "en",
  query: null,
  data: null,
  story: null,
  step: null,
  asOf: null,
  theme: "light",
};

/** The URL parameter of each part of the view. */
export const PARAMS = {
  selected: "sel",
  kinds: "kinds",
  relations: "rel",
  orgs: "org",
  from: "from",
  to: "to",
  layout: "layout",
  camera: "cam",
  lang: "lang",
  query: "q",
  data: "data",
  story: "story",
  step: "step",
  asOf: "asof",
  theme: "theme",
} as const;

/** The longest data URL the link keeps. */
export const MAX_DATA_URL = 2000;

/** The longest question the URL keeps. */
export const MAX_QUERY = 300;

const MAX_ID = 200;
const ID = /^[\p{L}\p{N}][\p{L}\p{N}/._-]*$/u;
const YEAR_MIN = 1800;
const YEAR_MAX = 2200;

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * The camera in a link: x, y and ratio to four decimals, or more when the camera is closer than
 * 1:1000 of the graph (a crowded timeline lets it come that close), so the link opens where it was.
 */
function cameraParam({ x, y, ratio }: Camera): string {
  const digits = Math.min(12, Math.max(4, 3 - Math.floor(Math.log10(ratio))));
  return [round(x, digits), round(y, digits), round(ratio, digits)].join(",");
}

/** The view as a query string (without "?"), with only what differs from the default. */
export function encodeView(view: ViewState): string {
  const p = new URLSearchParams();
  if (view.selected) p.set(PARAMS.selected, view.selected);
  if (view.kinds) p.set(PARAMS.kinds, view.kinds.join(","));
  if (view.relations) p.set(PARAMS.relations, view.relations.join(","));
  if (view.orgs) p.set(PARAMS.orgs, view.orgs.join(","));
  if (view.years) {
    p.set(PARAMS.from, String(view.years[0]));
    p.set(PARAMS.to, String(view.years[1]));
  }
  if (view.layout !== DEFAULT_VIEW.layout) p.set(PARAMS.layout, view.layout);
  if (view.camera) p.set(PARAMS.camera, cameraParam(view.camera));
  if (view.lang !== DEFAULT_VIEW.lang) p.set(PARAMS.lang, view.lang);
  if (view.query) p.set(PARAMS.query, view.query);
  if (view.data) p.set(PARAMS.data, view.data);
  if (view.story) p.set(PARAMS.story, view.story.join(","));
  if (view.story && view.step !== null) p.set(PARAMS.step, String(view.step));
  if (view.asOf !== null) p.set(PARAMS.asOf, String(view.asOf));
  if (view.theme !== DEFAULT_VIEW.theme) p.set(PARAMS.theme, view.theme);
  return p.toString();
}

export interface Decoded {
  view: ViewState;
  /** One message per parameter that was dropped, naming the parameter. */
  problems: string[];
}

function list<T extends string>(
  raw: string | null,
  allowed: readonly T[],
  name: string,
  problems: string[],
): T[] | null {
  if (raw === null) return null;
  const items = raw.split(",").filter((s) => s !== "");
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length)
    problems.push(
      `${name}: unknown value${bad.length > 1 ? "s" : ""} ${bad.map((b) => JSON.stringify(b.slice(0, 40))).join(", ")} ignored`,
    );
  const good = [...new Set(items.filter((s): s is T => (allowed as readonly string[]).includes(s)))];
  return good;
}

function ids(raw: string | null, name: string, problems: string[]): string[] | null {
  if (raw === null) return null;
  const items = raw.split(",").filter((s) => s !== "");
  const good = items.filter((s) => s.length <= MAX_ID && ID.test(s));
  if (good.length !== items.length) problems.push(`${name}: malformed id ignored`);
  return [...new Set(good)];
}

function year(raw: string | null, name: string, problems: string[]): number | null {
  if (raw === null) return null;
  const n = Number(raw);
  if (!/^\d{4}$/.test(raw) || n < YEAR_MIN || n > YEAR_MAX) {
    problems.push(
      `${name}: "${raw.slice(0, 20)}" is not a year between ${YEAR_MIN} and ${YEAR_MAX}; ignored`,
    );
    return null;
  }
  return n;
}

/** Read a view from a query string ("?sel=…&kinds=…"); what is malformed falls back to the default. */
export function decodeView(search: string): Decoded {
  const p = new URLSearchParams(search);
  const problems: string[] = [];
  const view: ViewState = { ...DEFAULT_VIEW };

  const sel = p.get(PARAMS.selected);
  if (sel !== null) {
    if (sel.length <= MAX_ID && ID.test(sel)) view.selected = sel;
    else problems.push(`${PARAMS.selected}: malformed id ignored`);
  }
  view.kinds = list(p.get(PARAMS.kinds), NODE_KINDS, PARAMS.kinds, problems);
  view.relations = list(p.get(PARAMS.relations), RELATION_NAMES, PARAMS.relations, problems);
  view.orgs = ids(p.get(PARAMS.orgs), PARAMS.orgs, problems);

  const from = year(p.get(PARAMS.from), PARAMS.from, problems);
  const to = year(p.get(PARAMS.to), PARAMS.to, problems);
  if (from !== null && to !== null) view.years = from <= to ? [from, to] : [to, from];
  else if (from !== null || to !== null)
    problems.push(`${PARAMS.from}/${PARAMS.to}: a year range needs both ends; ignored`);

  const layout = p.get(PARAMS.layout);
  if (layout !== null) {
    if ((LAYOUTS as readonly string[]).includes(layout)) view.layout = layout as Layout;
    else problems.push(`${PARAMS.layout}: unknown layout ignored`);
  }

  const cam = p.get(PARAMS.camera);
  if (cam !== null) {
    const parts = cam.split(",");
    const [x, y, ratio] = parts.map(Number);
    if (
      parts.length === 3 &&
      [x, y, ratio].every((n) => Number.isFinite(n)) &&
      ratio! > 0 &&
      ratio! < 1e3 &&
      Math.abs(x!) < 1e6 &&
      Math.abs(y!) < 1e6
    )
      view.camera = { x: x!, y: y!, ratio: ratio! };
    else problems.push(`${PARAMS.camera}: not three finite numbers x,y,ratio; ignored`);
  }

  const lang = p.get(PARAMS.lang);
  if (lang !== null) {
    if ((LANGUAGES as readonly string[]).includes(lang)) view.lang = lang as Language;
    else problems.push(`${PARAMS.lang}: unknown language ignored`);
  }

  const query = p.get(PARAMS.query);
  if (query !== null) {
    // Control characters never belong in a question; a longer one was not typed in the bar.
    // eslint-disable-next-line no-control-regex
    if (query.length > MAX_QUERY || /[\u0000-\u001f\u007f]/.test(query))
      problems.push(`${PARAMS.query}: not a question of at most ${MAX_QUERY} printable characters; ignored`);
    else if (query.trim()) view.query = query.trim();
  }
  const data = p.get(PARAMS.data);
  if (data !== null) {
    if (isDataUrl(data)) view.data = data;
    else problems.push(`${PARAMS.data}: not an http(s) or relative URL; ignored`);
  }
  const story = ids(p.get(PARAMS.story), PARAMS.story, problems);
  if (story && story.length > MAX_STORY)
    problems.push(`${PARAMS.story}: more than ${MAX_STORY} steps; the first ${MAX_STORY} kept`);
  if (story?.length) view.story = story.slice(0, MAX_STORY);
  const step = p.get(PARAMS.step);
  if (step !== null) {
    const n = Number(step);
    if (!view.story) problems.push(`${PARAMS.step}: a step needs a story; ignored`);
    else if (/^\d{1,3}$/.test(step) && n >= 1) view.step = Math.min(n, view.story.length);
    else problems.push(`${PARAMS.step}: "${step.slice(0, 20)}" is not a step number; ignored`);
  }
  view.asOf = year(p.get(PARAMS.asOf), PARAMS.asOf, problems);
  const theme = p.get(PARAMS.theme);
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) view.theme = theme as Theme;
    else problems.push(`${PARAMS.theme}: unknown theme ignored`);
  }
  return { view, problems };
}

/** An http(s) URL or a path on this site: never javascript:, data:, file: or anything else. */
export function isDataUrl(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!text || text.length > MAX_DATA_URL || /[\u0000-\u001f\u007f\s]/.test(text)) return false;
  try {
    const url = new URL(text, "https://recital.invalid/");
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
