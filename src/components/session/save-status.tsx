/**
 * "Saved on this computer at 10:42": the autosave state in words, announced politely. When the
 * browser will not let the app store anything (memory mode), it never claims a save on this
 * computer: work is only kept in the tab.
 */
import { timeOfDay } from './dates';
import { useAppServices, type AutosaveState } from '../services/app-services';

export function saveStatusText(state: AutosaveState, mode: 'indexeddb' | 'memory' = 'indexeddb'): string {
  switch (state.kind) {
    case 'idle':
      return mode === 'memory'
        ? 'Your answers are kept in this tab only: they are not saved on this computer.'
        : 'Your answers are saved on this computer as you type.';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return mode === 'memory'
        ? `Kept in this tab only (not saved on this computer) at ${timeOfDay(state.at)}`
        : `Saved on this computer at ${timeOfDay(state.at)}`;
    case 'failed':
      return 'Not saved: your latest changes could not be saved on this computer (see the message at the top of the page).';
    case 'conflict':
      return 'Not saved: this application was changed in another tab or window.';
    case 'stopped':
      return `Not saved: ${state.reason}`;
  }
}

export function SaveStatus({ state }: { readonly state: AutosaveState }) {
  const { storage } = useAppServices();
  const problem = state.kind === 'failed' || state.kind === 'conflict' || state.kind === 'stopped';
  return (
    <p
      className={`nhsuk-body-s app-save-status${problem ? ' app-save-status--problem' : ''}`}
      role="status"
      aria-live="polite"
    >
      {saveStatusText(state, storage.mode)}
    </p>
  );
}
