// The view state of the explorer, kept in the URL: a change that makes a new view (selection,
// filters, layout, language) is a history entry, so back and forward walk through views; camera
// moves replace the current entry, so they survive a reload without flooding the history.
import { useCallback, useEffect, useState } from "react";
import { decodeView, encodeView, type ViewState } from "./viewState";

export type UpdateView = (change: Partial<ViewState>, options?: { replace?: boolean }) => void;

function urlOf(view: ViewState): string {
  const search = encodeView(view);
  return `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`;
}

export function useViewState(): { view: ViewState; update: UpdateView; problems: string[] } {
  const [state, setState] = useState(() => decodeView(window.location.search));

  useEffect(() => {
    const onPop = () => setState(decodeView(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const update = useCallback<UpdateView>((change, options) => {
    setState((prev) => {
      const view = { ...prev.view, ...change };
      const url = urlOf(view);
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
        if (options?.replace) window.history.replaceState(null, "", url);
        else window.history.pushState(null, "", url);
      }
      return { view, problems: prev.problems };
    });
  }, []);

  return { view: state.view, update, problems: state.problems };
}
