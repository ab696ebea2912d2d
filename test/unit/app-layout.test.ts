import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chronologicalLayout,
  FirstFitRows,
  fitChronologicalLayout,
  fractionalYear,
  laneOf,
  NO_ISSUER,
  rowCaps,
  spreadRows,
  type LayoutNode,
} from "../../src/app/layout/chronological";
import { packLayout, packNodes, unpackLayout, unpackNodes } from "../../src/app/layout/packed";
import { displayLabels, viewSettings, zoomToSize } from "../../src/app/graph/scene";
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
    const rows = tall.lanes.reduce((sum, lane) => sum + lane.rows, 0);
    const gaps = (tall.lanes.length - 1) * 8;
    expect(tall.height).toBe(rows * 28 + gaps);
    expect(short.height).toBeCloseTo(200, 6);
    // A little short of room, rows keep their floor and every node its own room.
    const low = fitChronologicalLayout(NODES, { width: 800, height: (rows * 16 + gaps) / 1.3 }, bounds);
    expect(low.height).toBe(rows * 16 + gaps);
    expect(low.crowding).toBe(1);
    // Far too short, every lane is a row at the floor.
    const tiny = fitChronologicalLayout(NODES, { width: 800, height: 10 }, bounds);
    expect(tiny.lanes.map((lane) => lane.rows)).toEqual(tall.lanes.map(() => 1));
    expect(tiny.height).toBe(tall.lanes.length * 16 + gaps);
    expect(tiny.crowding).toBe(Math.max(...tall.lanes.map((lane) => lane.rows)));
  });

  it("shares the rows of crowded lanes out so that thousands of texts fill the box, not a column", () => {
    // 6,000 resolutions of one assembly over 1911–2025, a body with a few decisions, a few undated texts.
    const nodes: LayoutNode[] = [];
    for (let i = 0; i < 6000; i++) {
      const year = 1911 + (i % 115);
      const day = String(1 + ((i * 7) % 28)).padStart(2, "0");
      const month = String(1 + ((i * 5) % 12)).padStart(2, "0");
      nodes.push({
        key: `GA-${year}-RES-${i}`,
        kind: "resolution",
        issuer: "GA",
        // Half of them dated by their year alone, as a corpus often has them.
        date: i % 2 ? `${year}` : `${year}-${month}-${day}`,
        size: 5 + (i % 6),
        labelWidth: 90 + (i % 40),
      });
    }
    for (let i = 0; i < 12; i++)
      nodes.push({
        key: `C-DEC-${i}`,
        kind: "decision",
        issuer: "C",
        date: `${1990 + 3 * i}`,
        size: 5,
        labelWidth: 60,
      });
    for (let i = 0; i < 3; i++) nodes.push({ key: `DOC-${i}`, kind: "document", size: 5, labelWidth: 50 });
    const box = { width: 1000, height: 560 };

    const column = fitChronologicalLayout(nodes, box, { crowdedAt: Infinity });
    const fitted = fitChronologicalLayout(nodes, box);
    // Every node and label with room of its own: a thousand rows, 30 times as tall as the box.
    expect(column.height / box.height).toBeGreaterThan(30);
    // Shared out: the lanes fill the box's height and the years its width.
    expect(fitted.height).toBeLessThanOrEqual(box.height);
    expect(fitted.height).toBeGreaterThan(box.height - 17);
    expect(fitted.maxX - fitted.minX).toBeGreaterThan(box.width - 2);
    expect(fitted.positions.size).toBe(nodes.length);
    // The lanes that need few rows keep them; the crowded one takes the rest.
    const rowsOf = (layout: typeof fitted) => new Map(layout.lanes.map((lane) => [lane.key, lane.rows]));
    expect(rowsOf(fitted).get("C")).toBe(rowsOf(column).get("C"));
    expect(rowsOf(fitted).get(NO_ISSUER)).toBe(rowsOf(column).get(NO_ISSUER));
    expect(rowsOf(fitted).get("GA")).toBeLessThan(rowsOf(column).get("GA")! / 30);
    expect(fitted.crowding).toBeCloseTo(rowsOf(column).get("GA")! / rowsOf(fitted).get("GA")!, 9);
    // Each node keeps its date and its row, as with room for all: the crowded lane's rows are
    // squeezed into its height, each at a place of its own, so that as many times closer every
    // label has room again.
    const ga = fitted.lanes.find((lane) => lane.key === "GA")!;
    const rowHeight = (ga.bottom - ga.top) / ga.rows;
    const gaRows = rowsOf(column).get("GA")!;
    const placeOf = new Map<number, number>();
    for (const [key, place] of column.positions) {
      const got = fitted.positions.get(key)!;
      expect(got.x).toBe(place.x);
      expect([got.lane, got.row]).toEqual([place.lane, place.row]);
      const lane = fitted.lanes.find((l) => l.key === place.lane)!;
      const spread = spreadRows(rowsOf(column).get(place.lane)!, lane.crowding);
      expect(got.y).toBeCloseTo(lane.top + ((spread(place.row) + 0.5) * rowHeight) / lane.crowding, 9);
      expect(got.y).toBeGreaterThan(lane.top);
      expect(got.y).toBeLessThan(lane.bottom);
      if (place.lane === "GA") placeOf.set(place.row, got.y);
    }
    // Rows apart: one place each, however squeezed.
    expect(new Set(placeOf.values()).size).toBe(gaRows);
    // Spread over the lane, not stacked in the order first-fit opened them: the first year's texts,
    // in the first rows, reach from the lane's top quarter to its bottom quarter.
    const firstYear = nodes
      .filter((n) => n.date?.startsWith("1911"))
      .map((n) => fitted.positions.get(n.key)!.y);
    expect(Math.min(...firstYear)).toBeLessThan(ga.top + (ga.bottom - ga.top) / 4);
    expect(Math.max(...firstYear)).toBeGreaterThan(ga.bottom - (ga.bottom - ga.top) / 4);
    expect(fitted.lanes.find((lane) => lane.key === "C")!.crowding).toBe(1);
  });
});

