// `npm run bench`: every benchmark in turn, with the same options (`-- --mb 2 --nodes 20000` for a
// quicker run; `-- --tiny` for the smallest run that proves they work, as npm test does;
// `-- --json` for one JSON object: the scale figures at the top level, then each benchmark's).
import { gather } from "./report";

const json = process.argv.includes("--json");
const results = json ? gather() : null;
const gap = () => {
  if (!json) console.log("");
};
await import("./scale");
gap();
await import("./load");
gap();
await import("./extract");
gap();
await import("./query");
gap();
await import("./export");
if (results) console.log(JSON.stringify(results, null, 2));
