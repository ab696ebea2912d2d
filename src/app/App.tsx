// The explorer page: header (search, language), the graph canvas, and the panels beside it. The
// whole view lives in the URL (useViewState); everything shown is derived from it and the graph.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { usePreparation, type Preparation } from "./state/usePreparation";
import { useNodeFinder, type Finding } from "./state/useNodeFinder";
import { CONTEXT_KINDS } from "../query/history";
import { exampleQueries } from "../query/examples";
import { answerTitle, runQuery, type Answer } from "../query/run";
import { cleanPhrase } from "../query/resolve";
import type { NodeFinder } from "./data/searchWorker";
import {
  answerStoryIds,
  answerStoryOptions,
  buildStory,
  MAX_STORY_STEPS,
  storyOrder,
  storySteps,
  type Story,
} from "../query/story";
import { storyBrief } from "../export/storyBrief";
import { download } from "./export/download";
import { StoryPanel, StoryTray, useStoryKeys } from "./components/StoryPanel";
import { TimelineStrip } from "./components/TimelineStrip";
import type { Highlight } from "./graph/lit";
import { answerKeys } from "../export/scope";
import { GraphCanvas, type CanvasHandle } from "./components/GraphCanvas";
import { ExportMenu } from "./components/ExportMenu";
import { DetailsPanel, type SourceRef } from "./components/DetailsPanel";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Legend } from "./components/Legend";
import { NodeList } from "./components/NodeList";
import { QueryBar } from "./components/QueryBar";
import { ResultsPanel } from "./components/ResultsPanel";
import { SearchBox } from "./components/SearchBox";
import { SourceViewer } from "./components/SourceViewer";
import {
  GraphLoadError,
  GRAPH_URL,
  loadGraph,
  summarised,
  type CanonicalGraph,
  type LoadProgress,
} from "./data/loadGraph";
import { NearestNote, PreparingNote, ProgressNote, SearchIndexNote } from "./components/ProgressNote";
import { extractTexts, importGraphFiles, importUrl, readDropped, type ImportReport } from "./data/importData";
import { i18n, setLanguage } from "./i18n";
import { visibleGraph, yearOf, type Visible } from "./state/filters";
import { useViewState, type UpdateView } from "./state/useViewState";
import {
  DEFAULT_VIEW,
  LANGUAGES,
  LAYOUTS,
  type Camera,
  type Language,
  type Layout,
  type Theme,
  type ViewState,
} from "./state/viewState";

type Load =
  | { status: "loading" }
  | { status: "error"; error: GraphLoadError | Error }
  | { status: "ready"; graph: CanonicalGraph; report?: ImportReport };

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <Explorer />
    </I18nextProvider>
  );
}

