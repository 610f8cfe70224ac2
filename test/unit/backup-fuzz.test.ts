// @vitest-environment node
/**
 * Backup fuzz test (issue 16): hundreds of damaged and hostile backup files, made by mutating real
 * backups that the app's own export wrote from a realistic database (an organisation with repeat
 * answers, two applications, three evidence files, and a passphrase-protected copy). The cases are
 * in `support/backup-fuzz-cases.ts`; the seed is printed and can be set with FUZZ_SEED.
 *
 * Each file is imported the way the app does it (read and check, find what exists, import with the
 * user's choice) into a fresh database that already holds other work. It must be refused with a
 * plain message and leave the database exactly as it was, or be imported correctly: what is stored
 * is what the file says, every record passes the app's own restore (its schemas), the other work
 * is untouched, and the database still backs up. After every case no prototype may have changed.
 * A case that throws is "crashed"; one that takes longer than `caseTimeoutMs` is "hung".
 *
 * The last test feeds the same checks a broken import of each kind, so each count can fail.
 * Over 300 lines: the checks of an import and their own test belong with the cases they judge.
 *
 * Known gaps (reported, not fixed here): repeat item ids are not checked for uniqueness, so a file
 * whose repeat answer holds two items with one id is imported (those cases expect "either");; and with more organisations or applications than one backup file holds, "Back
 * up everything" fails (the check after an import then backs up one application).
 */
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  restoreApplication,
  restoreEvidenceMeta,
  restoreKeptVersion,
  restoreProfile,
  restoreSettings,
  type RestoreResult,
} from '@/domain/application/restore';
import { maxBackupCounts } from '@/domain/backup/backup-format';
import { summariseApplication } from '@/domain/application/application-summary';
import { exportBackup } from '@/storage/backup';
import { encryptBackupText } from '@/storage/backup-crypto';
import {
  findExisting,
  importBackup,
  readBackup,
  type ImportOptions,
  type PreparedBackup,
  type ReadBackupResult,
} from '@/storage/backup-import';
import type { ImportReport } from '@/storage/import-plan';
import {
  at,
  dexieBackend,
  makeApplication,
  makeProfile,
  randomBytes,
  seededRandom,
  testDeps,
} from '../helpers/storage-fixtures';
import { buildCases, sha256Of, type FuzzCase } from './support/backup-fuzz-cases';
import { isObject, type Json, type JsonObject } from './support/fuzz';
import {
  byKey,
  failureKindsOf,
  fuzzSeed,
  prototypeShape,
  runCorpus,
  runFuzzCase,
  type CaseResult,
  type Dump,
  type FailureKind as FailureKindOf,
  type Refusal,
  type Shape,
} from './support/fuzz-checks';

const defaultSeed = 20261122;
const caseTimeoutMs = 15_000;
const passphrase = 'correct horse battery staple';
const now = () => new Date('2026-11-22T12:00:00.000Z');
const utf8 = (text: string) => new Uint8Array(new TextEncoder().encode(text));

type Backend = ReturnType<typeof dexieBackend>;

// ---------------------------------------------------------------------------------------------
// The databases

