// Curated facts quote their source; the build checks the quote is really there and records where.
// Matching ignores differences of white space and typography (’ vs ', – vs -), nothing else.
import { clean } from "../extract/text";

interface Collapsed {
  text: string;
  /** For each character of `text`, its offset in the original. */
  map: number[];
}

function collapse(text: string): Collapsed {
  const c = clean(text);
  let out = "";
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < c.length; i++) {
    const ch = c[i]!;
    if (/\s/.test(ch)) {
      if (!space && out.length) {
        out += " ";
        map.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    out += ch;
    map.push(i);
  }
  return { text: out, map };
}

const cache = new WeakMap<object, Collapsed>();

/** Where `quote` stands in `text`, or null. */
export function findQuote(
  text: string,
  quote: string,
  key: object = { text },
): { start: number; end: number } | null {
  let hay = cache.get(key);
  if (!hay) {
    hay = collapse(text);
    cache.set(key, hay);
  }
  const needle = collapse(quote).text.trim();
  if (!needle) return null;
  const at = hay.text.indexOf(needle);
  if (at < 0) return null;
  return { start: hay.map[at]!, end: hay.map[at + needle.length - 1]! + 1 };
}