function Explorer() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const { view, update, problems } = useViewState();
  const graph = load.status === "ready" ? load.graph : null;
  const notices =
    graph && view.selected && !graph.hasNode(view.selected)
      ? [...problems, `sel: no node "${view.selected}" in this graph`]
      : problems;
  const { kinds, relations, orgs, years, asOf } = view;
  // Questions are prepared, and search indexed, once the graph is drawn, or at once if one waits.
  const [drawn, setDrawn] = useState<CanonicalGraph | null>(null);
  const [searched, setSearched] = useState<CanonicalGraph | null>(null);
  // Another graph: let the last one go (adjusting state while rendering, as React advises).
  if (drawn && drawn !== graph) setDrawn(null);
  if (searched && searched !== graph) setSearched(null);
  const wanted = !!graph && (drawn === graph || searched === graph || !!view.query);
  const preparation = usePreparation(graph, wanted);
  const finding = useNodeFinder(graph, wanted);
  const visible = useMemo(
    () => (graph ? visibleGraph(graph, { ...DEFAULT_VIEW, kinds, relations, orgs, years, asOf }) : null),
    [graph, kinds, relations, orgs, years, asOf],
  );

  useEffect(() => setLanguage(view.lang), [view.lang]);

  // One change of the graph at a time: a load, an import or an extraction. Starting one stops the
  // one under way, so that an older one finishing late never replaces a newer graph.
  const job = useRef<AbortController | null>(null);
  const startJob = useCallback((): AbortController => {
    job.current?.abort();
    job.current = new AbortController();
    return job.current;
  }, []);

  // The graph: the shipped corpus, or the file named by ?data= (reloaded when either changes).
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const controller = startJob();
    const failed = (err: unknown) => {
      if (controller.signal.aborted) return;
      setLoad({ status: "error", error: err instanceof Error ? err : new Error(String(err)) });
    };
    if (view.data)
      importUrl(view.data, controller.signal, setProgress)
        .then(async ({ graph, report }) => {
          if (!graph) throw new Error(report.problems.join("; "));
          await summarised(graph, controller.signal, setProgress);
          if (!controller.signal.aborted) setLoad({ status: "ready", graph, report });
        })
        .catch(failed);
    else
      loadGraph(controller.signal, GRAPH_URL, setProgress)
        .then((graph) => summarised(graph, controller.signal, setProgress))
        .then((graph) => {
          if (!controller.signal.aborted) setLoad({ status: "ready", graph });
        }, failed);
    return () => {
      controller.abort();
      setProgress(null); // the next load starts from nothing, not from where this one ended
    };
  }, [view.data, reload, startJob]);

  // Files dropped anywhere on the page: a graph file replaces the graph, texts are added to it.
  const [dragging, setDragging] = useState(false);
  /** Dropped texts being extracted in their worker: how many, and how to stop it. */
  const [extracting, setExtracting] = useState<{ count: number; controller: AbortController } | null>(null);
  /** A graph file being read in the worker: its names, how far it has got, and how to stop it. */
  // Its progress goes to the note alone (ImportStatus): the page around it is not drawn again.
  const [importing, setImporting] = useState<Importing | null>(null);
  // A dropped graph is shown in place of the one the link names; the link is left as it is (a
  // dropped file has no URL), and a reload goes back to what it names.
  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const { texts, data, other } = await readDropped(event.dataTransfer.files);
    const unknown = other.map((f) => `${f.name}: not a GEXF, GraphML, JSON or CSV file, nor a .txt text`);
    if (!data.length && !texts.length) {
      if (other.length)
        setLoad((l) =>
          l.status === "ready"
            ? {
                ...l,
                report: {
                  ok: false,
                  name: other.map((f) => f.name).join(", "),
                  kind: "graph",
                  problems: unknown,
                },
              }
            : l,
        );
      return;
    }
    if (data.length) {
      const job = importingJob(data.map((f) => f.name).join(", "), startJob());
      const { signal } = job.controller;
      setImporting(job);
      let result: Awaited<ReturnType<typeof importGraphFiles>>;
      try {
        result = await importGraphFiles(data, signal, job.report);
        if (result.graph) await summarised(result.graph, signal);
      } catch (err) {
        if (signal.aborted) return; // cancelled: the graph explored stays as it was
        result = {
          graph: null,
          report: { ok: false, name: job.name, kind: "graph", problems: [String(err)] },
        };
      } finally {
        setImporting((i) => (i === job ? null : i));
      }
      const { graph: imported, report } = result;
      report.problems.push(...unknown);
      if (texts.length)
        report.problems.push(
          `${texts.map((t) => t.name).join(", ")}: texts dropped with a graph file are not read; drop them on their own`,
        );
      if (signal.aborted) return; // another load or import came after it
      setLoad((l) =>
        imported
          ? { status: "ready", graph: imported, report }
          : l.status === "ready"
            ? { ...l, report }
            : { status: "error", error: new Error(report.problems.join("; ")) },
      );
      return;
    }
    if (!texts.length || load.status !== "ready") return;
    const extraction = { count: texts.length, controller: startJob() };
    const { signal } = extraction.controller;
    setExtracting(extraction);
    try {
      const { graph: merged, report } = await extractTexts(load.graph, texts, signal);
      report.problems.push(...unknown);
      if (signal.aborted) return;
      setLoad((l) =>
        merged ? { status: "ready", graph: merged, report } : l.status === "ready" ? { ...l, report } : l,
      );
    } catch (err) {
      if (!signal.aborted) throw err; // cancelled, or another change came after it: the graph stays
    } finally {
      setExtracting((e) => (e === extraction ? null : e));
    }
  };
  const backToCorpus = () => {
    if (view.data) update({ data: null });
    else setReload((n) => n + 1);
    setLoad({ status: "loading" });
  };

  // Escape clears the selection, wherever the focus is (panels stop it when they close themselves).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) update({ selected: null });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [update]);

  return (
    <div
      className="app"
      data-theme={view.theme}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget === null) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
      {dragging && <div className="drop-overlay">{t("import_drop", { ns: "exports" })}</div>}
      <header className="app-header">
        <h1>{t("title")}</h1>
        {load.status === "ready" ? (
          <Counts graph={load.graph} visible={visible} />
        ) : (
          <p className="counts">{load.status === "loading" ? t("loading") : t("no_graph")}</p>
        )}
        {load.status === "ready" && (
          <Search
            finding={finding}
            onType={() => setSearched(load.graph)}
            onChoose={(id) => update({ selected: id })}
          />
        )}
        <div className="layout-switch" role="group" aria-label={t("layout")}>
          {LAYOUTS.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={view.layout === l}
              onClick={() => update({ layout: l })}
            >
              {t(`layout_${l}`)}
            </button>
          ))}
        </div>
        <label className="language">
          <span className="visually-hidden">{t("language")}</span>
          <select
            aria-label="Language"
            value={view.lang}
            onChange={(e) => update({ lang: e.target.value as Language })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === "en" ? "English" : "Français"}
              </option>
            ))}
          </select>
        </label>
      </header>
      {importing && (
        <ErrorBoundary>
          <ImportStatus job={importing} />
        </ErrorBoundary>
      )}
      {extracting && (
        <div className="message notice import-progress" role="status">
          <span>{t("import_extracting", { ns: "exports", count: extracting.count })}</span>
          <button type="button" onClick={() => extracting.controller.abort()}>
            {t("import_cancel", { ns: "exports" })}
          </button>
        </div>
      )}
      {load.status === "ready" && load.report && (
        <ErrorBoundary>
          <ImportPanel
            report={load.report}
            graph={load.graph}
            onClose={() => setLoad({ status: "ready", graph: load.graph })}
            onBack={backToCorpus}
          />
        </ErrorBoundary>
      )}
      {notices.length > 0 && (
        <p className="message notice" role="status">
          {t("url_problems", { problems: notices.join("; ") })}
        </p>
      )}
      {load.status === "ready" ? (
        <Workspace
          graph={load.graph}
          view={view}
          visible={visible ?? { nodes: new Set(), edges: new Set() }}
          update={update}
          preparation={preparation}
          finding={finding}
          onDrawn={setDrawn}
        />
      ) : (
        <main className="app-main">
          {load.status === "error" ? (
            <div className="message error" role="alert">
              <strong>{t("load_failed")}</strong>{" "}
              {load.error instanceof GraphLoadError
                ? t(`load_${load.error.reason}`, load.error.params)
                : load.error.message}{" "}
              {view.data ? (
                <button type="button" className="link-button" onClick={backToCorpus}>
                  {t("import_back", { ns: "exports" })}
                </button>
              ) : (
                t("build_hint", { command: "npm run -s cli -- build" })
              )}
            </div>
          ) : (
            <div className="message">
              {t("loading")}
              {progress && <ProgressNote progress={progress} />}
              {view.data && (
                // A file named in the link may be large, or slow to come: the way back.
                <button type="button" className="link-button" onClick={backToCorpus}>
                  {t("import_cancel", { ns: "exports" })}
                </button>
              )}
            </div>
          )}
        </main>
      )}
    </div>
  );
}