/** The realistic database whose backups are mutated. */
async function sourceDatabase(): Promise<Backend> {
  let ids = 0;
  const backend = dexieBackend(testDeps({ newId: () => `evidence-${(ids += 1)}` }));
  const r = backend.repositories;
  const file = (
    name: string,
    type: string,
    bytes: Uint8Array<ArrayBuffer>,
    questionIds: string[],
    validUntil?: string,
  ) =>
    r.evidence.add(
      { profileId: 'profile-1', name, type, questionIds, ...(validUntil ? { validUntil } : {}) },
      new Blob([bytes], { type }),
    );
  const deed = await file('Partnership deed.pdf', 'application/pdf', randomBytes(7, 40), ['org.partnership-deed']);
  const cqc = await file(
    'CQC certificate – Zoë.png',
    'image/png',
    randomBytes(8, 1001),
    ['reg.cqc-certificate'],
    '2027-03-31',
  );
  const policy = await file('Infection control.txt', 'text/plain', utf8('Wash hands. Audit monthly. £5'), [
    'svc.policy',
  ]);
  await r.profiles.create(
    makeProfile({
      answers: {
        'org.legal-name': 'Riverside Medical Practice',
        'org.trading-name': 'Riverside Surgery',
        'org.legal-form': 'partnership',
        'org.date-formed': { day: '1', month: '4', year: '1998' },
        'org.ods-code': 'A12345',
        'org.registered-address': {
          line1: '1 River Street',
          line2: '',
          town: 'Truro',
          county: 'Cornwall',
          postcode: 'TR1 2AB',
        },
        'org.practices': [
          { id: 'practice-1', values: { name: 'Riverside Surgery', 'ods-code': 'A12345' } },
          { id: 'practice-2', values: { name: 'Quayside Branch', 'ods-code': 'A12346' } },
        ],
        'org.people': [
          {
            id: 'person-1',
            values: {
              name: 'Dr Zoë Ładny',
              role: 'partner',
              position: 'Senior partner',
              register: 'gmc',
              number: '1234567',
            },
          },
          { id: 'person-2', values: { name: 'Sam Hill', role: 'partner', register: 'nmc', number: '12A3456E' } },
          { id: 'person-3', values: { name: 'Ann “still typing”' }, pending: true },
        ],
        'reg.cqc-activities': ['diagnostic-screening', 'treatment-disease'],
        'org.partnership-deed': [deed.id],
        'reg.cqc-certificate': [cqc.id],
        'org.contact-email': 'practice.manager@nhs.net',
      },
    }),
  );
  await r.applications.create(
    makeApplication({
      advert: {
        advertId: 'msk-2027',
        commissioner: 'NHS Kernow Integrated Care Board',
        reference: 'KCCG/AQP/2027/MSK',
        closingDate: '2027-01-29',
        serviceStart: '2027-04-01',
        localPrice: '£28.50 per contact',
        localQuestions: [{ id: 'isles', type: 'yesno', label: 'Will you serve the Isles of Scilly?', required: false }],
      },
      answers: {
        'bid.model': 'lead-provider',
        'bid.model-other': 'We lead a federation of four practices.',
        'bid.members': [
          {
            id: 'member-1',
            values: {
              name: 'Quayside Surgery',
              kind: 'practice',
              address: { line1: '2 Quay', line2: '', town: 'Falmouth', county: '', postcode: 'TR11 3AA' },
              services: ['msk'],
              'cqc-certificate': [cqc.id],
            },
          },
          { id: 'member-2', values: { name: 'Hill Physio Ltd', kind: 'subcontractor', insured: 'yes' } },
        ],
        'excl.fraud': 'no',
        'svc.policy': [policy.id],
        'svc.start': { day: '1', month: '4', year: '2027' },
        'local.isles': 'yes',
      },
      retiredAnswers: { 'svc.old-question': 'kept from the 2011 edition' },
      completedSections: ['organisation', 'bid'],
    }),
  );
  await r.applications.create(
    makeApplication({
      id: 'application-2',
      services: ['podiatry'],
      advert: { commissioner: 'NHS Kernow Integrated Care Board', reference: 'KCCG/AQP/2027/POD' },
      answers: { 'svc.premises': 'Ground floor, step-free', 'excl.fraud': 'no' },
      status: 'exported',
      exportedAt: at(20),
      exportedRevision: 0,
    }),
  );
  return backend;
}

const otherWork = { profileId: 'other-profile', applicationId: 'other-application', evidenceId: 'other-1' };

