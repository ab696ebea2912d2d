import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chronologicalLayout,
  FirstFitRows,
  fitChronologicalLayout,
  fractionalYear,
  laneOf,
  NO_ISSUER,
  type LayoutNode,
} from "../../src/app/layout/chronological";
import { packLayout, packNodes, unpackLayout, unpackNodes } from "../../src/app/layout/packed";
import { displayLabels } from "../../src/app/graph/scene";
import { finish } from "../../src/query/memo";

const NODES: LayoutNode[] = [
  { key: "INTERPOL", kind: "organisation" },
  { key: "INTERPOL-GA", kind: "body", issuer: "INTERPOL" },
  { key: "ITU", kind: "organisation" },
  { key: "ITU-C", kind: "body", issuer: "ITU" },
  { key: "INTERPOL-CONSTITUTION", kind: "document", issuer: "INTERPOL" },
  { key: "GA-2017-RES-08", kind: "resolution", issuer: "INTERPOL-GA", date: "2017-09-26" },
  { key: "GA-2017-REP-09", kind: "document", issuer: "INTERPOL-GA", date: "2017" },
  { key: "GA-2012-RES-08", kind: "resolution", issuer: "INTERPOL-GA", date: "2012" },
  { key: "GA-2021-RES-11", kind: "resolution", issuer: "INTERPOL-GA", date: "2021-11-23" },
  { key: "C-DEC-598", kind: "decision", issuer: "ITU-C", date: "2017-05-26" },
  { key: "C-DEC-590", kind: "decision", issuer: "ITU-C" },
  { key: "UDHR", kind: "declaration", issuer: "UNGA", date: "1948-12-10" },
  { key: "MEETING-2016", kind: "event", date: "2016-09" },
];

const xOf = (layout: ReturnType<typeof chronologicalLayout>, key: string) => {
  const place = layout.positions.get(key);
  if (!place) throw new Error(`${key} was not placed`);
  return place;
};

describe("fractionalYear", () => {
  it("places a year alone at mid-year and a month alone at mid-month", () => {
    expect(fractionalYear("2017")).toBe(2017.5);
    expect(fractionalYear("2017-09")).toBeCloseTo(2017 + 8.5 / 12, 10);
  });

  it("places a full date at its day of the year", () => {
    expect(fractionalYear("2017-01-01")).toBeCloseTo(2017 + 0.5 / 365, 10);
    expect(fractionalYear("2016-12-31")).toBeCloseTo(2016 + 365.5 / 366, 10);
  });

  it("treats what is not an ISO date as no date", () => {
    for (const date of ["", "2017-13", "2017-02-30", "26 September 2017", "17"])
      expect(fractionalYear(date)).toBeUndefined();
  });
});

