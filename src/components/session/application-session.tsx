/**
 * One application being worked on: its record, its organisation's profile, the organisation's
 * evidence and the checklist, with answers merged for the rules engine. Edits are split by the
 * section's scope (organisation answers go to the profile, reused by every application of the
 * organisation) and saved by two autosaves. Flushes when the route changes.
 *
 * Also what a page shows when saving goes wrong, above the page: a clash with another tab (both
 * versions, to choose from; the one not chosen is kept) and a failed save (with a backup that
 * includes what could not be saved).
 */
import {
  createContext,
  Fragment,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AnswerValue, Answers } from '@/domain/answers/answer-value';
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import { mergeRecords } from '@/domain/application/merge-records';
import { exportAfterAnswerChange, keepExportThrough, recordExport } from '@/domain/application/standing';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { StorageFailure } from '@/domain/ports';
import type { EvaluationInput, EvidenceInfo } from '@/domain/rules/evaluator';
import { useAppServices, type Autosave, type AutosaveState } from '../services/app-services';
import { loadChecklistFor } from './checklist';
import { isoDate } from './dates';
// The clash and save-failure panels (and the domain code that compares versions) load with the
// first application opened, not with the app shell.
const SaveProblems = lazy(() => import('./save-problems').then((m) => ({ default: m.SaveProblems })));
import { combine, conflictOf, settleConflict, type SessionConflict, type SessionStates } from './save-states';
import { useSettlePeopleOnOpen } from './settle-people';

export type { SessionConflict } from './save-states';

export interface ApplicationSession {
  readonly checklist: LoadedChecklist;
  readonly application: Application;
  readonly profile: OrganisationProfile;
  readonly evidence: readonly EvidenceMeta[];
  readonly answers: Answers;
  /**
   * The revision the application has once its latest changes are saved (`application.revision`
   * is the one it was opened at): what "changed since the pack was exported" compares.
   */
  readonly revision: number;
  readonly saveState: AutosaveState;
  /** Set while another tab's save clashes with this tab's changes. */
  readonly conflict: SessionConflict | undefined;
  /** Why the latest changes could not be saved (not a clash or a stop), until a save works. */
  readonly failure: StorageFailure | undefined;
  /**
   * Settles a clash: keep this tab's answers, or take the other tab's. The version not chosen is
   * kept on this computer. Resolves with null, or why it could not be done (the clash then stays).
   */
  resolveConflict(choice: 'mine' | 'theirs'): Promise<string | null>;
  /** A backup of this application and its organisation as they are here, saved or not. */
  backup(): Promise<{ blob: Blob; fileName: string }>;
  /** Sets answers (undefined clears one); each goes to the profile or the application by scope. */
  setAnswers(patch: Readonly<Record<string, AnswerValue | undefined>>): void;
  setCompleted(sectionId: string, completed: boolean): void;
  flush(durable?: boolean): Promise<void>;
  /**
   * After a flush: the stored revision a pack made now shows, or undefined when the latest
   * changes are not saved (a failed save or a clash), so a final pack cannot be recorded.
   */
  exportBase(): number | undefined;
  /** Records that a final pack dated `at` was made from revision `base` (see standing.ts), and saves it. */
  recordExport(at: string, base: number): Promise<void>;
  evaluationInput(overrides?: Answers): EvaluationInput;
  /** How many typed names were linked to the people in the organisation when it was opened. */
  readonly peopleLinked: number;
  /**
   * Answers another tab changed that were merged into this one (different questions changed in
   * each): bumped with each merge, so an open page can show them in its form.
   */
  readonly merges: { readonly count: number; readonly questionIds: readonly string[] };
}

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly checklist: LoadedChecklist;
      readonly application: Application;
      readonly profile: OrganisationProfile;
    };

/** The session context; `ReadOnlySession` provides it for a review file, without storage. */
export const SessionContext = createContext<ApplicationSession | null>(null);

export function useApplicationSession(): ApplicationSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useApplicationSession needs an ApplicationSessionProvider above it.');
  return session;
}

/** The longest name a profile record holds (its schema's limit). */
const maxProfileName = 500;

/**
 * The organisation's name as lists and titles show it: its legal name, shortened with "…" past
 * the profile's limit. Only this label is shortened; the answer keeps every character (and the
 * question says how long a legal name may be), so a long answer never stops the profile saving.
 */
function displayName(legalName: AnswerValue | undefined, fallback: string): string {
  const name = typeof legalName === 'string' ? legalName.trim() : '';
  if (!name) return fallback;
  return name.length > maxProfileName ? `${name.slice(0, maxProfileName - 1)}…` : name;
}

/** The stored revision, or the next one while a change waits to be saved. */
const revisionOf = (app: Autosave<Application> | undefined, opened: number) =>
  app ? app.savedRevision + (app.settled ? 0 : 1) : opened;

