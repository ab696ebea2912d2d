// Where a benchmark's JSON goes: printed, when the benchmark runs alone; gathered, when
// `npm run bench -- --json` runs them all (test/bench/all.ts prints one object at the end).
const gathered: Record<string, unknown> = {};
let gathering = false;

export function gather(): Record<string, unknown> {
  gathering = true;
  return gathered;
}

/** `value` under `name`; the scale benchmark's figures (top: true) stand at the object's top level. */
export function emit(name: string, value: unknown, top = false): void {
  if (!gathering) {
    console.log(JSON.stringify(value, null, 2));
    return;
  }
  if (top && value && typeof value === "object") Object.assign(gathered, value);
  else gathered[name] = value;
}
