// Which data format a file is, by its name, else by its first characters. Kept apart from the
// readers so that the explorer can sort dropped files without loading them.
export const DATA_FORMATS = ["gexf", "graphml", "json", "csv"] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export interface InputFile {
  name: string;
  text: string;
}

export function formatOf(file: InputFile): DataFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith(".gexf")) return "gexf";
  if (name.endsWith(".graphml")) return "graphml";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".csv")) return "csv";
  const head = file.text.slice(0, 400).trimStart();
  if (head.startsWith("{")) return "json";
  if (head.startsWith("<") && /<gexf[\s>]/.test(head)) return "gexf";
  if (head.startsWith("<") && /<graphml[\s>]/.test(head)) return "graphml";
  return null;
}
