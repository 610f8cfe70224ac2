/** The entry point: configure zod for the CSP, load the styles, mount the app. */
import './zod-setup';
import './styles.scss';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
