// File access for the CLI: the only place the pipeline touches the file system.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { SourceFile } from "../build/build";

export function readDir(dir: string, ext: RegExp): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => ext.test(n))
    .sort()
    .map((n) => ({ file: n, text: readText(join(dir, n)) }));
}

/** UTF-8 text without a byte-order mark, line endings kept as they are (offsets stay exact). */
export function readText(path: string): string {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
}

export const fileName = (p: string) => basename(p);
