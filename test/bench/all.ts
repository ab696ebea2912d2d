// `npm run bench`: every benchmark in turn, with the same options (`-- --mb 2 --nodes 20000` for a
// quicker run; `-- --json` for machine-readable output).
export {};
await import("./extract");
console.log("");
await import("./query");
console.log("");
await import("./export");
