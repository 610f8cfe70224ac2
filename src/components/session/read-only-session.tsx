/**
 * An application session for a review file (the LMC officer's view of a practice's draft): the
 * same session the wizard's read-only parts use (answer rows, evaluation), built from the records
 * in the file, with every change refused, so nothing of the practice's is saved on this computer.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Application, EvidenceMeta, OrganisationProfile } from '@/domain/application/application';
import type { LoadedChecklist } from '@/domain/definition/load-checklist';
import type { EvidenceInfo } from '@/domain/rules/evaluator';
import { useAppServices } from '../services/app-services';
import { SessionContext, type ApplicationSession } from './application-session';
import { loadChecklistFor } from './checklist';
import { isoDate } from './dates';

const readOnly = () => {
  throw new Error('A review file is read only.');
};

export function ReadOnlySession({
  application,
  profile,
  evidence,
  fallback,
  children,
}: {
  readonly application: Application;
  readonly profile: OrganisationProfile;
  readonly evidence: readonly EvidenceMeta[];
  readonly fallback: (state: 'loading' | 'failed', message?: string) => ReactNode;
  readonly children: ReactNode;
}) {
  const services = useAppServices();
  const [checklist, setChecklist] = useState<LoadedChecklist | { failed: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadChecklistFor(application.advert).then(
      (loaded) => live && setChecklist(loaded),
      () => live && setChecklist({ failed: 'The checklist could not be loaded. Reload the page to try again.' }),
    );
    return () => {
      live = false;
    };
  }, [application.advert]);

  const session = useMemo<ApplicationSession | null>(() => {
    if (!checklist || 'failed' in checklist) return null;
    const answers = { ...profile.answers, ...application.answers };
    const evidenceInfo = new Map<string, EvidenceInfo>(
      evidence.map((e) => [e.id, { id: e.id, name: e.name, ...(e.validUntil ? { validUntil: e.validUntil } : {}) }]),
    );
    const { advert } = application;
    return {
      checklist,
      application,
      profile,
      evidence,
      answers,
      revision: application.revision,
      saveState: { kind: 'idle' },
      conflict: undefined,
      failure: undefined,
      resolveConflict: async () => 'A review file is read only.',
      backup: readOnly,
      setAnswers: readOnly,
      setCompleted: readOnly,
      flush: async () => undefined,
      exportBase: () => undefined,
      recordExport: readOnly,
      evaluationInput: (overrides = {}) => ({
        checklist,
        answers: { ...answers, ...overrides },
        services: application.services,
        dates: {
          today: isoDate(services.now()),
          ...(advert.serviceStart ? { serviceStart: advert.serviceStart } : {}),
          ...(advert.closingDate ? { closingDate: advert.closingDate } : {}),
        },
        evidence: evidenceInfo,
      }),
      peopleLinked: 0,
      merges: { count: 0, questionIds: [] },
    };
  }, [checklist, application, profile, evidence, services]);

  if (checklist && 'failed' in checklist) return <>{fallback('failed', checklist.failed)}</>;
  if (!session) return <>{fallback('loading')}</>;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