describe("chronologicalLayout", () => {
  it("is deterministic: the same nodes in any order give the same positions", () => {
    const a = chronologicalLayout(NODES);
    const b = chronologicalLayout([...NODES].reverse());
    expect([...b.positions].sort()).toEqual([...a.positions].sort());
    expect(b.lanes).toEqual(a.lanes);
  });

  it("orders dated nodes by x in date order", () => {
    const layout = chronologicalLayout(NODES);
    const dated = NODES.filter((n) => n.date !== undefined)
      .map((n) => ({ key: n.key, time: fractionalYear(n.date ?? "") ?? NaN, x: xOf(layout, n.key).x }))
      .sort((p, q) => p.time - q.time);
    for (let i = 1; i < dated.length; i++) expect(dated[i]?.x).toBeGreaterThan(dated[i - 1]?.x ?? Infinity);
  });

  it("keeps x linear in time inside a run of busy years", () => {
    const layout = chronologicalLayout(NODES, { pxPerYear: 50, maxEmptyYears: 5 });
    const x2012 = xOf(layout, "GA-2012-RES-08").x;
    const x2017 = xOf(layout, "GA-2017-REP-09").x;
    expect(x2017 - x2012).toBeCloseTo(5 * 50, 6);
  });

  it("collapses a long run of empty years into a short break", () => {
    const layout = chronologicalLayout(NODES, { pxPerYear: 50, maxEmptyYears: 5, breakYears: 0.5 });
    // 1948 to 2012 is 64 years, but only 1948 itself, a half-year break and 2012 up to mid-year are drawn.
    expect(xOf(layout, "GA-2012-RES-08").x - xOf(layout, "UDHR").x).toBeLessThan(3 * 50);
    expect(layout.periods.map((p) => [p.from, p.to])).toEqual([
      [1948, 1949],
      [2012, 2022],
    ]);
  });

  it("places undated nodes apart from the timeline, left of the earliest year", () => {
    const layout = chronologicalLayout(NODES);
    const undated = NODES.filter((n) => n.date === undefined).map((n) => xOf(layout, n.key));
    const earliestDated = Math.min(
      ...NODES.filter((n) => n.date !== undefined).map((n) => xOf(layout, n.key).x),
    );
    expect(undated.length).toBeGreaterThan(0);
    for (const place of undated) {
      expect(place.x).toBe(layout.undatedX);
      expect(place.time).toBeUndefined();
      expect(place.x).toBeLessThan(earliestDated);
    }
  });

  it("gives one lane per issuer, and puts organisations and bodies in their organisation's lane", () => {
    const layout = chronologicalLayout(NODES);
    expect(layout.lanes.map((l) => l.key)).toEqual([
      "INTERPOL",
      "INTERPOL-GA",
      "ITU",
      "ITU-C",
      "UNGA",
      NO_ISSUER,
    ]);
    expect(xOf(layout, "INTERPOL-GA").lane).toBe("INTERPOL");
    expect(xOf(layout, "ITU-C").lane).toBe("ITU");
    expect(xOf(layout, "GA-2017-RES-08").lane).toBe("INTERPOL-GA");
    expect(xOf(layout, "MEETING-2016").lane).toBe(NO_ISSUER);
    for (const node of NODES) {
      const place = xOf(layout, node.key);
      const lane = layout.lanes.find((l) => l.key === laneOf(node));
      expect(lane).toBeDefined();
      expect(place.y).toBeGreaterThan(lane?.top ?? Infinity);
      expect(place.y).toBeLessThan(lane?.bottom ?? -Infinity);
    }
  });

  it("keeps lanes from overlapping, top to bottom", () => {
    const { lanes } = chronologicalLayout(NODES);
    for (let i = 1; i < lanes.length; i++)
      expect(lanes[i]?.top).toBeGreaterThan(lanes[i - 1]?.bottom ?? Infinity);
  });

  it("stacks nodes that would collide, labels included, into separate rows of their lane", () => {
    const layout = chronologicalLayout(
      [
        { key: "A", kind: "resolution", issuer: "X", date: "2017-09-26", size: 5, labelWidth: 40 },
        { key: "B", kind: "event", issuer: "X", date: "2017-09-26", size: 5, labelWidth: 40 },
        { key: "C", kind: "document", issuer: "X", date: "2018", size: 5, labelWidth: 40 },
        { key: "D", kind: "document", issuer: "X", date: "2024", size: 5, labelWidth: 40 },
      ],
      { pxPerYear: 40 },
    );
    expect(["A", "B", "C", "D"].map((k) => xOf(layout, k).row)).toEqual([0, 1, 2, 0]);
    expect(layout.lanes[0]?.rows).toBe(3);
  });
});

describe("fitChronologicalLayout", () => {
  it("spreads nodes and labels over the width it is given", () => {
    const nodes = NODES.map((n) => ({ ...n, size: 5, labelWidth: 60 }));
    for (const width of [600, 1200]) {
      const layout = fitChronologicalLayout(nodes, { width, height: 2000 });
      expect(layout.maxX - layout.minX).toBeLessThanOrEqual(width);
      expect(layout.maxX - layout.minX).toBeGreaterThan(width - 2);
    }
  });

  it("stretches or shortens rows to fill the height, within a floor and a ceiling", () => {
    const bounds = { minRowHeight: 16, maxRowHeight: 28, laneGap: 8 };
    const tall = fitChronologicalLayout(NODES, { width: 800, height: 2000 }, bounds);
    const short = fitChronologicalLayout(NODES, { width: 800, height: 200 }, bounds);
    const tiny = fitChronologicalLayout(NODES, { width: 800, height: 10 }, bounds);
    const rows = tall.lanes.reduce((sum, lane) => sum + lane.rows, 0);
    const gaps = (tall.lanes.length - 1) * 8;
    expect(tall.height).toBe(rows * 28 + gaps);
    expect(short.height).toBeCloseTo(200, 6);
    expect(tiny.height).toBe(rows * 16 + gaps);
  });
});

