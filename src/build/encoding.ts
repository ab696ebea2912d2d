// Bytes of a source or registry file as text. UTF-8 is the corpus's encoding; a byte-order mark
// says UTF-16 or UTF-8; a file that is not valid UTF-8 is read as Windows-1252 (Latin-1's superset,
// what such files nearly always are) and said so, with the first line that gave it away; a file
// with NUL bytes and no mark is not text. Pure: the CLI and the explorer's worker both use it.
import { lineIndex } from "../extract/text";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** Why the file was not read as plain UTF-8, or why it was not read at all. */
  note?: { severity: "error" | "warning"; line?: number; message: string };
}

const LABEL: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Latin-1 (Windows-1252)",
};

export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    const text = new TextDecoder("utf-8").decode(bytes.subarray(3));
    return { text, encoding: "utf-8" };
  }
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    const encoding: Encoding = a === 0xff ? "utf-16le" : "utf-16be";
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return {
      text,
      encoding,
      note: {
        severity: "warning",
        line: 1,
        message: `encoded in ${LABEL[encoding]} (byte-order mark); read as such`,
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul < 0)
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      // Not UTF-8: said below, with its line.
    }
  // Read again with each malformed sequence replaced, to place the fault: the first NUL, or the
  // first replacement (a U+FFFD written in the file itself before it would only place it earlier).
  const loose = new TextDecoder("utf-8").decode(bytes);
  const lineOf = (char: string) => lineIndex(loose)(loose.indexOf(char)).line;
  if (nul >= 0)
    return {
      text: "",
      encoding: "utf-8",
      note: {
        severity: "error",
        line: lineOf("\0"),
        message: "not a text file (it holds NUL bytes and no byte-order mark); skipped",
      },
    };
  return {
    text: new TextDecoder("windows-1252").decode(bytes),
    encoding: "windows-1252",
    note: {
      severity: "warning",
      line: lineOf("\uFFFD"),
      message: `not UTF-8 (this line is not); read as ${LABEL["windows-1252"]}`,
    },
  };
}
