// The details panel: the selected node's facts, then its edges grouped by relation, each with the
// sentence that makes the reference and a way to open it in its source. Text is rendered by React
// (escaped), never as HTML.
import { useEffect, useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CanonicalGraph } from "../data/loadGraph";
import { describeNode, groupEdges, type EdgeItem, type Group, type NodeFacts } from "../details/edges";
import { kindColor, relationColor } from "../theme";
import "../details/details.css";

export interface SourceRef {
  file: string;
  start: number;
  end: number;
}

export interface DetailsPanelProps {
  graph: CanonicalGraph;
  nodeId: string;
  onSelect(id: string): void;
  onOpenSource(ref: SourceRef): void;
  onClose(): void;
  /** Whether the node is in the story being picked, and how to add or remove it. */
  inStory?: boolean;
  onToggleStory?(): void;
}

/** The language of a data file, from its name ("….fr.txt"), for the lang attribute of its quotes. */
function languageOf(file: string): string | undefined {
  return /\.(fr|en)\.[^.]+$/.exec(file)?.[1];
}

function Swatch({ color, shape }: { color: string; shape: "dot" | "line" }) {
  return <span className={`swatch swatch-${shape}`} style={{ backgroundColor: color }} aria-hidden="true" />;
}

function Facts({
  facts,
  onSelect,
  onOpenSource,
}: {
  facts: NodeFacts;
  onSelect(id: string): void;
  onOpenSource(ref: SourceRef): void;
}) {
  const { t } = useTranslation("details");
  const { source, passage, issuer } = facts;
  return (
    <dl className="details-facts">
      <dt>{t("field.kind")}</dt>
      <dd>
        <Swatch color={kindColor(facts.kind)} shape="dot" />{" "}
        {t(`kind.${facts.kind}`, { defaultValue: facts.kind })}
      </dd>
      <dt>{t("field.id")}</dt>
      <dd>
        <code>{facts.id}</code>
      </dd>
      {facts.titles.fr && (
        <>
          <dt>{t("field.title_fr")}</dt>
          <dd lang="fr">{facts.titles.fr}</dd>
        </>
      )}
      {facts.titles.en && (
        <>
          <dt>{t("field.title_en")}</dt>
          <dd lang="en">{facts.titles.en}</dd>
        </>
      )}
      <dt>{t("field.date")}</dt>
      <dd>{facts.date ?? t("no_date")}</dd>
      {facts.place && (
        <>
          <dt>{t("field.place")}</dt>
          <dd>{facts.place}</dd>
        </>
      )}
      {issuer && (
        <>
          <dt>{t("field.issuer")}</dt>
          <dd>
            {issuer.label !== undefined ? (
              <button type="button" className="details-link" onClick={() => onSelect(issuer.id)}>
                {issuer.label}
              </button>
            ) : (
              <code>{issuer.id}</code>
            )}
          </dd>
        </>
      )}
      {facts.aliases.length > 0 && (
        <>
          <dt>{t("field.aliases")}</dt>
          <dd>
            <ul className="details-aliases">
              {facts.aliases.map((alias) => (
                <li key={alias}>{alias}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {source && (
        <>
          <dt>{t("field.source")}</dt>
          <dd>
            <code className="details-file">{source}</code>
            {passage && (
              <button
                type="button"
                className="details-open-source"
                onClick={() => onOpenSource({ file: source, ...passage })}
              >
                {t("open_source")}
              </button>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

function Item({
  item,
  onSelect,
  onOpenSource,
}: {
  item: EdgeItem;
  onSelect(id: string): void;
  onOpenSource(ref: SourceRef): void;
}) {
  const { t } = useTranslation("details");
  const { start, end } = item;
  const notes = [
    item.pinpoint && t("pinpoint", { pinpoint: item.pinpoint }),
    item.version && t("version", { version: item.version }),
    // An edge from another tool may say nothing of how it was found: then nothing is said.
    item.method &&
      item.method !== "extracted" &&
      t(`method.${item.method}`, { defaultValue: String(item.method) }),
  ].filter((note): note is string => Boolean(note));
  return (
    <li className="details-item">
      <button type="button" className="details-node" title={item.other} onClick={() => onSelect(item.other)}>
        <Swatch color={kindColor(item.otherKind)} shape="dot" />
        <span className="details-node-label">{item.otherLabel}</span>
        <span className="details-node-date">{item.otherDate ?? t("no_date")}</span>
      </button>
      {item.clause && <p className="details-clause">{item.clause}</p>}
      <blockquote className="details-quote" lang={languageOf(item.source)}>
        {item.quote}
      </blockquote>
      {notes.length > 0 && <p className="details-notes">{notes.join(" · ")}</p>}
      {start !== undefined && end !== undefined && (
        <button
          type="button"
          className="details-open-source"
          title={item.source}
          onClick={() => onOpenSource({ file: item.source, start, end })}
        >
          {t("open_source")}
        </button>
      )}
    </li>
  );
}

function Edges({
  heading,
  direction,
  groups,
  onSelect,
  onOpenSource,
}: {
  heading: string;
  direction: "out" | "in";
  groups: Group[];
  onSelect(id: string): void;
  onOpenSource(ref: SourceRef): void;
}) {
  const { t } = useTranslation("details");
  return (
    <div className="details-edges">
      <h3>{heading}</h3>
      {groups.length === 0 && <p className="details-none">{t("none")}</p>}
      {groups.map((group) => (
        <div className="details-group" key={group.relation}>
          <h4>
            <Swatch color={relationColor(group.relation)} shape="line" />
            {t(`${direction}.${group.relation}`, { defaultValue: group.relation.replace(/_/g, " ") })}
            <span className="details-count">{group.items.length}</span>
          </h4>
          <ul>
            {group.items.map((item) => (
              <Item key={item.edge} item={item} onSelect={onSelect} onOpenSource={onOpenSource} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function DetailsPanel(props: DetailsPanelProps) {
  const { graph, nodeId, onSelect, onOpenSource, onClose, inStory, onToggleStory } = props;
  const { t } = useTranslation("details");
  const { t: ts } = useTranslation("story");
  const panel = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const selectedHere = useRef(false);
  const facts = describeNode(graph, nodeId);
  const { outgoing, incoming } = groupEdges(graph, nodeId);

  // A new node starts at the top; when it was chosen from the panel, keyboard focus follows it.
  useEffect(() => {
    if (panel.current) panel.current.scrollTop = 0;
    if (selectedHere.current) title.current?.focus({ preventScroll: true });
    selectedHere.current = false;
  }, [nodeId]);

  const select = (id: string) => {
    selectedHere.current = true;
    onSelect(id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    onClose();
  };

  return (
    <section role="region" aria-label="Details" className="details-panel" ref={panel} onKeyDown={onKeyDown}>
      <header className="details-header">
        <h2>{t("heading")}</h2>
        <button type="button" className="details-close" aria-label={t("close")} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {facts ? (
        <>
          <h3 className="details-title" ref={title} tabIndex={-1}>
            {facts.label}
          </h3>
          {onToggleStory && (
            <button type="button" className="details-story" aria-pressed={!!inStory} onClick={onToggleStory}>
              {inStory ? ts("remove") : `+ ${ts("add")}`}
            </button>
          )}
          <Facts facts={facts} onSelect={select} onOpenSource={onOpenSource} />
          <Edges
            heading={t("outgoing")}
            direction="out"
            groups={outgoing}
            onSelect={select}
            onOpenSource={onOpenSource}
          />
          <Edges
            heading={t("incoming")}
            direction="in"
            groups={incoming}
            onSelect={select}
            onOpenSource={onOpenSource}
          />
        </>
      ) : (
        <p className="details-none">{t("unknown_node")}</p>
      )}
    </section>
  );
}
