// The query bar above the canvas: a question in English or French ("what led to the 2018
// signature", "qui cite la Décision 598"). Enter asks it; the question goes into the URL and the
// answer, derived from it, is listed beside the canvas and lit on it. The text is only ever parsed
// by src/query — never evaluated, never injected as HTML.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_QUERY } from "../state/viewState";

interface QueryBarProps {
  /** The question in the URL (the one answered). */
  query: string | null;
  onAsk(query: string | null): void;
}

export function QueryBar({ query, onAsk }: QueryBarProps) {
  const { t } = useTranslation("query");
  const [text, setText] = useState(query ?? "");
  // Back, forward and a picked candidate change the question under the bar: show it (adjusting
  // state while rendering, as React advises for a prop change, keeps the focus in the bar).
  const [shown, setShown] = useState(query);
  if (query !== shown) {
    setShown(query);
    setText(query ?? "");
  }

  return (
    <form
      className="query-bar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onAsk(text.trim() || null);
      }}
    >
      <label className="query-label" htmlFor="query-input">
        {t("label")}
      </label>
      <input
        id="query-input"
        type="text"
        aria-label="Query"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY}
        placeholder={t("placeholder")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Escape empties the bar first, then (pressed again) lets the page clear the selection.
          if (e.key === "Escape" && text) {
            e.preventDefault();
            setText("");
          }
        }}
      />
      <button type="submit">{t("ask")}</button>
      {query && (
        <button type="button" className="query-clear" aria-label={t("clear")} onClick={() => onAsk(null)}>
          ×
        </button>
      )}
    </form>
  );
}
