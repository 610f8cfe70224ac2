/**
 * What the first screen of "Your applications" shows, as read from storage: every application's
 * summary row, every organisation's name, the settings, and whether the browser keeps the site's
 * data. Storage reads it before the app loads (src/storage/first-read.ts) and the app hands the
 * same value to the page's first render (src/components/services/first-screen.ts).
 */
import type { ApplicationSummary, OrganisationName } from './application-summary';
import type { Settings } from './settings';

export interface FirstScreen {
  readonly summaries: readonly ApplicationSummary[];
  readonly organisations: readonly OrganisationName[];
  readonly settings: Settings;
  /** Whether the browser has agreed to keep the site's data; undefined when it will not say. */
  readonly persisted: boolean | undefined;
}
