// A story as numbered PNG frames, for slides: each step drawn as the canvas shows it (the steps so
// far lit, the step framed) with its caption in a band underneath, zipped (fflate) into one
// download rather than a download per frame.
import { zipSync } from "fflate";
import type { Story } from "../../query/story";
import type { Highlight } from "../graph/lit";
import type { CanvasHandle } from "../components/GraphCanvas";
import { toPng, type PictureOptions } from "./picture";
import { frameName } from "../../export/storyBrief";

export async function storyFrames(
  canvas: CanvasHandle,
  story: Story,
  highlightOf: (n: number) => Highlight | null,
  options: Omit<PictureOptions, "caption">,
  onProgress: (n: number) => void,
): Promise<Blob> {
  const files: Record<string, Uint8Array> = {};
  // The view each frame shows replaces the last one's; what was on screen comes back once, at the end.
  let restore: (() => void) | null = null;
  try {
    for (const step of story.steps) {
      onProgress(step.n);
      const highlight = highlightOf(step.n);
      if (highlight) {
        const back = canvas.showFrame(highlight);
        restore ??= back;
      }
      const caption = [
        `${step.n}/${story.steps.length} · ${step.when} · ${step.label}${step.title !== step.label ? ` — ${step.title}` : ""}`,
        step.relation,
        ...(step.quote?.quote
          ? [`“${step.quote.quote}”${step.quote.file ? ` (${step.quote.file})` : ""}`]
          : []),
      ];
      const png = await toPng(canvas.view(), { ...options, caption });
      files[frameName(step.n, story.steps.length, step.label)] = new Uint8Array(await png.arrayBuffer());
    }
  } finally {
    restore?.();
  }
  return new Blob([zipSync(files, { level: 0 })], { type: "application/zip" });
}