/** A fresh database that already holds other work, in every table. */
async function targetDatabase(): Promise<Backend> {
  let ids = 0;
  const backend = dexieBackend(testDeps({ newId: () => `other-${(ids += 1)}` }));
  const r = backend.repositories;
  await r.profiles.create(
    makeProfile({
      id: otherWork.profileId,
      name: 'Hilltop Health Centre',
      answers: {
        'org.legal-name': 'Hilltop Health Centre',
        'org.people': [{ id: 'person-1', values: { name: 'Dr Hill' } }],
      },
    }),
  );
  const evidence = await r.evidence.add(
    { profileId: otherWork.profileId, name: 'Hilltop policy.txt', type: 'text/plain', questionIds: ['svc.policy'] },
    new Blob(['Hilltop policy'], { type: 'text/plain' }),
  );
  if (evidence.id !== otherWork.evidenceId) throw new Error(`the other evidence file is ${evidence.id}`);
  const application = await r.applications.create(
    makeApplication({
      id: otherWork.applicationId,
      profileId: otherWork.profileId,
      answers: { 'svc.policy': [evidence.id], 'svc.premises': 'First floor, with a lift' },
    }),
  );
  await r.settings.update({ lastBackupAt: at(10), persistence: 'granted' });
  await r.keptVersions.keep({ kind: 'application', record: { ...application, answers: {} } }, 'other-tab');
  return backend;
}

// ---------------------------------------------------------------------------------------------
// Running one case

/** The app under test; the last test swaps in broken versions to prove the checks catch them. */
interface App {
  read(input: Blob | string, options: { readonly passphrase?: string }): Promise<ReadBackupResult>;
  existing(backend: Backend, backup: PreparedBackup): ReturnType<typeof findExisting>;
  importInto(
    backend: Backend,
    backup: PreparedBackup,
    options: ImportOptions,
  ): Promise<{ readonly ok: true; readonly report: ImportReport } | { readonly ok: false; readonly message: string }>;
}

const realApp: App = {
  read: (input, options) => readBackup(input, options),
  existing: (backend, backup) => findExisting(backend.repositories, backup),
  importInto: (backend, backup, options) => importBackup(backend.importTarget, backup, options),
};

/** What an import that went through gives the check. */
type Taken = { readonly ok: true } & Pick<Imported, 'backup' | 'existing' | 'report'>;

const words = { applied: 'imported', changed: 'changed after refusal', bad: 'bad import' } as const;
const failureKinds = failureKindsOf(words);
type FailureKind = FailureKindOf<typeof words>;

function runCase(
  c: FuzzCase,
  baseline: Shape,
  app: App = realApp,
  timeoutMs = caseTimeoutMs,
): Promise<CaseResult<typeof words>> {
  const issued = new Set<string>();
  let n = 0;
  const newId = () => {
    const id = `fuzz-new-${(n += 1)}`;
    issued.add(id);
    return id;
  };
  const input = typeof c.input === 'string' ? c.input : new Blob([c.input]);
  return runFuzzCase(
    words,
    c,
    {
      open: targetDatabase,
      attempt: async (backend): Promise<Taken | Refusal> => {
        const read = await app.read(input, c.passphrase === undefined ? {} : { passphrase: c.passphrase });
        if (!read.ok) return { ok: false as const, message: read.message };
        const existing = await app.existing(backend, read.backup);
        const result = await app.importInto(backend, read.backup, { onExisting: c.onExisting, newId });
        if (!result.ok) return { ok: false as const, message: result.message };
        return { ok: true as const, backup: read.backup, existing, report: result.report };
      },
      check: (backend, imported, before, after) => checkImport(c, { before, after, backend, issued, ...imported }),
    },
    baseline,
    timeoutMs,
  );
}

// ---------------------------------------------------------------------------------------------
// Whether an import was correct

interface Imported {
  readonly before: Dump;
  readonly after: Dump;
  readonly backend: Backend;
  readonly issued: ReadonlySet<string>;
  readonly backup: PreparedBackup;
  readonly existing: Awaited<ReturnType<typeof findExisting>>;
  readonly report: ImportReport;
}

const restorers: Readonly<Record<string, (raw: unknown) => RestoreResult<unknown>>> = {
  profiles: restoreProfile,
  applications: restoreApplication,
  evidence: restoreEvidenceMeta,
  keptVersions: restoreKeptVersion,
  settings: restoreSettings,
};
const importedTables = ['profiles', 'applications', 'evidence', 'evidenceBlobs'];