describe("the view of a crowded timeline", () => {
  it("draws fewer labels and lets the camera come as close as parts its rows, nodes growing no more past 0.15", () => {
    expect(viewSettings("chrono", 1)).toEqual({
      labelDensity: 2.5,
      labelGridCellSize: 50,
      minCameraRatio: 0.15,
    });
    expect(viewSettings("chrono", 1.5)).toEqual(viewSettings("chrono", 1));
    expect(viewSettings("chrono", 40)).toEqual({
      labelDensity: 0.5,
      labelGridCellSize: 100,
      minCameraRatio: 1 / 40,
    });
    // The network's nodes are not in rows: its closest camera is the usual one, crowded or not.
    expect(viewSettings("force", 40)).toEqual({
      labelDensity: 0.5,
      labelGridCellSize: 100,
      minCameraRatio: 0.15,
    });
    expect(zoomToSize(1)).toBe(1);
    expect(zoomToSize(0.25)).toBe(0.5);
    expect(zoomToSize(0.01)).toBe(zoomToSize(0.15));
  });
});

describe("a crowded lane's rows", () => {
  it("each have a place of their own, spread over the lane rather than in order", () => {
    for (const rows of [1, 2, 3, 10, 97, 1000, 1024, 6561]) {
      const spread = spreadRows(rows, 5);
      const places = Array.from({ length: rows }, (_, row) => spread(row));
      expect([...places].sort((a, b) => a - b)).toEqual(Array.from({ length: rows }, (_, row) => row));
      // Consecutive rows land far apart (over a fifth of the lane).
      if (rows > 10)
        for (let row = 1; row < rows; row++)
          expect(Math.abs(places[row]! - places[row - 1]!)).toBeGreaterThan(rows / 5);
    }
    // A lane with room keeps its rows in order.
    expect(Array.from({ length: 5 }, (_, row) => spreadRows(5, 1)(row))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("row caps", () => {
  it("leave lanes alone while they fit, then share out the rows that fill the box", () => {
    const options = { minRowHeight: 10, laneGap: 0, crowdedAt: 1.5 };
    const lanes = (rows: number[]) => rows.map((n, i) => ({ key: `L${i}`, rows: n }));
    expect(rowCaps(lanes([3, 5, 7]), 100, options)).toBeNull();
    expect(rowCaps(lanes([3, 5, 7]), 101, options)).toBeNull();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2000 }),
        (rows, height) => {
          const caps = rowCaps(lanes(rows), height, options);
          const needed = rows.reduce((a, b) => a + b, 0);
          if (!caps) {
            expect(needed * 10).toBeLessThanOrEqual(1.5 * height);
            return;
          }
          const budget = Math.max(rows.length, Math.floor(height / 10));
          // Lanes left whole are not in the map.
          const got = rows.map((n, i) => caps.get(`L${i}`) ?? n);
          rows.forEach((n, i) => expect(caps.get(`L${i}`) ?? 0).toBeLessThan(n));
          expect(got.reduce((a, b) => a + b, 0)).toBe(Math.min(budget, needed));
          got.forEach((cap, i) => {
            expect(cap).toBeGreaterThanOrEqual(1);
            expect(cap).toBeLessThanOrEqual(rows[i]!);
          });
          // Lanes cut short share evenly: within one row of each other, none below a lane left whole.
          const cut = got.filter((cap, i) => cap < rows[i]!);
          const whole = got.filter((cap, i) => cap === rows[i]!);
          if (cut.length) {
            expect(Math.max(...cut) - Math.min(...cut)).toBeLessThanOrEqual(1);
            for (const cap of whole) expect(cap).toBeLessThanOrEqual(Math.min(...cut) + 1);
          }
        },
      ),
      { numRuns: 500 },
    );
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
          const caps = new Map(
            fitted.lanes.filter((lane) => lane.crowding > 1).map((lane) => [lane.key, lane.rows]),
          );
          const afresh = chronologicalLayout(nodes, { pxPerYear: fitted.pxPerYear, rowHeight }, caps);
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
