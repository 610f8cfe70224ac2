/** The two autosaves' states as one for the save status, and the clash between tabs, if any. */
import type { Application, OrganisationProfile } from '@/domain/application/application';
import type { AutosaveState } from '../services/app-services';

export interface SessionStates {
  readonly app: AutosaveState<Application>;
  readonly profile: AutosaveState<OrganisationProfile>;
}

/** Both versions of each record that clashed with another tab's save. */
export interface SessionConflict {
  readonly application?: { readonly mine: Application; readonly theirs: Application };
  readonly profile?: { readonly mine: OrganisationProfile; readonly theirs: OrganisationProfile };
}

export function conflictOf({ app, profile }: SessionStates): SessionConflict | undefined {
  if (app.kind !== 'conflict' && profile.kind !== 'conflict') return undefined;
  return {
    ...(app.kind === 'conflict' ? { application: { mine: app.mine, theirs: app.theirs } } : {}),
    ...(profile.kind === 'conflict' ? { profile: { mine: profile.mine, theirs: profile.theirs } } : {}),
  };
}

/** The state to show: the worst of the two (a stop, a clash, a failure), or the latest save. */
export function combine(a: AutosaveState, b: AutosaveState): AutosaveState {
  const rank = (s: AutosaveState) => ['stopped', 'conflict', 'failed', 'saving', 'saved', 'idle'].indexOf(s.kind);
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b;
  return a.kind === 'saved' && b.kind === 'saved' ? (a.at > b.at ? a : b) : a;
}
