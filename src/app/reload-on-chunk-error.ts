/**
 * When a part of the app fails to load (a lazily loaded chunk: a page, the checklist, the PDF
 * maker), reload the page once, so a moment's bad connection or a new version published
 * mid-visit does not leave the user on an error page. At most once a minute (remembered in
 * sessionStorage), so a chunk that really is missing shows its error instead of reloading for
 * ever. Nothing typed is lost: every change is in the journal at once and the page saves on
 * pagehide. The boot chunk itself, if it fails, is reloaded the same way or its failure is said.
 */
const key = 'aqp-reloaded-after-chunk-error';
const oncePer = 60_000;

/** Reloads the page unless it was reloaded for this within the last minute; says whether it did. */
function reloadOnce(win: Window): boolean {
  try {
    const last = Number(win.sessionStorage.getItem(key) ?? 0);
    const now = Date.now();
    if (now - last < oncePer) return false; // let the page show the error
    win.sessionStorage.setItem(key, String(now));
  } catch {
    return false; // no sessionStorage (locked down): never risk a reload loop
  }
  win.location.reload();
  return true;
}

export function reloadOnChunkError(win: Window = window): void {
  win.addEventListener('vite:preloadError', () => void reloadOnce(win));
}

export const bootFailedMessage =
  'This service could not finish loading. Check your connection, then reload the page. Your saved answers are safe on this computer.';

/**
 * The app's own start-up code (the boot chunk) failed to load, say on a bad connection before the
 * service worker has stored the app: reload once, as for any chunk, or else say so in the main
 * landmark of the pre-rendered frame instead of leaving the page without its content.
 */
export function bootFailed(root: HTMLElement, win: Window = window): void {
  if (reloadOnce(win)) return;
  const main = root.querySelector('main') ?? root;
  const message = win.document.createElement('p');
  message.className = 'nhsuk-body';
  message.setAttribute('role', 'alert');
  message.textContent = bootFailedMessage;
  main.replaceChildren(message);
}