/** A graph file being read in the worker: its names, how to stop it, and where its progress goes. */
interface Importing {
  name: string;
  controller: AbortController;
  /** Said by the import as it goes; heard by whoever listens (the note). */
  report(progress: LoadProgress): void;
  listen(to: (progress: LoadProgress) => void): () => void;
}

function importingJob(name: string, controller: AbortController): Importing {
  const listeners = new Set<(progress: LoadProgress) => void>();
  return {
    name,
    controller,
    report: (progress) => listeners.forEach((l) => l(progress)),
    listen: (to) => {
      listeners.add(to);
      return () => void listeners.delete(to);
    },
  };
}

/** The file being read, how far it has got, and Cancel. */
function ImportStatus({ job }: { job: Importing }) {
  const { t } = useTranslation("exports");
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  useEffect(() => job.listen(setProgress), [job]);
  return (
    <div className="message notice import-progress" role="status">
      <span>{t("import_reading", { name: job.name })}</span>
      {progress && <ProgressNote progress={progress} />}
      <button type="button" onClick={() => job.controller.abort()}>
        {t("import_cancel")}
      </button>
    </div>
  );
}

/** What an import read, and every problem it met, with the way back to the shipped corpus. */
function ImportPanel(props: {
  report: ImportReport;
  graph: CanonicalGraph;
  onClose(): void;
  onBack(): void;
}) {
  const { report, graph, onClose, onBack } = props;
  const { t } = useTranslation("exports");
  return (
    <section className="import-report" aria-label="Import">
      <p>
        {report.ok && <strong>{t("import_title")} </strong>}
        {!report.ok
          ? t("import_failed")
          : report.kind === "texts"
            ? t("import_texts", {
                files: report.name,
                count: report.texts ?? 0,
                refs: report.refs ?? 0,
                nodes: graph.order,
                edges: graph.size,
              })
            : report.held
              ? t("import_partial", {
                  name: report.name,
                  nodes: graph.order,
                  edges: graph.size,
                  heldNodes: report.held.nodes,
                  heldEdges: report.held.edges,
                })
              : t("import_done", { name: report.name, nodes: graph.order, edges: graph.size })}
      </p>
      {report.problems.length > 0 && (
        <>
          <p>{t("import_problems", { count: report.problems.length })}</p>
          <ul className="import-problems">
            {report.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
            {report.problems.length > 50 && (
              <li>
                {t("import_more", { count: report.problems.length - 50 })}{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    download(
                      "recital-import-problems.txt",
                      new Blob([`${report.problems.join("\n")}\n`], { type: "text/plain" }),
                    )
                  }
                >
                  {t("import_save")}
                </button>
              </li>
            )}
          </ul>
        </>
      )}
      <div className="import-actions">
        <button type="button" onClick={onBack}>
          {t("import_back")}
        </button>
        <button type="button" onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </section>
  );
}

function Counts({ graph, visible }: { graph: CanonicalGraph; visible: Visible | null }) {
  const { t, i18n } = useTranslation();
  const all = !visible || (visible.nodes.size === graph.order && visible.edges.size === graph.size);
  const n = (count: number) => count.toLocaleString(i18n.language);
  return (
    <p className="counts" aria-live="polite">
      {all
        ? t("counts", { nodes: n(graph.order), edges: n(graph.size) })
        : t("counts_visible", {
            nodes: n(visible.nodes.size),
            total: n(graph.order),
            edges: n(visible.edges.size),
          })}
    </p>
  );
}

/**
 * The search box's index is built ahead, in a worker (useNodeFinder), not with the page: at 100,000
 * nodes it takes seconds. Until it is built, the list says how far it has got. Where no worker
 * starts, the page builds an index of its own, in parts, and answers.
 */
function Search({
  finding,
  onType,
  onChoose,
}: {
  finding: Finding;
  onType(): void;
  onChoose(id: string): void;
}) {
  const { finder, progress } = finding;
  const find = useMemo(() => (finder ? finder.find.bind(finder) : null), [finder]);
  return (
    <ErrorBoundary>
      <SearchBox
        find={find}
        onChoose={onChoose}
        preparing={progress && <SearchIndexNote {...progress} />}
        onType={onType}
        where={finder?.where}
      />
    </ErrorBoundary>
  );
}

interface WorkspaceProps {
  graph: CanonicalGraph;
  view: ViewState;
  visible: Visible;
  update: UpdateView;
  /** Whether questions can be answered yet (usePreparation). */
  preparation: Preparation;
  /** The search's finder, which gives the nearest names to a phrase that names no node. */
  finding: Finding;
  /** Called once the canvas has drawn the graph. */
  onDrawn(graph: CanonicalGraph): void;
}

/** The last answer per graph: asking (to select a node) and showing share one run of the query. */
const lastAnswer = new WeakMap<CanonicalGraph, { key: string; answer: Answer }>();

/**
 * The nearest names per graph to phrases that named no node, as the search's finder gave them:
 * the page keeps no search index of its own to find them (src/app/data/searchWorker.ts).
 */
const nearestNames = new WeakMap<CanonicalGraph, Map<string, string[]>>();

/**
 * A question's answer; or, while it names something that fits no node and the nearest names to it
 * are not known yet, null and the phrases to ask the finder about (then it is asked again).
 */
function answerOf(
  graph: CanonicalGraph,
  query: string,
  lang: Language,
): { answer: Answer | null; near: string[] } {
  const key = `${lang}\u0000${query}`;
  const last = lastAnswer.get(graph);
  if (last?.key === key) return { answer: last.answer, near: [] };
  const known = nearestNames.get(graph);
  const near: string[] = [];
  const suggest = (phrase: string) => {
    const ids = known?.get(phrase);
    if (!ids) near.push(phrase);
    return ids ?? [];
  };
  const answer = runQuery(graph, query, { lang, suggest });
  if (near.length) return { answer: null, near };
  lastAnswer.set(graph, { key, answer });
  return { answer, near };
}

/**
 * Asks the finder for the nearest names to `phrases` (none where there is no finder: search
 * failed); `onKnown` once all of them are known, unless `signal` dropped the question first.
 */
function askNearest(
  graph: CanonicalGraph,
  finder: NodeFinder | null,
  phrases: string[],
  signal: AbortSignal,
  onKnown: () => void,
): void {
  const known = nearestNames.get(graph) ?? new Map<string, string[]>();
  nearestNames.set(graph, known);
  void Promise.all(
    phrases.map(async (phrase) => {
      // A search that fails gives no nearest names rather than a question that never answers.
      const ids = finder ? await finder.nearest(cleanPhrase(phrase), signal).catch(() => []) : [];
      if (ids) known.set(phrase, ids);
      return !!ids;
    }),
  ).then((all) => {
    if (all.every(Boolean) && !signal.aborted) onKnown();
  });
}

/** A story's title: the question's, when it tells that question's answer; else its size. */
function storyOf(graph: CanonicalGraph, ids: string[], answer: Answer | null, lang: Language): Story {
  return buildStory(graph, ids, {
    lang,
    ...(answer && tellsAnswer(graph, ids, answer) ? { title: answerTitle(answer) } : {}),
  });
}

/**
 * Whether `ids` are the steps of the answer's story: all of its nodes that can be steps, or for a
 * long answer as many as a story holds, with the node it is about among them.
 */
function tellsAnswer(graph: CanonicalGraph, ids: string[], answer: Answer): boolean {
  if (answer.status !== "ok" || !ids.length) return false;
  const told = new Set(answerStoryIds(answer));
  const steps = [...told].filter(
    (id) => graph.hasNode(id) && !CONTEXT_KINDS.has(graph.getNodeAttribute(id, "kind")),
  );
  const focus = answer.focus && steps.includes(answer.focus) ? answer.focus : null;
  if (focus && !ids.includes(focus)) return false;
  return ids.length === Math.min(steps.length, MAX_STORY_STEPS) && ids.every((id) => told.has(id));
}

/** The steps of an answer's story: all its nodes, or for a long one those nearest what it is about. */
function answerStory(graph: CanonicalGraph, answer: Answer, lang: Language): string[] {
  return storySteps(graph, answerStoryIds(answer), { lang, ...answerStoryOptions(answer) }).order;
}

/**
 * What the canvas lights at a step: the steps so far, and what this one builds on, with the edges
 * of its links; the step itself drawn larger. The camera frames the step and what it builds on.
 */
function stepHighlight(story: Story, n: number): Highlight | null {
  const step = story.steps[n - 1];
  if (!step) return null;
  return {
    nodes: new Set([...story.steps.slice(0, n).map((s) => s.id), ...step.nodes]),
    edges: new Set(step.edges),
    ends: new Set([step.id]),
    frame: [step.id, ...step.nodes],
  };
}

/** The answer's nodes and the keys of its edges, to light on the canvas. */
function highlightOf(graph: CanonicalGraph, answer: Answer | null): Highlight | null {
  if (!answer || answer.status !== "ok") return null;
  const ends = new Set([answer.focus, answer.other].filter((id): id is string => !!id));
  return { ...answerKeys(graph, answer), ends };
}

function Workspace({ graph, view, visible, update, preparation, finding, onDrawn }: WorkspaceProps) {
  const { t } = useTranslation();
  const selected = view.selected && graph.hasNode(view.selected) ? view.selected : null;
  const onSelectNode = useCallback((id: string | null) => update({ selected: id }), [update]);
  const onCamera = useCallback((camera: Camera) => update({ camera }, { replace: true }), [update]);
  // A layout that could not be made: the switch goes back to the one the canvas kept.
  const onLayoutFailed = useCallback((kept: Layout) => update({ layout: kept }, { replace: true }), [update]);
  const [source, setSource] = useState<SourceRef | null>(null);
  const [asList, setAsList] = useState(false);
  const [canvasHandle, setCanvasHandle] = useState<CanvasHandle | null>(null);
  const { ready } = preparation;
  const onCanvasReady = useCallback(
    (handle: CanvasHandle | null) => {
      setCanvasHandle(handle);
      if (handle) onDrawn(graph);
    },
    [graph, onDrawn],
  );
  // Until questions are prepared, a question waits (and says how far preparing has got); one that
  // names something no node fits waits for the nearest names to it, from the search's finder.
  const [nearKnown, setNearKnown] = useState(0);
  const asked = useMemo(
    () => (view.query && ready ? answerOf(graph, view.query, view.lang) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked again once nearer names are known
    [graph, view.query, view.lang, ready, nearKnown],
  );
  const answer = asked?.answer ?? null;
  const near = asked?.near.join("\u0000") ?? "";
  const { finder, failed: searchFailed } = finding;
  useEffect(() => {
    if (!near || (!finder && !searchFailed)) return;
    const asking = new AbortController();
    askNearest(graph, finder, near.split("\u0000"), asking.signal, () => setNearKnown((n) => n + 1));
    return () => asking.abort();
  }, [graph, finder, searchFailed, near]);
  const waiting = !!view.query && !answer;
  const story = useMemo(
    () => (view.story ? storyOf(graph, view.story, answer, view.lang) : null),
    [graph, view.story, answer, view.lang],
  );
  const playing = !!story && view.step !== null && story.steps.length > 0;
  const stepN = playing ? Math.min(view.step!, story.steps.length) : 0;
  const answerHighlight = useMemo(() => highlightOf(graph, answer), [graph, answer]);
  const storyHighlight = useMemo(
    () => (playing ? stepHighlight(story, stepN) : null),
    [playing, story, stepN],
  );
  const highlight = storyHighlight ?? answerHighlight;
  const onStep = useCallback((n: number) => update({ step: n }, { replace: true }), [update]);
  const [presenting, setPresenting] = useState(false);
  const onLeave = useCallback(() => {
    setPresenting(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    update({ step: null });
  }, [update]);
  const onAsOf = useCallback((asOf: number | null) => update({ asOf }, { replace: true }), [update]);
  useStoryKeys(playing, stepN, story?.steps.length ?? 0, onStep, onLeave);
  // In a story, a click on one of its steps goes to that step; any other node is selected.
  const onSelect = useCallback(
    (id: string | null) => {
      const n = playing && id ? story.steps.find((s) => s.id === id)?.n : undefined;
      if (n) onStep(n);
      else onSelectNode(id);
    },
    [playing, story, onStep, onSelectNode],
  );
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  // Presenting is full screen when the browser allows it, and large captions either way.
  const onPresent = useCallback(() => {
    if (presenting) {
      setPresenting(false);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    } else {
      setPresenting(true);
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    }
  }, [presenting]);
  useEffect(() => {
    document.documentElement.classList.toggle("presenting", presenting && playing);
  }, [presenting, playing]);
  const [storyStatus, setStoryStatus] = useState<string | null>(null);
  const { t: ts } = useTranslation("story");
  const exportFrames = async () => {
    if (!canvasHandle || !story) return;
    const { storyFrames } = await import("./export/storyFrames");
    try {
      const zip = await storyFrames(
        canvasHandle,
        story,
        (n) => stepHighlight(story, n),
        {
          background: true,
          scale: 1,
          timeline: canvasHandle.timeline(),
          kindName: (k) => t(`kind_${k}`),
          relationName: (r) => t(`relation_${r}`),
          answerName: ts("legend_links"),
          palette: canvasHandle.palette(),
        },
        (n) => setStoryStatus(ts("making_frames", { n, count: story.steps.length })),
      );
      download("story-frames.zip", zip);
      setStoryStatus(null);
    } catch (err) {
      setStoryStatus(ts("frames_failed", { reason: (err as Error).message }));
    }
  };
  const storyIds = useMemo(() => (answer?.status === "ok" ? answerStoryIds(answer) : []), [answer]);
  const startStory = () => update({ story: answerStory(graph, answer!, view.lang), step: 1, selected: null });
  // Picking a text while a story plays keeps it playing, at the same step in the new order.
  const toggleInStory = (id: string) => {
    const ids = view.story ?? [];
    const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(0, MAX_STORY_STEPS);
    const shown = playing ? story.steps[stepN - 1]?.id : undefined;
    const at = shown
      ? storyOrder(
          graph,
          next.filter((x) => graph.hasNode(x)),
        ).indexOf(shown) + 1
      : 0;
    update({ story: next.length ? next : null, step: at > 0 ? at : null });
  };
  // "As of" never hides the step being told: it moves on with the story.
  const stepYear = playing ? yearOf(story.steps[stepN - 1]?.date ?? undefined) : null;
  useEffect(() => {
    if (view.asOf !== null && stepYear !== null && stepYear > view.asOf)
      update({ asOf: stepYear }, { replace: true });
  }, [view.asOf, stepYear, update]);
  // Drawn from the graph only when an answer shows them: at 100,000 nodes they take seconds.
  const examples = useCallback(() => exampleQueries(graph, view.lang), [graph, view.lang]);
  // A question about one node ("Décision 598") selects it: its details are the answer. One asked
  // while questions are being prepared selects it once it is answered.
  const askedEarly = useRef<string | null>(null);
  const onAsk = useCallback(
    (query: string | null) => {
      if (!ready) {
        askedEarly.current = query;
        update({ query });
        return;
      }
      const a = query ? answerOf(graph, query, view.lang).answer : null;
      update(a?.kind === "node" && a.status === "ok" ? { query, selected: a.focus! } : { query });
    },
    [graph, update, view.lang, ready],
  );
  useEffect(() => {
    if (askedEarly.current === null) return;
    // Another question since (or back and forward): the early one is no longer waited for.
    if (askedEarly.current !== view.query) askedEarly.current = null;
    if (!answer || askedEarly.current === null) return;
    askedEarly.current = null;
    if (answer.kind === "node" && answer.status === "ok")
      update({ selected: answer.focus! }, { replace: true });
  }, [answer, view.query, update]);
  return (
    <main className="app-main">
      <div className="workspace">
        <div className="toolbar">
          <ErrorBoundary>
            <QueryBar query={view.query} onAsk={onAsk} />
          </ErrorBoundary>
          <ErrorBoundary>
            <ExportMenu
              graph={graph}
              visible={visible}
              selected={selected}
              answer={answer}
              canvas={canvasHandle}
            />
          </ErrorBoundary>
        </div>
        <div
          className={["stage", selected ? "with-details" : "", playing ? "with-story" : ""].join(" ").trim()}
        >
          <button
            type="button"
            className="list-toggle"
            aria-pressed={asList}
            onClick={() => setAsList((v) => !v)}
          >
            {t("list_view")}
          </button>
          {asList && (
            <ErrorBoundary>
              <NodeList graph={graph} visible={visible} selected={selected} onSelect={onSelect} />
            </ErrorBoundary>
          )}
          {playing && (
            <ErrorBoundary>
              <StoryPanel
                story={story}
                step={stepN}
                onStep={onStep}
                onLeave={onLeave}
                presenting={presenting}
                onPresent={onPresent}
                theme={view.theme}
                onTheme={(theme: Theme) => update({ theme }, { replace: true })}
                onBrief={() =>
                  download("story.md", new Blob([storyBrief(story)], { type: "text/markdown;charset=utf-8" }))
                }
                onFrames={() => void exportFrames()}
                status={storyStatus}
                onOpenSource={(file, start, end) => setSource({ file, start, end })}
              />
            </ErrorBoundary>
          )}
          {!playing && view.story && (
            <StoryTray
              count={story?.steps.length ?? 0}
              left={story?.left ?? []}
              onPlay={() => update({ step: 1, selected: null })}
              onClear={() => update({ story: null, step: null })}
            />
          )}
          {waiting && !playing && (
            <section className="results-panel" aria-label={t("results", { ns: "query" })}>
              {!ready ? (
                <PreparingNote progress={preparation.progress} />
              ) : finding.progress ? (
                <SearchIndexNote {...finding.progress} />
              ) : (
                <NearestNote />
              )}
            </section>
          )}
          {answer && !playing && (
            <ErrorBoundary>
              <ResultsPanel
                key={`${view.lang}\u0000${view.query}`}
                graph={graph}
                answer={answer}
                visible={visible}
                selected={selected}
                examples={examples}
                onSelect={onSelect}
                onAsk={onAsk}
                onClose={() => onAsk(null)}
                onStory={storyIds.length ? startStory : undefined}
                storyLimit={storyIds.length > MAX_STORY_STEPS ? storyIds.length : 0}
                onShowAll={() => update({ kinds: null, relations: null, orgs: null, years: null })}
              />
            </ErrorBoundary>
          )}
          <ErrorBoundary>
            <GraphCanvas
              graph={graph}
              visible={visible}
              selected={selected}
              camera={view.camera}
              layout={view.layout}
              theme={view.theme}
              answer={highlight}
              onReady={onCanvasReady}
              onLayoutFailed={onLayoutFailed}
              onSelect={onSelect}
              onCamera={onCamera}
            />
          </ErrorBoundary>
          {selected && (
            <ErrorBoundary>
              <DetailsPanel
                graph={graph}
                nodeId={selected}
                inStory={view.story?.includes(selected) ?? false}
                onToggleStory={() => toggleInStory(selected)}
                onSelect={(id) => update({ selected: id })}
                onOpenSource={setSource}
                onClose={() => update({ selected: null })}
              />
            </ErrorBoundary>
          )}
        </div>
        <ErrorBoundary>
          <TimelineStrip
            graph={graph}
            visible={visible}
            asOf={view.asOf}
            onAsOf={onAsOf}
            story={playing ? story : null}
            step={stepN}
            onStep={onStep}
            theme={view.theme}
          />
        </ErrorBoundary>
      </div>
      <ErrorBoundary>
        <Legend graph={graph} view={view} visible={visible} update={update} />
      </ErrorBoundary>
      {source && (
        <SourceViewer
          key={`${source.file}:${source.start}`}
          file={source.file}
          start={source.start}
          end={source.end}
          onClose={() => setSource(null)}
        />
      )}
    </main>
  );
}
