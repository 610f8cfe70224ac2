/**
 * The entry point: loads the styles, starts fetching what the first screen needs (config.json,
 * storage, the page's code: start.ts; for "Your applications", the list itself, painted first),
 * then loads React and the shell as a separate chunk beside them, so the first download stays
 * small and nothing waits on React. zod is configured for the
 * CSP inside its own chunk before any schema is used.
 */
import './styles.scss';
import { bootFailed, reloadOnChunkError } from './reload-on-chunk-error';
import { startLoading } from './start';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
reloadOnChunkError();

const started = startLoading(root);
// A page being left (a reload, another address) aborts the fetch: that is no failure to report.
let leaving = false;
window.addEventListener('pagehide', () => (leaving = true));
void started.appMayLoad
  .then(() => import('./boot'))
  .then(
    ({ boot }) => boot(root, started),
    () => {
      if (!leaving) bootFailed(root);
    },
  );