describe("fitChronologicalLayout, rows resized rather than laid out again", () => {
  it("is the layout made afresh at the year width and row height it found, and crosses to a worker unchanged", () => {
    const node = fc.record({
      key: fc.string({ minLength: 1, maxLength: 6 }),
      kind: fc.constantFrom("resolution", "decision", "body", "organisation", "event"),
      date: fc.option(fc.constantFrom("1948", "2012", "2017-05", "2017-09-26", "2021-11-23", "2025"), {
        nil: undefined,
      }),
      issuer: fc.option(fc.constantFrom("INTERPOL", "INTERPOL-GA", "ITU-C"), { nil: undefined }),
      size: fc.integer({ min: 3, max: 10 }),
      labelWidth: fc.integer({ min: 0, max: 120 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(node, { selector: (n) => n.key, maxLength: 60 }),
        fc.integer({ min: 200, max: 1600 }),
        fc.integer({ min: 50, max: 1200 }),
        (raw, width, height) => {
          const nodes = raw.map(({ date, issuer, ...n }) => ({
            ...n,
            ...(date === undefined ? {} : { date }),
            ...(issuer === undefined ? {} : { issuer }),
          }));
          const fitted = fitChronologicalLayout(nodes, { width, height });
          // Packed as columns for the layout worker and back, nodes and layout are unchanged.
          const keys = nodes.map((n) => n.key);
          expect(unpackNodes(structuredClone(packNodes(nodes)))).toEqual(nodes);
          expect(finish(unpackLayout(structuredClone(packLayout(fitted, keys)), keys, 7))).toEqual(fitted);
          const rows = fitted.lanes.reduce((sum, lane) => sum + lane.rows, 0);
          const rowHeight = rows
            ? (fitted.lanes[0]!.bottom - fitted.lanes[0]!.top) / fitted.lanes[0]!.rows
            : 22;
          const afresh = chronologicalLayout(nodes, { pxPerYear: fitted.pxPerYear, rowHeight });
          expect(fitted.lanes.length).toBe(afresh.lanes.length);
          fitted.lanes.forEach((lane, i) => {
            expect(lane.key).toBe(afresh.lanes[i]!.key);
            expect(lane.top).toBeCloseTo(afresh.lanes[i]!.top, 6);
            expect(lane.bottom).toBeCloseTo(afresh.lanes[i]!.bottom, 6);
          });
          expect(fitted.height).toBeCloseTo(afresh.height, 6);
          for (const [key, place] of afresh.positions) {
            const got = fitted.positions.get(key)!;
            expect({ ...got, y: 0 }).toEqual({ ...place, y: 0 });
            expect(got.y).toBeCloseTo(place.y, 6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("first-fit rows", () => {
  it("puts every item where a scan of the rows from the first would, at any size", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 120 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 0, max: 20 }),
        (spans, gap) => {
          const items = spans
            .map(([start, width]) => ({ start, end: start + width }))
            .sort((a, b) => a.start - b.start);
          const fast = new FirstFitRows(items.length);
          const ends: number[] = [];
          for (const item of items) {
            let row = ends.findIndex((end) => end + gap <= item.start);
            if (row < 0) row = ends.push(item.end) - 1;
            else ends[row] = item.end;
            expect(fast.place(item.start - gap, item.end)).toBe(row);
          }
          expect(fast.count).toBe(ends.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("display labels", () => {
  it("keep short labels, cut long ones at a word, and tell apart long ones that would read the same", () => {
    const labels = displayLabels([
      { key: "A", label: "Decision 598" },
      { key: "B", label: "Resolution on the cooperation between INTERPOL and ITU" },
      { key: "C", label: "Agreement between the International Telecommunication Union and Lyon" },
      { key: "D", label: "Agreement between the International Telecommunication Union and Geneva" },
    ]);
    expect(labels.get("A")).toBe("Decision 598");
    expect(labels.get("B")).toBe("Resolution on the…");
    expect(labels.get("C")).not.toBe(labels.get("D"));
    expect(labels.get("C")).toMatch(/^Agreement .*Lyon$/);
    expect(labels.get("D")).toMatch(/^Agreement .*Geneva$/);
  });
});
