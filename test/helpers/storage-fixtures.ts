// Test data and isolated databases for the storage tests: valid records, seeded random bytes
// (incompressible, reproducible), and a fresh fake IndexedDB with a unique database name per test.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Application, OrganisationProfile } from '@/domain/application/application';
import { Connection } from '@/storage/connection';
import { createDexieBackend } from '@/storage/dexie-repositories';
import { createMemoryBackend } from '@/storage/memory-repositories';
import { openStorage, type AppStorage } from '@/storage/open-storage';
import { defaultDeps, type StorageDeps } from '@/storage/record-helpers';

export const at = (second: number): string => new Date(Date.UTC(2026, 10, 22, 9, 0, second)).toISOString();

export function makeProfile(overrides: Partial<OrganisationProfile> = {}): OrganisationProfile {
  return {
    formatVersion: 1,
    id: 'profile-1',
    name: 'Riverside Medical Practice',
    answers: { 'org.legal-name': 'Riverside Medical Practice', 'org.ods-code': 'A12345' },
    createdAt: at(0),
    updatedAt: at(0),
    revision: 0,
    ...overrides,
  };
}

export function makeApplication(overrides: Partial<Application> = {}): Application {
  return {
    formatVersion: 1,
    id: 'application-1',
    profileId: 'profile-1',
    checklistId: 'aqp',
    checklistVersion: 1,
    checklistEdition: 'AQP qualification checklist, 2012 edition',
    services: ['msk'],
    advert: { commissioner: 'NHS North Riverside ICB', reference: 'MSK-2026-01' },
    answers: { 'svc.premises': 'Ground floor, step-free access', 'svc.start': { day: '1', month: '4', year: '2027' } },
    retiredAnswers: {},
    completedSections: [],
    status: 'draft',
    createdAt: at(0),
    updatedAt: at(0),
    revision: 0,
    ...overrides,
  };
}

/** mulberry32: a small seeded generator, so every run makes the same "random" data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(seed: number, length: number): Uint8Array<ArrayBuffer> {
  const next = seededRandom(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = Math.floor(next() * 256);
  return bytes;
}

export async function bytesOf(blob: Blob | undefined): Promise<number[]> {
  if (!blob) throw new Error('no blob');
  return Array.from(new Uint8Array(await blob.arrayBuffer()));
}

let counter = 0;

/** A fresh fake IndexedDB and a database name no other test uses. */
export function freshIndexedDB(): { readonly factory: IDBFactory; readonly name: string } {
  counter += 1;
  return { factory: new IDBFactory(), name: `aqp-test-${counter}-${Date.now()}` };
}

export function testDeps(overrides: Partial<StorageDeps> = {}): StorageDeps {
  let ids = 0;
  return defaultDeps({
    now: () => new Date(at(30)),
    newId: () => `new-id-${(ids += 1)}`,
    estimate: async () => ({ usage: 0, quota: 1024 * 1024 * 1024 }),
    ...overrides,
  });
}

export function dexieBackend(deps: StorageDeps = testDeps(), db = freshIndexedDB()) {
  const connection = new Connection({ name: db.name, indexedDB: db.factory, IDBKeyRange });
  return { connection, db, ...createDexieBackend(connection, deps) };
}

export function memoryBackend(deps: StorageDeps = testDeps()) {
  return createMemoryBackend(deps);
}

/**
 * The app's storage on a fresh fake IndexedDB, opened as the app opens it but with nothing of the
 * browser's own (no StorageManager, journal or caches); the caller closes it.
 */
export function openTestStorage(
  db: { readonly factory: IDBFactory; readonly name: string } = freshIndexedDB(),
  deps?: Partial<StorageDeps>,
): Promise<AppStorage> {
  return openStorage({
    indexedDB: db.factory,
    IDBKeyRange,
    databaseName: db.name,
    storageManager: null,
    journalStore: null,
    caches: null,
    ...(deps ? { deps } : {}),
  });
}

export { IDBKeyRange };
