/**
 * When a part of the app fails to load (a lazily loaded chunk: a page, the checklist, the PDF
 * maker), reload the page once, so a moment's bad connection or a new version published
 * mid-visit does not leave the user on an error page. At most once a minute (remembered in
 * sessionStorage), so a chunk that really is missing shows its error instead of reloading for
 * ever. Nothing typed is lost: every change is in the journal at once and the page saves on
 * pagehide.
 */
const key = 'aqp-reloaded-after-chunk-error';
const oncePer = 60_000;

export function reloadOnChunkError(win: Window = window): void {
  win.addEventListener('vite:preloadError', () => {
    try {
      const last = Number(win.sessionStorage.getItem(key) ?? 0);
      const now = Date.now();
      if (now - last < oncePer) return; // let the page show the error
      win.sessionStorage.setItem(key, String(now));
    } catch {
      return; // no sessionStorage (locked down): never risk a reload loop
    }
    win.location.reload();
  });
}
