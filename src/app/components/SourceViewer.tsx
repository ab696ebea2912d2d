// The source viewer: one data file of the corpus as plain text, the quoted passage marked and
// scrolled into view. Only a plain file name is accepted; the text is rendered by React (escaped).
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import "../details/details.css";

export interface SourceViewerProps {
  file: string;
  /** UTF-16 offsets of the passage in the file's text, end exclusive. */
  start: number;
  end: number;
  onClose(): void;
}

/** A file name of the corpus: no directory, no parent, nothing a URL or a path could reinterpret. */
export function isPlainFileName(file: string): boolean {
  // eslint-disable-next-line no-control-regex
  return file.length > 0 && !/[/\\\u0000-\u001f]/.test(file) && !file.includes("..");
}

export const sourceUrl = (file: string) => `./sources/${encodeURIComponent(file)}`;

type Loaded = { file: string; text: string } | { file: string; status?: string; message?: string };

async function fetchSource(file: string, signal: AbortSignal): Promise<Loaded> {
  try {
    const response = await fetch(sourceUrl(file), { signal, headers: { Accept: "text/plain" } });
    // A dev server answers an unknown path with the page itself: that is not the source either.
    const isPage = (response.headers.get("content-type") ?? "").startsWith("text/html");
    if (!response.ok || isPage) {
      const status = isPage ? "404" : `${response.status} ${response.statusText}`.trim();
      return { file, status };
    }
    return { file, text: await response.text() };
  } catch (err) {
    return { file, message: (err as Error).message };
  }
}

/** The file's text once fetched (or why it could not be); undefined while loading. */
function useSourceText(file: string | null): Loaded | undefined {
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    if (file === null) return;
    const controller = new AbortController();
    void fetchSource(file, controller.signal).then((result) => {
      if (!controller.signal.aborted) setLoaded(result);
    });
    return () => controller.abort();
  }, [file]);
  return loaded?.file === file ? loaded : undefined;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(Math.trunc(n) || 0, lo), hi);

function Passage({ text, start, end }: { text: string; start: number; end: number }) {
  const { t } = useTranslation("details");
  const mark = useRef<HTMLElement>(null);
  const from = clamp(start, 0, text.length);
  const to = clamp(end, from, text.length);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: "center" });
  }, [text, from, to]);
  return (
    <pre className="source-text">
      {text.slice(0, from)}
      <mark ref={mark} className="source-passage" title={t("source.passage")}>
        {text.slice(from, to)}
      </mark>
      {text.slice(to)}
    </pre>
  );
}

export function SourceViewer({ file, start, end, onClose }: SourceViewerProps) {
  const { t } = useTranslation("details");
  const panel = useRef<HTMLElement>(null);
  const allowed = isPlainFileName(file);
  const loaded = useSourceText(allowed ? file : null);

  // Opening the viewer takes the keyboard focus, so Escape closes it at once.
  useEffect(() => panel.current?.focus({ preventScroll: true }), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.stopPropagation();
    onClose();
  };

  let body;
  if (!allowed) {
    body = (
      <p className="message error" role="alert">
        {t("source.refused", { file })}
      </p>
    );
  } else if (!loaded) {
    body = (
      <p className="source-status" role="status">
        {t("source.loading", { file })}
      </p>
    );
  } else if ("text" in loaded) {
    body = <Passage text={loaded.text} start={start} end={end} />;
  } else {
    const reason = loaded.status ? t("source.status", { status: loaded.status }) : (loaded.message ?? "");
    body = (
      <p className="message error" role="alert">
        {t("source.failed", { file, reason })}
      </p>
    );
  }

  return (
    <section
      role="region"
      aria-label="Source"
      className="source-viewer"
      ref={panel}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header className="source-header">
        <h2>
          <span className="source-kicker">{t("source.heading")}</span> <code>{file}</code>
        </h2>
        <button type="button" className="details-close" aria-label={t("close")} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {body}
    </section>
  );
}