function without(record: unknown, keys: readonly string[]): unknown {
  if (!isObject(record as Json)) return record;
  return Object.fromEntries(Object.entries(record as JsonObject).filter(([key]) => !keys.includes(key)));
}

/** Equal, except that a string the file has in `renamable` may be stored as a new id. */
function sameModulo(file: unknown, stored: unknown, renamable: ReadonlySet<string>, isNew: (s: string) => boolean) {
  const same = (a: unknown, b: unknown): boolean => {
    if (typeof a === 'string' && typeof b === 'string') return a === b || (renamable.has(a) && isNew(b));
    if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
    if (typeof a === 'object' && a !== null) {
      if (typeof b !== 'object' || b === null || Array.isArray(b)) return false;
      const keys = Object.keys(a).sort();
      return (
        isDeepStrictEqual(keys, Object.keys(b).sort()) && keys.every((k) => same(Reflect.get(a, k), Reflect.get(b, k)))
      );
    }
    return Object.is(a, b);
  };
  return same(file, stored);
}

const strictBase64 = (data: unknown): data is string =>
  typeof data === 'string' && data.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(data);

async function checkImport(c: FuzzCase, x: Imported): Promise<string[]> {
  const problems: string[] = [];
  const text = c.plain ?? (typeof c.input === 'string' ? c.input : new TextDecoder().decode(c.input));
  let file: JsonObject;
  try {
    const parsed = JSON.parse(text) as Json;
    if (!isObject(parsed)) return ['imported a file that is not a JSON object'];
    file = parsed;
  } catch {
    return ['imported a file that is not JSON'];
  }
  const list = (key: string): JsonObject[] => {
    const value = file[key];
    return Array.isArray(value) ? value.filter((v): v is JsonObject => isObject(v)) : [];
  };
  const fileProfiles = list('profiles');
  const fileApplications = list('applications');
  const fileEvidence = list('evidence');
  const metaOf = (e: JsonObject) => (isObject(e['meta']) ? e['meta'] : {});
  const idOf = (r: JsonObject) => String(r['id']);

  // What the app read is what the file says.
  const { records } = x.backup;
  if (!isDeepStrictEqual(records.profiles, fileProfiles)) problems.push('the profiles read differ from the file');
  if (!isDeepStrictEqual(records.applications, fileApplications))
    problems.push('the applications read differ from the file');
  if (
    !isDeepStrictEqual(
      records.evidence.map((e) => e.meta),
      fileEvidence.map(metaOf),
    )
  )
    problems.push('the evidence details read differ from the file');

  // Every stored record passes the app's own restore, unchanged by it.
  for (const [table, restore] of Object.entries(restorers)) {
    for (const row of x.after[table] ?? []) {
      const restored = restore(row.value);
      if (!restored.ok) problems.push(`${table} "${row.key}" does not restore: ${restored.reason}`);
      else if (!isDeepStrictEqual(restored.record, row.value))
        problems.push(`${table} "${row.key}" changes on restore`);
    }
  }
  const metas = byKey(x.after, 'evidence');
  const blobs = byKey(x.after, 'evidenceBlobs');
  for (const [id, meta] of metas) {
    const blob = Reflect.get(Object(blobs.get(id)), 'blob') as unknown;
    const claimed = { size: Reflect.get(Object(meta), 'size'), sha256: Reflect.get(Object(meta), 'sha256') };
    if (!isObject(blob as Json)) problems.push(`evidence "${id}" has no file`);
    else if (
      !isDeepStrictEqual(
        { size: Reflect.get(Object(blob), 'size'), sha256: Reflect.get(Object(blob), 'sha256') },
        claimed,
      )
    )
      problems.push(`evidence "${id}" has a file that does not match its details`);
  }
  for (const id of blobs.keys()) if (!metas.has(id)) problems.push(`the file "${id}" has no evidence details`);

  // The summary rows follow the applications (storage keeps them in the same transaction).
  const appRows = byKey(x.after, 'applications');
  const summaryRows = byKey(x.after, 'applicationSummaries');
  for (const [id, row] of appRows) {
    const restored = restoreApplication(row);
    if (restored.ok && !isDeepStrictEqual(summaryRows.get(id), summariseApplication(restored.record)))
      problems.push(`the summary of "${id}" does not match it`);
  }
  for (const id of summaryRows.keys()) if (!appRows.has(id)) problems.push(`the summary "${id}" has no application`);

  // Nothing else changed: the tables an import does not write, and (unless replaced) the other work.
  for (const table of Object.keys(x.before)) {
    if (table === 'applicationSummaries') continue;
    if (!importedTables.includes(table) && !isDeepStrictEqual(x.before[table], x.after[table]))
      problems.push(`the ${table} table changed`);
  }
  const fileIds: Record<string, Set<string>> = {
    profiles: new Set(fileProfiles.map(idOf)),
    applications: new Set(fileApplications.map(idOf)),
    evidence: new Set(fileEvidence.map((e) => idOf(metaOf(e)))),
  };
  fileIds['evidenceBlobs'] = fileIds['evidence'] ?? new Set();
  const collided: Record<string, Set<string>> = {};
  for (const table of importedTables) {
    const before = byKey(x.before, table);
    const after = byKey(x.after, table);
    const mine = fileIds[table] ?? new Set<string>();
    collided[table] = new Set([...mine].filter((id) => before.has(id)));
    for (const [id, value] of before) {
      if ((c.onExisting === 'keep-both' || !mine.has(id)) && !isDeepStrictEqual(after.get(id), value))
        problems.push(`${table} "${id}", already stored, was ${after.has(id) ? 'changed' : 'deleted'}`);
    }
    for (const id of after.keys())
      if (!before.has(id) && !mine.has(id) && !x.issued.has(id)) problems.push(`${table} gained an unknown "${id}"`);
  }

  // What the user is asked about: the file's records that already exist.
  const expectExisting = {
    applicationIds: [...(collided['applications'] ?? [])],
    profileIds: [...(collided['profiles'] ?? [])],
  };
  if (!isDeepStrictEqual(x.existing, expectExisting))
    problems.push(`findExisting said ${JSON.stringify(x.existing)}, expected ${JSON.stringify(expectExisting)}`);

  // The file's records are stored as it says. Ids change only for "keep both" beside a stored record.
  const renames = c.onExisting === 'keep-both' && Object.values(collided).some((s) => s.size > 0);
  const renamable = new Set([...(fileIds['profiles'] ?? []), ...(fileIds['evidence'] ?? [])]);
  const isNew = (s: string) => x.issued.has(s);
  const same = (a: unknown, b: unknown) => (renames ? sameModulo(a, b, renamable, isNew) : isDeepStrictEqual(a, b));
  const candidates = (table: string, id: string): [string, unknown][] => {
    const after = byKey(x.after, table);
    const at = after.has(id) ? [[id, after.get(id)] as [string, unknown]] : [];
    return renames ? [...at, ...[...after].filter(([key]) => isNew(key))] : at;
  };
  const exact = (table: string, id: string) => !renames && !(collided[table]?.has(id) ?? false);
  for (const p of fileProfiles) {
    const id = idOf(p);
    const stored = byKey(x.after, 'profiles').get(id);
    if (exact('profiles', id)) {
      if (!isDeepStrictEqual(stored, p)) problems.push(`profile "${id}" is not stored as the file has it`);
    } else if (
      !candidates('profiles', id).some(([key, row]) =>
        same(
          without(p, ['revision', ...(key === id ? [] : ['id'])]),
          without(row, ['revision', ...(key === id ? [] : ['id'])]),
        ),
      )
    )
      problems.push(`profile "${id}" is not stored as the file has it, under its id or a new one`);
  }
  const total = x.report.added + x.report.replaced + x.report.keptBoth + x.report.unchanged;
  if (total !== fileApplications.length || x.report.applicationIds.length !== fileApplications.length)
    problems.push(`the report counts ${total} applications of ${fileApplications.length}`);
  const appsBefore = byKey(x.before, 'applications').size;
  const appsAfter = byKey(x.after, 'applications').size;
  if (appsAfter !== appsBefore + x.report.added + x.report.keptBoth)
    problems.push(
      `${appsAfter - appsBefore} applications were added, the report says ${x.report.added + x.report.keptBoth}`,
    );
  fileApplications.forEach((a, i) => {
    const id = idOf(a);
    const storedId = x.report.applicationIds[i] ?? '';
    const stored = byKey(x.after, 'applications').get(storedId);
    if (stored === undefined) return problems.push(`application "${id}" is not stored (the report says "${storedId}")`);
    if (storedId !== id && !(renames && collided['applications']?.has(id) && isNew(storedId)))
      return problems.push(`application "${id}" was stored as "${storedId}"`);
    const ignore = exact('applications', id) ? [] : ['id', 'revision', 'exportedRevision'];
    if (!same(without(a, ignore), without(stored, ignore)))
      problems.push(`application "${id}" is not stored as the file has it`);
  });
  for (const e of fileEvidence) {
    const meta = metaOf(e);
    const id = idOf(meta);
    if (!strictBase64(e['data'])) {
      problems.push(`evidence "${id}" was imported from data that is not base64`);
      continue;
    }
    const bytes = new Uint8Array(Buffer.from(e['data'], 'base64'));
    const file = { size: bytes.byteLength, sha256: await sha256Of(bytes) };
    if (!isDeepStrictEqual(file, { size: meta['size'], sha256: meta['sha256'] }))
      problems.push(`evidence "${id}" was imported though its data does not match its size and sha256`);
    const holds = (key: string) => {
      const blob = Reflect.get(Object(blobs.get(key)), 'blob') as unknown;
      return isDeepStrictEqual(
        { size: Reflect.get(Object(blob), 'size'), sha256: Reflect.get(Object(blob), 'sha256') },
        file,
      );
    };
    if (exact('evidence', id)) {
      if (!isDeepStrictEqual(metas.get(id), meta) || !holds(id))
        problems.push(`evidence "${id}" is not stored as the file has it`);
      continue;
    }
    // "Keep both" leaves a stored copy of the same file (same bytes, same organisation) as it is.
    const keptStored = c.onExisting === 'keep-both' && collided['evidence']?.has(id) && holds(id);
    const found = candidates('evidence', id).some(
      ([key, row]) =>
        holds(key) && same(without(meta, key === id ? [] : ['id']), without(row, key === id ? [] : ['id'])),
    );
    if (!found && !keptStored)
      problems.push(`evidence "${id}" is not stored as the file has it, under its id or a new one`);
  }

  // The database still makes a backup that the app reads back. Known limit (reported): with more
  // organisations or applications than one file holds, only single applications can be backed up.
  const full =
    byKey(x.after, 'profiles').size <= maxBackupCounts.profiles &&
    byKey(x.after, 'applications').size <= maxBackupCounts.applications;
  const applicationId = x.report.applicationIds[0];
  const scope =
    full || applicationId === undefined ? { kind: 'all' as const } : { kind: 'application' as const, applicationId };
  const again = await exportBackup(x.backend.repositories, { scope, now });
  if (!again.ok) problems.push(`the database no longer backs up: ${again.message}`);
  else {
    const reread = await readBackup(again.text);
    if (!reread.ok) problems.push(`the database's new backup is refused: ${reread.message}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The tests

describe('backup fuzz', () => {
  const seed = fuzzSeed(defaultSeed);
  let cases: FuzzCase[] = [];
  let baseline: Shape = [];

  beforeAll(async () => {
    const source = await sourceDatabase();
    const made = async (options: Parameters<typeof exportBackup>[1]) => {
      const result = await exportBackup(source.repositories, options);
      if (!result.ok) throw new Error(result.message);
      return result.text;
    };
    const plain = await made({ scope: { kind: 'all' }, now });
    const single = await made({ scope: { kind: 'application', applicationId: 'application-1' }, now });
    const envelope = await made({ scope: { kind: 'all' }, passphrase, now });
    source.connection.close();
    const opened = await readBackup(envelope, { passphrase });
    if (!opened.ok || !(await readBackup(plain)).ok) throw new Error('the app refuses its own backup');
    cases = await buildCases(seededRandom(seed), {
      plain,
      single,
      envelope,
      passphrase,
      existing: otherWork,
      encrypt: (text) => encryptBackupText(text, passphrase),
    });
    baseline = prototypeShape();
  }, 60_000);

  it('refuses each damaged or hostile file plainly, or imports it correctly', async () => {
    const { counts, failing, first, byKind, seconds } = await runCorpus(
      words,
      cases,
      (c) => runCase(c, baseline),
      seed,
      (c) => `[${c.kind}] ${c.description}, onExisting ${c.onExisting}`,
    );
    console.info(
      `backup fuzz (seed ${seed}): ${cases.length} cases, ${counts.refused} refused, ${counts.imported} imported, ` +
        `${failing('crashed')} crashed, ${failing('hung')} hung, ${failing('polluted')} polluted, ` +
        `${failing('changed after refusal')} changed after refusal; ${failing('unclear message')} unclear messages, ` +
        `${failing('wrong outcome')} wrong outcomes, ${failing('bad import')} bad imports (${seconds} s)\n` +
        `  by kind (refused/cases): ${byKind}`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(counts.refused + counts.imported + counts.crashed + counts.hung).toBe(cases.length);
    for (const kind of failureKinds) expect(failing(kind), first(kind)).toBe(0);
  }, 120_000);

  it('catches a crash, a hang, pollution, a change after refusal, an unclear message and a bad import', async () => {
    const control = cases.find((c) => c.kind === 'unchanged' && c.onExisting === 'replace');
    if (!control) throw new Error('no control case');
    const refuse = (message: string) => ({ ok: false as const, message });
    const broken: [FailureKind, App, FuzzCase?][] = [
      ['crashed', { ...realApp, read: () => Promise.reject(new TypeError('x is undefined')) }],
      ['hung', { ...realApp, read: () => new Promise<never>(() => undefined) }],
      [
        'polluted',
        {
          ...realApp,
          read: async () => {
            Reflect.set(Object.prototype, 'polluted', 'yes');
            return refuse('This file is not a backup this app can import.');
          },
        },
      ],
      [
        'changed after refusal',
        {
          ...realApp,
          importInto: async (backend) => {
            await backend.repositories.profiles.create(makeProfile({ id: 'half-written' }));
            return refuse('Nothing was imported. The disk is full.');
          },
        },
      ],
      [
        'unclear message',
        { ...realApp, read: async () => refuse('Error: undefined at readBackup (backup-import.ts:12:3)') },
      ],
      ['unclear message', { ...realApp, read: async () => refuse('[object Object]') }],
      [
        'unclear message',
        { ...realApp, read: async () => refuse('Invalid input: expected string, received undefined at x (a.ts:1:2)') },
      ],
      ['unclear message', { ...realApp, read: async () => refuse('[{"code":"invalid_type","path":["profiles"]}]') }],
      ['wrong outcome', realApp, { ...control, expect: 'refused' }],
      [
        'bad import',
        {
          ...realApp,
          importInto: (backend, backup, options) =>
            importBackup(
              {
                applyImport: (build) =>
                  backend.importTarget.applyImport((existing) => {
                    const plan = build(existing);
                    return {
                      ...plan,
                      applications: plan.applications.map((a) => ({ ...a, status: 'exported' as const })),
                    };
                  }),
              },
              backup,
              options,
            ),
        },
      ],
      [
        'bad import',
        {
          ...realApp,
          importInto: async (backend, backup, options) => {
            const result = await importBackup(backend.importTarget, backup, options);
            await backend.repositories.applications.delete(otherWork.applicationId);
            return result;
          },
        },
      ],
    ];
    for (const [kind, app, c] of broken) {
      const result = await runCase(c ?? control, baseline, app, 200);
      expect(
        result.failures.map((f) => f.kind),
        kind,
      ).toContain(kind);
    }
    expect(Reflect.get({}, 'polluted')).toBeUndefined(); // put back by the check
    expect((await runCase(control, baseline)).failures).toEqual([]);
  }, 30_000);
});
