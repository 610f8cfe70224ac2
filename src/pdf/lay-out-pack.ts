/**
 * Lays the whole pack out, in order: cover, reserved contents pages, every part, each appendix's
 * divider and placeholder pages, then the contents (now that page numbers are known) and the
 * footers. Cut into slices: `pacing.breathe` lets the browser run between them, and
 * `pacing.progress` reports how far it has got. Returns the bookmarks and where appendix pages go.
 * Draws through the page writer only; nothing here imports jsPDF.
 */
import type { AppendixPlacement, AppendixSource } from './appendix-layout';
import { drawConflicts, drawSection, type Bookmark, type Pause } from './draw-answers';
import { decoratePages, drawContents, reserveContents, type ContentsEntry } from './draw-frame';
import { drawAppendix, drawCover, drawDeclaration, drawEvidence, drawReadiness } from './draw-summary';
import type { PageWriter } from './page-writer';
import type { PackModel, PackPart } from './pack-types';

/**
 * Gives the browser a turn: `scheduler.yield()` where there is one (it resumes at once, ahead of
 * other tasks), otherwise a zero-delay timeout (which browsers stretch to 4 ms when nested).
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

export interface Pacing {
  /** Yields when the current slice has run long enough. */
  readonly breathe: Pause;
  /** Work done, in the units of `workOf`. */
  readonly progress: (done: number) => void;
}

/** How much work a part is, for the progress bar. */
export const workOf = (part: PackPart) => 1 + ('blocks' in part ? part.blocks.length : 4);

const partTitle = (part: PackPart) => ('number' in part ? `${part.number}. ${part.title}` : part.title);

export async function layOutPack(
  w: PageWriter,
  model: PackModel,
  sources: ReadonlyMap<number, AppendixSource>,
  { breathe, progress }: Pacing,
): Promise<{ outline: Bookmark[]; placements: AppendixPlacement[] }> {
  drawCover(w, model.cover, model.draft);
  const outline: Bookmark[] = [{ title: 'Cover', page: 1, children: [] }];
  const contents: Pick<ContentsEntry, 'title' | 'level'>[] = [
    ...model.parts.map((p) => ({ title: partTitle(p), level: 0 as const })),
    ...(model.appendices.length ? [{ title: 'Appendices', level: 0 as const }] : []),
    ...model.appendices.map((a) => ({ title: `Appendix ${a.number}: ${a.name} (${a.ref})`, level: 1 as const })),
  ];
  const contentsPage = reserveContents(w, contents);
  outline.push({ title: 'Contents', page: contentsPage, children: [] });
  progress(2);

  const partMarks: Bookmark[] = [];
  for (const part of model.parts) {
    await breathe();
    if (part.kind === 'section') partMarks.push(await drawSection(w, part, breathe));
    else if (part.kind === 'conflicts') partMarks.push(await drawConflicts(w, part, breathe));
    else if (part.kind === 'evidence') partMarks.push(drawEvidence(w, part));
    else if (part.kind === 'readiness') partMarks.push(drawReadiness(w, part));
    else partMarks.push(await drawDeclaration(w, part, breathe));
    progress(workOf(part));
  }
  outline.push(...partMarks);

  const placements: AppendixPlacement[] = [];
  const appendixMarks: Bookmark[] = [];
  const entries = model.parts.flatMap((p) => (p.kind === 'evidence' ? p.entries : []));
  for (const appendix of model.appendices) {
    await breathe();
    const entry = entries.find((e) => e.ref === appendix.ref);
    const drawn = drawAppendix(w, appendix, entry, sources.get(appendix.number) ?? { status: 'missing' });
    appendixMarks.push(drawn.mark);
    placements.push(...drawn.placements);
    progress(2);
  }
  if (appendixMarks.length)
    outline.push({ title: 'Appendices', page: appendixMarks[0]?.page ?? 1, children: appendixMarks });

  await breathe();
  const pages = [
    ...partMarks.map((m) => m.page),
    ...(appendixMarks.length ? [appendixMarks[0]?.page ?? 1] : []),
    ...appendixMarks.map((m) => m.page),
  ];
  drawContents(
    w,
    contents.map((entry, i) => ({ ...entry, page: pages[i] ?? 1 })),
    contentsPage,
  );
  await breathe();
  decoratePages(w, model.reference, model.draft);
  return { outline, placements };
}
