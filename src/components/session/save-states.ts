/**
 * The two autosaves' states as one for the save status; the clash between tabs, if any; and
 * settling it for both records at once.
 */
import type { Application, OrganisationProfile } from '@/domain/application/application';
import type { Autosave, AutosaveState } from '../services/app-services';

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

/**
 * Settles the clash of each record in conflict with the user's choice (the version not chosen is
 * kept by the autosave). Resolves with the other tab's records that were taken (for the page to
 * show), or with why it could not be done.
 */
export async function settleConflict(
  autosaves: { readonly app: Autosave<Application>; readonly profile: Autosave<OrganisationProfile> },
  choice: 'mine' | 'theirs',
): Promise<
  { readonly taken: { application?: Application; profile?: OrganisationProfile } } | { readonly problem: string }
> {
  const taken: { application?: Application; profile?: OrganisationProfile } = {};
  for (const [key, autosave] of [
    ['application', autosaves.app],
    ['profile', autosaves.profile],
  ] as const) {
    const state = autosave.state;
    if (state.kind !== 'conflict') continue;
    const chosen = choice === 'mine' ? state.mine : state.theirs;
    // Each autosave is for its own kind of record; the cast only joins the two branches.
    const result = await (autosave as Autosave<Application | OrganisationProfile>).resolveConflict(chosen);
    if (result.kind === 'failed') return { problem: result.failure.message };
    if (result.kind === 'stopped') return { problem: result.reason };
    if (result.kind === 'conflict')
      return { problem: 'The answers were changed in the other tab again. Look at the differences and choose again.' };
    if (choice === 'theirs') Object.assign(taken, { [key]: chosen });
  }
  return { taken };
}