/** Whether two answers are the same value (answers are plain JSON: strings, arrays, objects). */
function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function ApplicationSessionProvider({
  id,
  fallback,
  children,
}: {
  readonly id: string;
  readonly fallback: (state: 'loading' | 'missing' | 'failed', message?: string) => ReactNode;
  readonly children: ReactNode;
}) {
  const services = useAppServices();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [evidence, setEvidence] = useState<readonly EvidenceMeta[]>([]);
  const [states, setStates] = useState<SessionStates>({ app: { kind: 'idle' }, profile: { kind: 'idle' } });
  /** Bumped when the records change under the page (another tab's version taken): pages start afresh. */
  const [generation, setGeneration] = useState(0);
  const autosaves = useRef<{ app: Autosave<Application>; profile: Autosave<OrganisationProfile> } | null>(null);
  const [merges, setMerges] = useState<ApplicationSession['merges']>({ count: 0, questionIds: [] });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const application = await services.repositories.applications.get(id);
        const profile = application && (await services.repositories.profiles.get(application.profileId));
        if (cancelled) return;
        if (!application || !profile) return setLoaded({ kind: 'missing' });
        const checklist = await loadChecklistFor(application.advert);
        if (cancelled) return;
        const app = services.createAutosave('applications', application);
        const prof = services.createAutosave('profiles', profile);
        autosaves.current = { app, profile: prof };
        const update = () => setStates({ app: app.state, profile: prof.state });
        app.subscribe(update);
        prof.subscribe(update);
        // Another tab changed other answers: take them into this page's records (the autosave has
        // merged and saves them already), and say which, so an open form shows them.
        const tookIn = (base: { answers: Answers }, theirs: { answers: Answers }) =>
          setMerges((m) => ({
            count: m.count + 1,
            questionIds: Object.keys({ ...base.answers, ...theirs.answers }).filter(
              (k) => !sameAnswer(base.answers[k], theirs.answers[k]),
            ),
          }));
        app.onMerged(({ base, theirs }) => {
          setLoaded((l) =>
            l.kind === 'ready' ? { ...l, application: mergeRecords(base, l.application, theirs) ?? l.application } : l,
          );
          tookIn(base, theirs);
        });
        prof.onMerged(({ base, theirs }) => {
          setLoaded((l) =>
            l.kind === 'ready' ? { ...l, profile: mergeRecords(base, l.profile, theirs) ?? l.profile } : l,
          );
          tookIn(base, theirs);
        });
        setLoaded({ kind: 'ready', checklist, application, profile });
      } catch (error) {
        if (!cancelled) setLoaded({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
      const current = autosaves.current;
      autosaves.current = null;
      if (current)
        void Promise.all([current.app.flush(), current.profile.flush()]).finally(() => {
          current.app.dispose();
          current.profile.dispose();
        });
    };
  }, [id, services]);

  const profileId = loaded.kind === 'ready' ? loaded.profile.id : undefined;
  useEffect(() => {
    if (!profileId) return;
    const refresh = () => void services.repositories.evidence.listForProfile(profileId).then(setEvidence);
    refresh();
    return services.repositories.evidence.subscribe(refresh);
  }, [profileId, services]);

  useEffect(() => {
    const flush = () => void autosaves.current?.app.flush().then(() => autosaves.current?.profile.flush());
    window.addEventListener('hashchange', flush);
    return () => window.removeEventListener('hashchange', flush);
  }, []);

  const setAnswers = useCallback(
    (patch: Readonly<Record<string, AnswerValue | undefined>>) =>
      setLoaded((current) => {
        if (current.kind !== 'ready') return current;
        const split = {
          organisation: { ...current.profile.answers },
          application: { ...current.application.answers },
        } as Record<'organisation' | 'application', Record<string, AnswerValue>>;
        // Only a record whose answers really changed is saved again: typing on an application page
        // must not rewrite (and journal) the organisation profile on every keystroke.
        const changed = { organisation: false, application: false };
        for (const [qid, value] of Object.entries(patch)) {
          const scope = current.checklist.questions.get(qid)?.section.scope ?? 'application';
          const target = split[scope];
          if (!sameAnswer(target[qid], value)) changed[scope] = true;
          if (value === undefined) Reflect.deleteProperty(target, qid);
          else target[qid] = value;
        }
        if (!changed.organisation && !changed.application) return current;
        const updatedAt = services.now().toISOString();
        const profileName = displayName(split.organisation['org.legal-name'], current.profile.name);
        const profile =
          changed.organisation || profileName !== current.profile.name
            ? { ...current.profile, answers: split.organisation, name: profileName, updatedAt }
            : current.profile;
        const savedRevision = autosaves.current?.app.savedRevision ?? current.application.revision;
        const application = changed.application
          ? exportAfterAnswerChange({ ...current.application, answers: split.application, updatedAt }, savedRevision)
          : current.application;
        if (profile !== current.profile) autosaves.current?.profile.change(profile);
        if (application !== current.application) autosaves.current?.app.change(application);
        return { ...current, profile, application };
      }),
    [services],
  );

  const setCompleted = useCallback(
    (sectionId: string, completed: boolean) =>
      setLoaded((current) => {
        if (current.kind !== 'ready') return current;
        const others = current.application.completedSections.filter((s) => s !== sectionId);
        const app = autosaves.current?.app;
        const changed = {
          ...current.application,
          completedSections: completed ? [...others, sectionId] : others,
          updatedAt: services.now().toISOString(),
        };
        // Packs do not print which sections are complete: marking one leaves an exported pack current.
        const application = app
          ? keepExportThrough(changed, { revision: app.savedRevision, settled: app.settled })
          : changed;
        app?.change(application);
        return { ...current, application };
      }),
    [services],
  );

  const flush = useCallback(
    async (durable = true) => {
      const current = autosaves.current;
      if (!current) return;
      await current.profile.flush({ durable });
      await current.app.flush({ durable });
      if (durable) void services.requestPersistence();
    },
    [services],
  );

  const exportBase = useCallback(() => {
    const app = autosaves.current?.app;
    return app?.settled ? app.savedRevision : undefined;
  }, []);

  const recordPack = useCallback(
    async (at: string, base: number) => {
      setLoaded((current) => {
        const app = autosaves.current?.app;
        if (current.kind !== 'ready' || !app) return current;
        // The save that records the pack is the next revision; if anything was saved or typed
        // since the pack was made, the pack shows `base` and the application reads as changed.
        const unchanged = app.settled && app.savedRevision === base;
        const application = recordExport(current.application, at, unchanged ? base + 1 : base);
        app.change(application);
        return { ...current, application };
      });
      await flush(true);
    },
    [flush],
  );

  const resolveConflict = useCallback(async (choice: 'mine' | 'theirs'): Promise<string | null> => {
    const current = autosaves.current;
    if (!current) return null;
    const outcome = await settleConflict(current, choice);
    if ('problem' in outcome) return outcome.problem;
    const { taken } = outcome;
    if (taken.application || taken.profile) {
      setLoaded((l) =>
        l.kind === 'ready'
          ? { ...l, application: taken.application ?? l.application, profile: taken.profile ?? l.profile }
          : l,
      );
      setGeneration((g) => g + 1);
    }
    return null;
  }, []);

  const peopleLinked = useSettlePeopleOnOpen(
    loaded.kind === 'ready'
      ? {
          checklist: loaded.checklist,
          answers: { ...loaded.profile.answers, ...loaded.application.answers },
          key: `${loaded.application.id}:${generation}`,
        }
      : null,
    setAnswers,
  );

  const session = useMemo<ApplicationSession | null>(() => {
    if (loaded.kind !== 'ready') return null;
    const answers = { ...loaded.profile.answers, ...loaded.application.answers };
    const evidenceInfo = new Map<string, EvidenceInfo>(
      evidence.map((e) => [e.id, { id: e.id, name: e.name, ...(e.validUntil ? { validUntil: e.validUntil } : {}) }]),
    );
    const { advert } = loaded.application;
    return {
      checklist: loaded.checklist,
      application: loaded.application,
      profile: loaded.profile,
      evidence,
      answers,
      revision: revisionOf(autosaves.current?.app, loaded.application.revision),
      saveState: combine(states.app, states.profile),
      conflict: conflictOf(states),
      failure: [states.app, states.profile].find((st) => st.kind === 'failed')?.failure,
      resolveConflict,
      backup: () =>
        services.backup.exportBackup({
          applicationId: loaded.application.id,
          unsaved: { applications: [loaded.application], profiles: [loaded.profile] },
        }),
      setAnswers,
      setCompleted,
      flush,
      exportBase,
      recordExport: recordPack,
      evaluationInput: (overrides = {}) => ({
        checklist: loaded.checklist,
        answers: { ...answers, ...overrides },
        services: loaded.application.services,
        dates: {
          today: isoDate(services.now()),
          ...(advert.serviceStart ? { serviceStart: advert.serviceStart } : {}),
          ...(advert.closingDate ? { closingDate: advert.closingDate } : {}),
        },
        evidence: evidenceInfo,
      }),
      peopleLinked,
      merges,
    };
  }, [
    merges,
    loaded,
    evidence,
    states,
    resolveConflict,
    setAnswers,
    setCompleted,
    flush,
    exportBase,
    recordPack,
    services,
    peopleLinked,
  ]);

  if (loaded.kind !== 'ready' || !session)
    return (
      <>
        {fallback(
          loaded.kind === 'ready' ? 'loading' : loaded.kind,
          loaded.kind === 'failed' ? loaded.message : undefined,
        )}
      </>
    );
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={null}>
        <SaveProblems />
      </Suspense>
      <Fragment key={generation}>{children}</Fragment>
    </SessionContext.Provider>
  );
}
