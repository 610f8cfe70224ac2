/**
 * The entry point: loads the styles and React, then the rest of the app (storage, zod, the
 * shell) as a separate chunk, so the first download stays small. zod is configured for the CSP
 * inside that chunk before any schema is used.
 */
import './styles.scss';
import { reloadOnChunkError } from './reload-on-chunk-error';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
reloadOnChunkError();

void import('./boot').then(({ boot }) => boot(root));
