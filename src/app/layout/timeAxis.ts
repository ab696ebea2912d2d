// The timeline strip's axis: the years of the dated texts, left to right, with long empty runs
// collapsed into short breaks as on the chronological layout (a 1948 text does not squeeze
// 2008–2025 into a corner). Positions are fractions of the strip's width, so the strip draws at
// any size; a position read back gives the year under it, for scrubbing. Pure.
import { DEFAULT_OPTIONS, periodsOf, type Period } from "./chronological";

export interface TimeAxis {
  periods: Period[];
  /** Width of the whole axis, in years (breaks included). */
  span: number;
  first: number;
  last: number;
}

/** The axis of some fractional years (fractionalYear); null when there are none. */
export function timeAxis(times: readonly number[]): TimeAxis | null {
  if (!times.length) return null;
  const options = { ...DEFAULT_OPTIONS, pxPerYear: 1 };
  const periods = periodsOf([...times], options, 0);
  const end = periods[periods.length - 1]!;
  return { periods, span: end.x + (end.to - end.from), first: periods[0]!.from, last: end.to - 1 };
}

/** Where a fractional year stands, 0 (left) to 1 (right). In a break, at the break's start. */
export function axisFraction(axis: TimeAxis, time: number): number {
  let at = 0;
  for (const p of axis.periods) {
    if (time < p.from) break;
    at = p.x + Math.min(time, p.to) - p.from;
  }
  return axis.span ? at / axis.span : 0;
}

/** The year under a fraction of the axis, clamped to the first and last years. */
export function axisYear(axis: TimeAxis, fraction: number): number {
  const at = Math.max(0, Math.min(1, fraction)) * axis.span;
  let year = axis.first;
  for (const p of axis.periods) {
    if (at < p.x) break;
    year = Math.min(p.to - 1, p.from + Math.floor(at - p.x));
  }
  return Math.max(axis.first, Math.min(axis.last, year));
}

/** The years the strip labels: each period's first year, and every `step` years within it. */
export function axisLabels(axis: TimeAxis, step: number): number[] {
  const out: number[] = [];
  for (const p of axis.periods)
    for (let y = p.from; y < p.to; y++) if (y === p.from || y % step === 0) out.push(y);
  return out;
}
