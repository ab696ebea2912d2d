// How far loading and drawing a graph have got, with their counts: megabytes downloaded, nodes and
// edges read, edges prepared, then sigma's first drawing (which blocks the page while it lasts)
// or a drawing sigma takes in by parts;
// and how far the network layout has got.
import { useTranslation } from "react-i18next";
import type { Progress } from "../data/steps";
import type { LoadProgress } from "../data/loadGraph";
import type { SceneStage } from "../graph/scene";
import type { Preparing } from "../../query/prepare";
import type { NetworkProgress } from "../layout/networkWorker";

export type DrawStage = SceneStage | "draw";

const MB = 1024 * 1024;

export function ProgressNote({ progress }: { progress: LoadProgress | Progress<DrawStage> }) {
  const { t, i18n } = useTranslation();
  const { stage, done, total } = progress;
  const bytes = stage === "download" || stage === "read";
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: bytes ? 1 : 0 });
  const [shownDone, shownTotal] = bytes ? [done / MB, total / MB] : [done, total];
  // Sigma's drawing is counted once it is taken in by parts (the first drawing is one task).
  const drawn = stage === "draw" && done > 0;
  const counted = total > 0 && (stage !== "draw" || drawn) && stage !== "layout";
  const read = progress as LoadProgress;
  const text = t(`progress_${stage}${bytes && !total ? "_open" : ""}${drawn ? "_share" : ""}`, {
    done: number.format(shownDone),
    total: number.format(shownTotal),
    nodes: number.format(read.nodes ?? 0),
    edges: number.format(read.edges ?? 0),
    percent: new Intl.NumberFormat(i18n.language, { style: "percent" }).format(total ? done / total : 0),
  });
  return (
    <div className="load-progress" role="status" aria-live="polite" data-stage={stage}>
      <span>{text}</span>
      {counted ? <progress max={total} value={done} aria-label={text} /> : <progress aria-label={text} />}
    </div>
  );
}

/** How far preparing questions has got (src/app/state/usePreparation.ts). */
export function PreparingNote({ progress }: { progress: Preparing | null }) {
  const { t, i18n } = useTranslation();
  const share = progress ? (progress.done + progress.share) / progress.total : 0;
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent" }).format(share);
  const text = t("progress_questions", { percent });
  return (
    <div className="load-progress" role="status" aria-live="polite" data-stage="questions">
      <span>{text}</span>
      <progress max={1} value={share} aria-label={text} />
    </div>
  );
}

/** How far the search box's index has got (src/app/data/searchWorker.ts): nodes indexed of all. */
export function SearchIndexNote({ done, total }: { done: number; total: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const text = t("progress_search", { done: number.format(done), total: number.format(total) });
  return (
    <div className="load-progress" role="status" aria-live="polite" data-stage="search">
      <span>{text}</span>
      <progress max={total} value={done} aria-label={text} />
    </div>
  );
}

/**
 * A question that names something no node fits, waiting for the nearest names to it from the
 * search's worker: usually a few milliseconds, a few hundred for some phrases at 100,000 nodes.
 */
export function NearestNote() {
  const { t } = useTranslation();
  const text = t("progress_nearest");
  return (
    <div className="load-progress" role="status" aria-live="polite" data-stage="nearest">
      <span>{text}</span>
      <progress aria-label={text} />
    </div>
  );
}

/**
 * How far the network layout has got (src/app/layout/networkWorker.ts), over the top of the
 * canvas, which stays usable meanwhile: rounds of ForceAtlas2 done of its total, and a button that
 * stops it there, keeping the network as it is then.
 */
export function NetworkNote({ progress, onStop }: { progress: NetworkProgress; onStop: () => void }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const { done, total } = progress;
  const text = t(done ? "progress_network" : "progress_network_start", {
    done: number.format(done),
    total: number.format(total),
  });
  return (
    <div className="load-progress network-progress" role="status" aria-live="polite" data-stage="network">
      <span>{text}</span>
      <progress max={total} value={done} aria-label={text} />
      {/* Until a round is done there is no network to keep. */}
      <button type="button" onClick={onStop} disabled={!done}>
        {t("layout_stop")}
      </button>
    </div>
  );
}

/**
 * A network stopped before its last round (NetworkNote's Stop here), over the top of the canvas:
 * how far it got, and a button that goes on from there to the last round.
 */
export function StoppedNote({ progress, onGoOn }: { progress: NetworkProgress; onGoOn: () => void }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="load-progress network-progress" role="status" data-stage="network-stopped">
      <span>{t("network_stopped", { done: number.format(progress.done), total: number.format(progress.total) })}</span>
      <button type="button" onClick={onGoOn}>
        {t("layout_go_on")}
      </button>
    </div>
  );
}
