// The legend, which is also the filter of kinds and relations: each entry shows its colour and how
// many of its nodes or edges are visible, and toggles them. Below it, organisations and years.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { NODE_KINDS, RELATION_NAMES, type NodeKind, type Relation } from "../../model/vocabulary";
import type { CanonicalGraph } from "../data/loadGraph";
import { countVisible, organisationChoices, showsAll, toggled, type Visible } from "../state/filters";
import { summaryOf, type Summary } from "../state/summary";
import type { UpdateView } from "../state/useViewState";
import type { ViewState } from "../state/viewState";
import { kindColor, kindShape, relationColor, type NodeShape } from "../theme";

interface LegendProps {
  graph: CanonicalGraph;
  view: ViewState;
  visible: Visible;
  update: UpdateView;
}

export function Legend({ graph, view, visible, update }: LegendProps) {
  const { t } = useTranslation();
  // Totals depend on the graph alone (summed up before it is shown); only what is shown changes
  // with the view.
  const summary = useMemo(() => summaryOf(graph), [graph]);
  const total = summary.counts;
  const shown = useMemo(
    () => (showsAll(graph, visible) ? total : countVisible(graph, visible)),
    [graph, visible, total],
  );
  const kinds = NODE_KINDS.filter((k) => total.kinds[k]);
  const relations = RELATION_NAMES.filter((r) => total.relations[r]);
  return (
    <aside className="legend" aria-label={t("legend")}>
      <h2>{t("nodes")}</h2>
      <ul className="legend-list" aria-label={t("node_kinds")}>
        {kinds.map((k) => (
          <Entry
            key={k}
            name={t(`kind_${k}`)}
            color={kindColor(k)}
            swatch={kindShape(k)}
            on={!view.kinds || view.kinds.includes(k)}
            shown={shown.kinds[k] ?? 0}
            total={total.kinds[k] ?? 0}
            onToggle={() => update({ kinds: toggled<NodeKind>(view.kinds, k, kinds) })}
          />
        ))}
      </ul>
      <h2>{t("relations")}</h2>
      <ul className="legend-list" aria-label={t("relations")}>
        {relations.map((r) => (
          <Entry
            key={r}
            name={t(`relation_${r}`)}
            title={t(`meaning_${r}`)}
            color={relationColor(r)}
            swatch="line"
            on={!view.relations || view.relations.includes(r)}
            shown={shown.relations[r] ?? 0}
            total={total.relations[r] ?? 0}
            onToggle={() => update({ relations: toggled<Relation>(view.relations, r, relations) })}
          />
        ))}
      </ul>
      <Filters graph={graph} summary={summary} view={view} visible={visible} update={update} />
      <p className="legend-note">{t("legend_note")}</p>
    </aside>
  );
}

interface EntryProps {
  name: string;
  title?: string;
  color: string;
  swatch: NodeShape | "line";
  on: boolean;
  shown: number;
  total: number;
  onToggle(): void;
}

function Entry({ name, title, color, swatch, on, shown, total, onToggle }: EntryProps) {
  const { t } = useTranslation();
  return (
    <li title={title}>
      <button
        type="button"
        className={`legend-entry${on ? "" : " off"}`}
        aria-pressed={on}
        aria-label={t(on ? "hide" : "show", { name })}
        onClick={onToggle}
      >
        <span
          className={`swatch swatch-${swatch === "line" ? "line" : "dot"} swatch-${swatch}`}
          style={
            swatch === "line" || swatch === "circle"
              ? { backgroundColor: color }
              : { borderColor: color, color }
          }
          aria-hidden="true"
        />
        <span className="legend-name">{name}</span>
        <span className="legend-count">{shown === total ? total : t("shown_of", { shown, total })}</span>
      </button>
    </li>
  );
}

function Filters({ graph, summary, view, visible, update }: LegendProps & { summary: Summary }) {
  const { t } = useTranslation();
  const all = summary.organisations;
  const shown = useMemo(
    () =>
      new Map(
        (showsAll(graph, visible) ? all : organisationChoices(graph, visible.nodes)).map((o) => [
          o.id,
          o.count,
        ]),
      ),
    [graph, visible, all],
  );
  const orgs = useMemo(
    () => all.filter((o) => graph.hasNode(o.id) && graph.getNodeAttribute(o.id, "kind") === "organisation"),
    [graph, all],
  );
  const allOrgs = orgs.map((o) => o.id);
  const span = summary.years;
  const [from, to] = view.years ?? span ?? [0, 0];
  const filtered = view.kinds || view.relations || view.orgs || view.years;
  return (
    <section className="filters" aria-label={t("filters")}>
      <h2>{t("filters")}</h2>
      <fieldset>
        <legend>{t("organisations")}</legend>
        {orgs.map((o) => (
          <label key={o.id} className="filter-check">
            <input
              type="checkbox"
              checked={!view.orgs || view.orgs.includes(o.id)}
              onChange={() => update({ orgs: toggled(view.orgs, o.id, allOrgs) })}
            />
            {o.label}{" "}
            <span className="legend-count">
              {(shown.get(o.id) ?? 0) === o.count
                ? o.count
                : t("shown_of", { shown: shown.get(o.id) ?? 0, total: o.count })}
            </span>
          </label>
        ))}
      </fieldset>
      {span && (
        <fieldset className="years">
          <legend>
            {t("years")}: {from}–{to}
          </legend>
          <YearSlider
            label={t("year_from")}
            span={span}
            value={from}
            onChange={(y) => update({ years: [Math.min(y, to), to] }, { replace: true })}
          />
          <YearSlider
            label={t("year_to")}
            span={span}
            value={to}
            onChange={(y) => update({ years: [from, Math.max(y, from)] }, { replace: true })}
          />
        </fieldset>
      )}
      <button
        type="button"
        className="reset"
        disabled={!filtered}
        onClick={() => update({ kinds: null, relations: null, orgs: null, years: null })}
      >
        {t("reset")}
      </button>
    </section>
  );
}

interface YearSliderProps {
  label: string;
  span: [number, number];
  value: number;
  onChange(year: number): void;
}

function YearSlider({ label, span, value, onChange }: YearSliderProps) {
  return (
    <label>
      {label}
      <input
        type="range"
        aria-label={label}
        min={span[0]}
        max={span[1]}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}
