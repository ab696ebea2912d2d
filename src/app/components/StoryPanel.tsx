// Story mode's caption: the step on screen (date, title, how it relates to the earlier steps, the
// quoted clause), the progress through the story, and the ways on — buttons, the arrow keys (and a
// presenter's remote, which sends Page Up / Page Down), Escape to leave. Also the exports of the
// story (Markdown handout, numbered PNG frames) and presenting: full screen and the theme.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Story } from "../../query/story";
import type { Theme } from "../state/viewState";

export interface StoryPanelProps {
  story: Story;
  /** 1-based. */
  step: number;
  onStep(n: number): void;
  onLeave(): void;
  presenting: boolean;
  onPresent(): void;
  theme: Theme;
  onTheme(theme: Theme): void;
  onBrief(): void;
  onFrames(): void;
  /** While frames are drawn: "Drawing frame 3 of 7…"; or why they failed. */
  status: string | null;
  onOpenSource?(file: string, start: number, end: number): void;
}

/** Panels that scroll, whose scrolling keys are theirs. */
const SCROLLING_PANELS = ".details-panel, .results-panel, .node-list, .legend";

/** Elements whose own keys an arrow press belongs to: typing, a slider, a list box. */
function ownsArrows(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return ["slider", "listbox", "option", "combobox", "menu", "menuitem"].includes(
    target.getAttribute("role") ?? "",
  );
}

/**
 * Keys that step through a story, listened to on the window (in the capture phase, before the
 * page's own Escape clears the selection), unless the focus is where those keys type or slide.
 */
export function useStoryKeys(
  active: boolean,
  step: number,
  count: number,
  onStep: (n: number) => void,
  onLeave: () => void,
) {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // A menu or a source text open over the story has the keys.
      if (document.querySelector(".export-panel, .source-viewer")) return;
      const inPanel = e.target instanceof Element && !!e.target.closest(SCROLLING_PANELS);
      if (e.key === "Escape") {
        // The details of a node close first (the page's own Escape), then the story is left.
        if (document.querySelector(".details-panel") || inPanel) return;
        if (e.target instanceof Element && e.target.closest(".query-bar, .search")) return;
        e.preventDefault();
        onLeave();
        return;
      }
      if (ownsArrows(e.target)) return;
      // In a panel that scrolls, the scrolling keys scroll it.
      if (inPanel && [" ", "PageUp", "PageDown", "Home", "End"].includes(e.key)) return;
      const to =
        e.key === "ArrowRight" ||
        e.key === "PageDown" ||
        (e.key === " " && !(e.target instanceof HTMLButtonElement))
          ? step + 1
          : e.key === "ArrowLeft" || e.key === "PageUp"
            ? step - 1
            : e.key === "Home"
              ? 1
              : e.key === "End"
                ? count
                : null;
      if (to === null) return;
      e.preventDefault();
      if (to >= 1 && to <= count && to !== step) onStep(to);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [active, step, count, onStep, onLeave]);
}

export function StoryPanel(props: StoryPanelProps) {
  const { story, step, onStep, onLeave, presenting, onPresent, theme, onTheme, status } = props;
  const { t } = useTranslation("story");
  const { t: tc } = useTranslation();
  const count = story.steps.length;
  const current = story.steps[step - 1];
  if (!current) return null;
  const quote = current.quote;
  return (
    <section className="story-panel" role="region" aria-label="Story">
      <div className="story-top">
        <p className="story-progress">
          <span>{t("progress", { n: step, count })}</span>
          <progress max={count} value={step} aria-label={t("progress_bar")} />
        </p>
        <ol className="story-dots" aria-label={t("steps")}>
          {story.steps.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={s.n === step ? "step" : undefined}
                aria-label={t("go_step", { n: s.n, label: s.label })}
                title={`${s.n}. ${s.when} · ${s.label}`}
                onClick={() => onStep(s.n)}
              />
            </li>
          ))}
        </ol>
        <div className="story-tools">
          <button type="button" onClick={props.onBrief}>
            {t("brief")}
          </button>
          <button type="button" onClick={props.onFrames} disabled={!!status && status.endsWith("…")}>
            {t("frames")}
          </button>
          <button
            type="button"
            aria-pressed={theme === "dark"}
            onClick={() => onTheme(theme === "dark" ? "light" : "dark")}
          >
            {t("theme_value", { name: t(theme === "dark" ? "theme_dark" : "theme_light") })}
          </button>
          <button type="button" title={t("present_title")} aria-pressed={presenting} onClick={onPresent}>
            {presenting ? t("leave_present") : t("present")}
          </button>
        </div>
      </div>
      {/* Each new step is read out, as it is shown. */}
      <div className="story-caption" aria-live="polite">
        <p className="story-when">
          <span className="story-n">{step}.</span> {current.when} ·{" "}
          {tc(`kind_${current.kind}`, { defaultValue: current.kind })}
        </p>
        <h2 className="story-title">
          {current.label}
          {current.title !== current.label && <span className="story-subtitle">{current.title}</span>}
        </h2>
        <p className="story-relation">{current.relation}</p>
        {quote?.quote && (
          <blockquote className="story-quote">
            <p>“{quote.quote}”</p>
            {quote.file && (
              <footer>
                {props.onOpenSource && quote.start !== null && quote.end !== null ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onOpenSource!(quote.file!, quote.start!, quote.end!)}
                  >
                    {quote.file}
                  </button>
                ) : (
                  quote.file
                )}
              </footer>
            )}
          </blockquote>
        )}
      </div>
      {story.left.length > 0 && (
        <p className="story-status">
          {t("left")} {story.left.join(" ")}
        </p>
      )}
      {status && (
        <p className="story-status" role="status">
          {status}
        </p>
      )}
      <nav className="story-nav" aria-label={t("region")}>
        <button type="button" onClick={() => onStep(step - 1)} disabled={step <= 1}>
          ← {t("previous")}
        </button>
        <button
          type="button"
          className="story-next"
          onClick={() => onStep(step + 1)}
          disabled={step >= count}
        >
          {t("next")} →
        </button>
        <span className="story-keys">{t("keys")}</span>
        <button type="button" onClick={onLeave}>
          {t("leave")}
        </button>
      </nav>
    </section>
  );
}

/** The story picked by hand, before it is played: how many steps, play, clear. */
export function StoryTray(props: { count: number; left: string[]; onPlay(): void; onClear(): void }) {
  const { count, left, onPlay, onClear } = props;
  const { t } = useTranslation("story");
  return (
    <div className="story-tray" role="group" aria-label={t("region")}>
      <span>{t("tray", { count })}</span>
      {left.length > 0 && (
        <span className="story-left">
          {t("left")} {left.join(" ")}
        </span>
      )}
      <button type="button" onClick={onPlay} disabled={count === 0}>
        ▶ {t("play")}
      </button>
      <button type="button" onClick={onClear}>
        {t("clear")}
      </button>
    </div>
  );
}
