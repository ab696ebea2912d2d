// Search with autocomplete over ids, aliases and titles (src/query/search.ts). Arrow keys move
// through the suggestions, Enter takes the highlighted one (or the first), Escape closes the list.
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NodeSearch } from "../../query/search";
import { kindColor } from "../theme";

interface SearchBoxProps {
  search: () => NodeSearch;
  onChoose(id: string): void;
  /** Whether the search index is built; until it is, the list shows `preparing` instead of hits. */
  ready?: boolean;
  preparing?: React.ReactNode;
  /** Called when something is typed: a search waits for the index. */
  onType?(): void;
}

export function SearchBox({ search, onChoose, ready = true, preparing, onType }: SearchBoxProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(
    () => (ready && query.trim() ? search().search(query, 8) : []),
    [search, query, ready],
  );

  const choose = (id: string) => {
    onChoose(id);
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === "Enter") {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        e.preventDefault();
        choose(hit.id);
      }
    } else if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };

  const expanded = open && query.trim() !== "";
  return (
    <div className="search">
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
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          onType?.();
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
        <ul id={listId} role="listbox" aria-label={t("search")} className="search-results">
          {!ready && <li className="search-none">{preparing}</li>}
          {ready && hits.length === 0 && <li className="search-none">{t("search_none")}</li>}
          {hits.map((hit, i) => (
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
