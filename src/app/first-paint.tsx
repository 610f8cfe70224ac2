/**
 * What index.html shows before any script has run, rendered at build time (the `first-paint`
 * plugin in vite.config.ts): the app's frame (header, main landmark, footer) and, for a first
 * visit to the home page only, the start page's heading and opening paragraph (issue 13: the
 * largest text on that screen paints with the HTML and CSS, not after the JavaScript). That part
 * is hidden unless public/first-paint.js, which runs before the body is painted, marks the page
 * as a first visit: the home route, no service worker in control and no saved work noted in this
 * browser. React then mounts the same components in the same places, so nothing moves.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { HomeIntro, HomeLayout } from '@/features/home/home-intro';
import { AppFooter, AppFrame } from './app-frame';

/** The class public/first-paint.js puts on <html> for a first visit to the home page. */
export const firstVisitClass = 'app-first-visit';
/** The class of the pre-rendered start page, shown only with `firstVisitClass`. */
export const firstPaintClass = 'app-first-paint';

/** What a browser with JavaScript off shows in the main landmark (the start page stays hidden). */
export const noScriptNotice = 'This service needs JavaScript. Ask your practice IT support to allow it for this site.';

export function renderFirstPaint(): string {
  return renderToStaticMarkup(
    <AppFrame footer={<AppFooter />}>
      <HomeLayout className={firstPaintClass}>
        <HomeIntro />
      </HomeLayout>
      <noscript>
        <p className="nhsuk-body">{noScriptNotice}</p>
      </noscript>
    </AppFrame>,
  );
}
