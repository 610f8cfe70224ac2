// The first paint (issue 13): what index.html shows before any script is the app's own frame and
// the start page's own heading, so React's first render replaces it with the same markup; the
// script that decides whether the start page may show (public/first-paint.js) agrees with the
// app on its key and classes, and shows it only for a first visit to the home page; the app
// notes saved work where that script looks. The browser test (test/e2e/first-paint.test.ts)
// checks that nothing moves on screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppFooter, AppFrame } from '@/app/app-frame';
import { firstPaintClass, firstVisitClass, noScriptNotice, renderFirstPaint } from '@/app/first-paint';
import { savedWorkKey } from '@/app/first-visit';
import { HostingProvider } from '@/components/hosting/hosting-context';
import { HomePage } from '@/features/home/home-page';

const gate = readFileSync(path.resolve('public/first-paint.js'), 'utf8');
const indexHtml = readFileSync(path.resolve('index.html'), 'utf8');

/** Runs public/first-paint.js as the browser would, with this hash, storage and service worker. */
function runGate(options: { hash?: string; saved?: boolean; controller?: boolean; storageThrows?: boolean }): boolean {
  document.documentElement.className = '';
  window.location.hash = options.hash ?? '';
  localStorage.clear();
  if (options.saved) localStorage.setItem(savedWorkKey, '1');
  const storage = Object.getOwnPropertyDescriptor(window, 'localStorage');
  if (options.storageThrows)
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: options.controller ? { controller: {} } : { controller: null },
  });
  try {
    // eslint-disable-next-line no-new-func -- runs the file's text as the browser does
    new Function(gate)();
  } finally {
    if (storage) Object.defineProperty(window, 'localStorage', storage);
  }
  return document.documentElement.classList.contains(firstVisitClass);
}

afterEach(() => {
  document.documentElement.className = '';
  window.location.hash = '';
  localStorage.clear();
});

describe('the pre-rendered first paint', () => {
  it('is the app frame React renders, with the start page heading hidden unless marked', () => {
    const html = renderFirstPaint();
    const frame = renderToStaticMarkup(
      <AppFrame footer={<AppFooter />}>
        <i />
      </AppFrame>,
    );
    const [head = '', tail = ''] = frame.split('<i></i>');
    expect(html.startsWith(head), 'same skip link, header and main as the app').toBe(true);
    expect(html.endsWith(tail), 'same footer as the app before config.json is read').toBe(true);
    expect(html).toContain(`<div class="nhsuk-grid-row ${firstPaintClass}">`);
    expect(html).toContain(`<noscript><p class="nhsuk-body">${noScriptNotice}</p></noscript>`);
    // The styles hide it unless <html> carries the first-visit class.
    const styles = readFileSync(path.resolve('src/app/styles.scss'), 'utf8');
    expect(styles).toMatch(new RegExp(`\\.${firstPaintClass} \\{\\s*display: none;`));
    expect(styles).toMatch(new RegExp(`\\.${firstVisitClass} \\.${firstPaintClass} \\{\\s*display: block;`));
  });

  it('holds the start page’s heading and paragraph exactly as the start page renders them', () => {
    const page = renderToStaticMarkup(
      <HostingProvider hosting={{ config: {} }}>
        <HomePage />
      </HostingProvider>,
    );
    const intro = /<h1>.*?<\/h1><p class="nhsuk-lede-text">.*?<\/p>/.exec(renderFirstPaint())?.[0];
    expect(intro).toBeDefined();
    expect(page.startsWith(`<div class="nhsuk-grid-row"><div class="nhsuk-grid-column-two-thirds">${intro}`)).toBe(
      true,
    );
  });

  it('is loaded by index.html before the app, as a classic script from the app’s own origin', () => {
    const gateAt = indexHtml.indexOf('<script src="./first-paint.js"></script>');
    expect(gateAt).toBeGreaterThan(indexHtml.indexOf('<head>'));
    expect(gateAt).toBeLessThan(indexHtml.indexOf('</head>'));
    expect(gateAt).toBeLessThan(indexHtml.indexOf('type="module"'));
    expect(indexHtml).toContain('<div id="root"></div>');
  });
});

describe('public/first-paint.js', () => {
  it('uses the key the app writes and the class the styles read', () => {
    expect(gate).toContain(`'${savedWorkKey}'`);
    expect(gate).toContain(`'${firstVisitClass}'`);
  });

  it('marks a first visit to the home page only', () => {
    expect(runGate({})).toBe(true);
    expect(runGate({ hash: '#/' })).toBe(true);
    expect(runGate({ hash: '#/settings' })).toBe(false);
    expect(runGate({ hash: '#/applications/abc' })).toBe(false);
    expect(runGate({ hash: '#maincontent' })).toBe(false);
    expect(runGate({ saved: true })).toBe(false);
    expect(runGate({ controller: true })).toBe(false);
    expect(runGate({ storageThrows: true })).toBe(false);
  });
});

describe('the note of saved work', () => {
  const factory = (names: string[]) => ({
    databases: async () => names.map((name) => ({ name, version: 1 })),
    open: () => {
      const request = { result: { close: () => {} } } as unknown as IDBOpenDBRequest;
      queueMicrotask(() => request.onsuccess?.(new Event('success')));
      return request;
    },
    deleteDatabase: () => ({}) as IDBOpenDBRequest,
  });

  it('is set when the database exists and cleared when it does not', async () => {
    // firstVisit() checks once a page: import it afresh for each case.
    vi.resetModules();
    const fresh = await import('@/app/first-visit');
    expect(await fresh.firstVisit(factory(['aqp-apply']))).toBe(false);
    expect(localStorage.getItem(savedWorkKey)).toBe('1');

    vi.resetModules();
    const again = await import('@/app/first-visit');
    expect(await again.firstVisit(factory(['something-else']))).toBe(true);
    expect(localStorage.getItem(savedWorkKey)).toBeNull();

    again.noteStorageOpened();
    expect(localStorage.getItem(savedWorkKey)).toBe('1');
    expect(again.firstVisit(factory([]))).toBe(false);
  });
});
