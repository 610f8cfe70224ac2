// Renders features inside the app's real services (in-memory storage, the real autosave) and,
// where asked, one application's session: the test/ helper that renders the app with test data.
import { render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ReactNode } from 'react';
import { createAppServices } from '@/app/app-services';
import { AppServicesProvider, type AppServices } from '@/components/services/app-services';
import { ApplicationSessionProvider } from '@/components/session/application-session';
import type { Answers } from '@/domain/answers/answer-value';
import type { ServiceId } from '@/domain/definition/checklist-schema';
import { openStorage } from '@/storage/open-storage';

export const fixedNow = new Date('2026-11-22T10:42:00Z');

export async function memoryServices(): Promise<AppServices> {
  const storage = await openStorage({ indexedDB: null, storageManager: null, caches: null });
  let n = 0;
  return { ...createAppServices(storage), now: () => fixedNow, newId: () => `id-${++n}` };
}

export interface Seed {
  readonly services?: ServiceId[];
  readonly organisation?: Answers;
  readonly application?: Answers;
}

/** Stores a profile and an application in the services' storage; returns the application id. */
export async function seedApplication(services: AppServices, seed: Seed = {}): Promise<string> {
  const stamp = fixedNow.toISOString();
  await services.repositories.profiles.create({
    formatVersion: 1,
    id: 'org-1',
    name: 'Riverside Surgery',
    answers: { 'org.legal-name': 'Riverside Surgery', ...seed.organisation },
    createdAt: stamp,
    updatedAt: stamp,
    revision: 0,
  });
  await services.repositories.applications.create({
    formatVersion: 1,
    id: 'app-1',
    profileId: 'org-1',
    checklistId: 'aqp-qualification',
    checklistVersion: 1,
    checklistEdition: 'test',
    services: seed.services ?? ['podiatry'],
    advert: { commissioner: 'NHS Kernow CCG', reference: 'POD-1', serviceStart: '2027-04-01' },
    answers: { 'bid.model': 'single-practice', ...seed.application },
    retiredAnswers: {},
    completedSections: [],
    status: 'draft',
    createdAt: stamp,
    updatedAt: stamp,
    revision: 0,
  });
  return 'app-1';
}

/** Renders `children` inside the services and the seeded application's session; waits for it to load. */
export async function renderInSession(children: ReactNode, seed: Seed = {}) {
  const services = await memoryServices();
  const id = await seedApplication(services, seed);
  const result = render(
    <AppServicesProvider services={services}>
      <ApplicationSessionProvider id={id} fallback={(state) => <p>Session {state}</p>}>
        {children}
      </ApplicationSessionProvider>
    </AppServicesProvider>,
  );
  await waitFor(() => expect(screen.queryByText(/^Session /)).toBeNull(), { timeout: 10_000 });
  return { ...result, services, id };
}
