// XML read strictly: GEXF and GraphML files are parsed here, and a file that is not well-formed
// is refused with the line and column of its first fault, rather than read in part. The parser
// the graphology readers use (xmldom 0.8) would otherwise recover, log to the console, and hand
// back a document missing whatever followed the fault: a graph silently smaller than its file.
// fast-xml-parser's validator finds what xmldom lets through (a closing tag that closes nothing
// open); xmldom's own complaints (two root elements) are caught rather than logged.
import { DOMParser } from "@xmldom/xmldom";
import { XMLValidator } from "fast-xml-parser";

/** The document of a well-formed XML text; otherwise an Error naming the first fault's place. */
export function parseXml(text: string): Document {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const what = msg.replace(/\.$/, "");
    throw new Error(`not well-formed XML at line ${line}, column ${col}: ${what}; nothing of it was read`);
  }
  const faults: string[] = [];
  const keep = (msg: unknown) => void faults.push(String(msg));
  let doc: unknown;
  try {
    doc = new DOMParser({
      locator: {},
      errorHandler: { warning: keep, error: keep, fatalError: keep },
    }).parseFromString(text, "application/xml");
  } catch (err) {
    keep((err as Error).message);
  }
  if (faults.length) {
    const first = faults[0]!;
    const at = /\[line:(\d+),col:(\d+)\]/.exec(first);
    const what = first
      .replace(/@#\[line:\d+,col:\d+\]/, "")
      .replace(/^\[xmldom \w+\]\s*/, "")
      .replace(/\s+/g, " ")
      .trim();
    const more = faults.length > 1 ? ` (and ${faults.length - 1} more)` : "";
    throw new Error(
      `not well-formed XML${at ? ` at line ${at[1]}, column ${at[2]}` : ""}: ${what}${more}; nothing of it was read`,
    );
  }
  return doc as Document;
}
