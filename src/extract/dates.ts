// Dates as written in French and English institutional texts, to ISO 8601 (partial allowed).

const MONTHS: Record<string, number> = {
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Alternation of month names, folded (lower case, no accents), for use inside patterns. */
export const MONTH_NAMES = Object.keys(MONTHS).join("|");

export function isoDate(year: number | string, month?: number | string, day?: number | string): string {
  const y = String(year).padStart(4, "0");
  if (month === undefined) return y;
  const m = String(typeof month === "string" && !/^\d+$/.test(month) ? (MONTHS[month] ?? 0) : month).padStart(
    2,
    "0",
  );
  if (day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, "0")}`;
}

const ISO = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** True for ISO 8601 calendar dates, partial allowed ("2017", "2017-09", "2017-09-26"), that exist. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  if (!m[3]) return true;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
}
