// The answer to the query bar's question, beside the canvas: how it was understood, then the nodes
// in date order (a path in its order), each with the edge and quoted clause that put it there.
// Clicking a node selects it; an ambiguous name lists its candidates, a click asks again with the
// one chosen; a question Recital does not know lists the forms it does, and examples to click.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CanonicalGraph } from "../data/loadGraph";
import {
  answerCount,
  answerIds,
  answerPage,
  askAbout,
  type Answer,
  type ResultEdge,
  type ResultItem,
} from "../../query/run";
import { MAX_STORY_STEPS } from "../../query/story";
import type { Visible } from "../state/filters";
import { NodeLine } from "./NodeLine";

interface ResultsPanelProps {
  graph: CanonicalGraph;
  answer: Answer;
  visible: Visible;
  selected: string | null;
  /** Example questions drawn from the graph: asked for only when an answer lists the forms. */
  examples(): string[];
  onSelect(id: string): void;
  onAsk(query: string): void;
  onClose(): void;
  onShowAll(): void;
  /** Tells the answer as a story; absent when there is nothing to tell. */
  onStory?(): void;
  /** When the answer is too long for a story: its size. */
  storyLimit?: number;
}

const QUOTE_MAX = 240;
/** How many items the list shows at first, and adds at each "show more": a long answer stays quick. */
const PAGE = 200;

export function ResultsPanel(props: ResultsPanelProps) {
  const { answer, graph, visible, examples, onAsk, onClose, onShowAll, onStory, storyLimit } = props;
  const { t } = useTranslation("query");
  const { t: ts } = useTranslation("story");
  // The page keys the panel by its question, so a new answer starts again at the first page.
  const [shown, setShown] = useState(PAGE);
  // A long answer's items are made a page at a time (answerPage): the count of those the filters
  // hide reads their ids only.
  const hidden = useMemo(() => {
    let count = 0;
    for (const id of answerIds(answer)) if (!visible.nodes.has(id)) count++;
    for (const { id } of answer.undated ?? []) if (!visible.nodes.has(id)) count++;
    return count;
  }, [answer, visible]);
  const count = answerCount(answer);
  const listed = useMemo(() => answerPage(answer, 0, shown), [answer, shown]);
  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const shownExamples = answer.forms ? examples() : [];
  return (
    <section className="results-panel" aria-label={t("results")}>
      <header className="results-header">
        {/* Announced when a new answer comes: what was understood, and how much was found. */}
        <p className="results-interpretation" data-status={answer.status} role="status" aria-live="polite">
          {answer.interpretation}
          {answer.notes[0] && <span className="visually-hidden"> {answer.notes[0]}</span>}
        </p>
        <button type="button" className="details-close" aria-label={t("close")} onClick={onClose}>
          ×
        </button>
      </header>
      {onStory && (
        <p className="results-story">
          <button
            type="button"
            onClick={onStory}
            title={
              storyLimit ? ts("start_many", { max: MAX_STORY_STEPS, count: storyLimit }) : ts("start_title")
            }
          >
            ▶ {ts("start")}
          </button>
        </p>
      )}
      {answer.notes.map((note) => (
        <p key={note} className="results-note">
          {note}
        </p>
      ))}
      {hidden > 0 && (
        <p className="results-note results-hidden">
          {t("hidden", { count: hidden })}{" "}
          <button type="button" className="link-button" onClick={onShowAll}>
            {t("show_all")}
          </button>
        </p>
      )}
      {answer.candidates && answer.candidates.length > 0 && (
        <ul className="results-candidates" aria-label={t("candidates")}>
          {answer.candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-label={t("pick", { name: c.label })}
                onClick={() => onAsk(askAbout(answer, c.id))}
              >
                <NodeLine node={c} prefix="results" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {answer.forms && (
        <>
          <p className="results-note">{t("forms")}</p>
          <ul className="results-forms">
            {answer.forms.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          {shownExamples.length > 0 && (
            <p className="results-examples">
              {t("examples")}{" "}
              {shownExamples.map((q) => (
                <button key={q} type="button" className="link-button" onClick={() => onAsk(q)}>
                  {q}
                </button>
              ))}
            </p>
          )}
        </>
      )}
      {count > 0 && (
        <ol className="results-list" role="list" aria-label="Results" data-kind={answer.kind}>
          {listed.map((item) => (
            <Item key={item.id} item={item} {...props} label={label} />
          ))}
        </ol>
      )}
      {count > shown && (
        <button
          type="button"
          className="link-button results-show-more"
          onClick={() => setShown((n) => n + PAGE)}
        >
          {t("show_more", { count: Math.min(PAGE, count - shown), total: count })}
        </button>
      )}
      {answer.paths && answer.paths.length > 1 && (
        <details className="results-more">
          <summary>{t("other_paths", { count: answer.paths.length - 1 })}</summary>
          <ol>
            {answer.paths.slice(1).map((p) => (
              <li key={p.join("|")}>{p.map(label).join(" → ")}</li>
            ))}
          </ol>
        </details>
      )}
      {answer.undated && answer.undated.length > 0 && (
        <details className="results-more">
          <summary>{t("undated", { count: answer.undated.length })}</summary>
          <ul className="results-list">
            {answer.undated.map((item) => (
              <Item key={item.id} item={item} {...props} label={label} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Item({
  item,
  selected,
  onSelect,
  label,
}: ResultsPanelProps & { item: ResultItem; label(id: string): string }) {
  return (
    <li className="results-item">
      <button
        type="button"
        className="results-node"
        aria-current={item.id === selected ? "true" : undefined}
        onClick={() => onSelect(item.id)}
      >
        <NodeLine node={item} prefix="results" />
      </button>
      {item.via && <Via edge={item.via} label={label} />}
    </li>
  );
}

function Via({ edge, label }: { edge: ResultEdge; label(id: string): string }) {
  // The verb as the details panel words it: "prend note de", "is based on".
  const { t: details } = useTranslation("details");
  const quote = edge.quote ? edge.quote.replace(/\s+/g, " ").trim() : "";
  return (
    <p className="results-via">
      <span className="results-edge">
        {label(edge.source)} <em>{details(`out.${edge.relation}`)}</em> {label(edge.target)}
      </span>
      {quote && (
        <q className="results-quote" title={quote.length > QUOTE_MAX ? quote : undefined}>
          {quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX - 1)}…` : quote}
        </q>
      )}
    </p>
  );
}
