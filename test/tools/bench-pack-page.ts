/**
 * The page test/tools/bench-pack.ts bundles with Vite and opens in Chromium: it fetches the
 * reference application and its evidence (as Blobs, as IndexedDB gives them back), loads the PDF
 * code and fonts as the review page does when it opens (timed apart, as `codeMs`), then times the
 * call the export button makes, `exportPack` (read the evidence, build the pack model, lay out,
 * render, append the evidence), and watches for long tasks.
 */
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import { loadChecklistOrThrow } from '@/domain/definition/load-checklist';
import { exportPack, preparePackCode } from '@/pdf/export-pack';
import checklistJson from '../../schemas/checklists/aqp-2012.json';

export interface BenchInput {
  readonly application: Application;
  readonly profile: OrganisationProfile;
  readonly evidence: EvidenceMeta[];
  readonly now: string;
}

export interface BenchRun {
  /** Model, render and appended evidence: the whole export. */
  readonly ms: number;
  /** Fetching and compiling the PDF code and fonts, which the review page does when it opens. */
  readonly codeMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly pages: number;
  readonly bytesBeforeAppendices: number;
  readonly bytesTotal: number;
  readonly missingGlyphs: readonly string[];
  /** Long tasks ("start+duration" ms from the start) and progress marks ("fraction@ms"). */
  readonly timeline: { readonly tasks: readonly string[]; readonly progress: readonly string[] };
}

declare global {
  interface Window {
    benchPack: () => Promise<BenchRun>;
  }
}

window.benchPack = async () => {
  const input = (await (await fetch('./input.json')).json()) as BenchInput;
  // As the export button passes them: Blobs, as IndexedDB gives them back.
  const files = new Map<string, Blob>();
  for (const e of input.evidence) files.set(e.id, await (await fetch(`./evidence/${e.id}`)).blob());
  const checklist = loadChecklistOrThrow(checklistJson);
  const codeStart = performance.now();
  await preparePackCode();
  const codeMs = performance.now() - codeStart;
  let start = Infinity;
  const tasks: number[] = [];
  const taskTimes: string[] = [];
  const marks: string[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => {
      if (e.startTime + e.duration < start) return;
      tasks.push(e.duration);
      taskTimes.push(`${Math.round(e.startTime - start)}+${Math.round(e.duration)}`);
    }),
  );
  observer.observe({ type: 'longtask' });

  await new Promise((resolve) => setTimeout(resolve, 100));
  start = performance.now();
  const result = await exportPack({
    checklist,
    ...input,
    evidenceFiles: files,
    onProgress: (f) => {
      marks.push(`${f.toFixed(2)}@${Math.round(performance.now() - start)}`);
    },
  });
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return {
    ms: Math.round(end - start),
    codeMs: Math.round(codeMs),
    longestTaskMs: Math.round(Math.max(0, ...tasks)),
    longTasks: tasks.length,
    pages: result.pages,
    bytesBeforeAppendices: result.bytesBeforeAppendices,
    bytesTotal: result.blob.size,
    missingGlyphs: result.missingGlyphs,
    timeline: {
      tasks: taskTimes,
      progress: marks.filter((_, i) => i % 5 === 0 || i > marks.length - 4),
    },
  };
};
