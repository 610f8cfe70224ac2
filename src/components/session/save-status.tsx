/** "Saved on this computer at 10:42": the autosave state in words, announced politely. */
import { timeOfDay } from './dates';
import type { AutosaveState } from '../services/app-services';

export function saveStatusText(state: AutosaveState): string {
  switch (state.kind) {
    case 'idle':
      return 'Your answers are saved on this computer as you type.';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved on this computer at ${timeOfDay(state.at)}`;
    case 'failed':
      return `Not saved: ${state.failure.message}`;
    case 'conflict':
      return 'Not saved: this application was changed in another tab or window.';
    case 'stopped':
      return `Not saved: ${state.reason}`;
  }
}

export function SaveStatus({ state }: { readonly state: AutosaveState }) {
  const problem = state.kind === 'failed' || state.kind === 'conflict' || state.kind === 'stopped';
  return (
    <p
      className={`nhsuk-body-s app-save-status${problem ? ' app-save-status--problem' : ''}`}
      role="status"
      aria-live="polite"
    >
      {saveStatusText(state)}
    </p>
  );
}
