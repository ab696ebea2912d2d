// Search with autocomplete over ids, aliases and titles (src/query/search.ts), answered apart from
// the typing (src/app/data/searchWorker.ts): the list shows the last hits until the new ones come.
// Arrow keys move through the suggestions, Enter takes the highlighted one (or the first; typed
// before the hits came, the first of them once they do), Escape closes the list.
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "../../query/search";
import { kindColor } from "../theme";

/** The best `limit` hits for a query; null when a later search replaced it. */
export type Find = (query: string, limit: number) => Promise<SearchHit[] | null>;

interface SearchBoxProps {
  /** Null until the search is ready; until then, the list shows `preparing` instead of hits. */
  find: Find | null;
  onChoose(id: string): void;
  preparing?: React.ReactNode;
  /** Called when something is typed: a search waits for the index. */
  onType?(): void;
  /** Where searches are answered ("worker" or "page"), as a data attribute for tests. */
  where?: string;
}

/** Hits listed at most. */
const LISTED = 8;

export function SearchBox({ find, onChoose, preparing, onType, where }: SearchBoxProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  // The hits of the last query answered, which may be behind the one typed.
  const [answered, setAnswered] = useState<{ find: Find | null; query: string; hits: SearchHit[] }>({
    find: null,
    query: "",
    hits: [],
  });
  // Enter pressed before the hits of what was typed came: the first is taken when they do.
  const enterFor = useRef<string | null>(null);
  const ready = !!find;
  const blank = !query.trim();
  const current = blank || (answered.find === find && answered.query === query);
  // Hits of another finder (the graph before) are never shown, nor taken.
  const hits = blank || answered.find !== find ? [] : answered.hits;

  const choose = (id: string) => {
    onChoose(id);
    setOpen(false);
  };

  // Answers come in the order asked; one that comes while more is typed is shown until the next.
  // A finder replaced or gone (another graph) drops an Enter that waited on the one before.
  const latest = useRef(find);
  useEffect(() => {
    if (latest.current && latest.current !== find) enterFor.current = null;
    latest.current = find;
  }, [find]);
  useEffect(() => {
    if (!find || !query.trim()) return;
    void find(query, LISTED).then((found) => {
      if (!found || latest.current !== find) return;
      setAnswered({ find, query, hits: found });
      setActive(0);
      if (enterFor.current === query) {
        enterFor.current = null;
        if (found[0]) choose(found[0].id);
      }
    });
    // `choose` is new at each render; the answer needs only the query and the finder.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [find, query]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.max(0, Math.min(a + 1, hits.length - 1)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      const hit = hits[active] ?? hits[0];
      if (!current) {
        e.preventDefault();
        enterFor.current = query;
      } else if (hit) {
        e.preventDefault();
        choose(hit.id);
      }
    } else if (e.key === "Escape" && open) {
      e.stopPropagation();
      enterFor.current = null;
      setOpen(false);
    }
  };

  const expanded = open && query.trim() !== "";
  return (
    <div className="search" data-search={where}>
      <input
        type="search"
        aria-label="Search"
        placeholder={t("search_placeholder")}
        role="searchbox"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={expanded}
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => {
          enterFor.current = null;
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          onType?.();
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          enterFor.current = null;
          setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("search")}
          aria-busy={ready && !current}
          className="search-results"
        >
          {!ready && <li className="search-none">{preparing}</li>}
          {ready && current && hits.length === 0 && <li className="search-none">{t("search_none")}</li>}
          {ready &&
            hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit.id);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="swatch" style={{ background: kindColor(hit.kind) }} aria-hidden="true" />
              <span className="search-label">{hit.label}</span>
              <span className="search-id">{hit.id}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
