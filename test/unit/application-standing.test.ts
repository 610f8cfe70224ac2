// @vitest-environment node
// Where an application stands, derived from the stored facts (the pack's date and revision) and
// readiness passed in; the facts survive restore, imports and kept versions with their meaning.
import { describe, expect, it } from 'vitest';
import type { Application } from '@/domain/application/application';
import { restoreApplication } from '@/domain/application/restore';
import {
  applicationStanding,
  atRevision,
  changedSinceExport,
  exportAfterAnswerChange,
  keepExportThrough,
  recordExport,
  standingLabel,
  type Standing,
} from '@/domain/application/standing';
import { planImport, type ExistingRecords } from '@/storage/import-plan';
import { planSwap } from '@/storage/kept-versions';
import { at, makeApplication, makeProfile, testDeps } from '../helpers/storage-fixtures';

const packAt = '2027-03-03T10:00:00.000Z';
const exported = (revision: number, exportedRevision: number): Application =>
  makeApplication({ status: 'exported', revision, exportedAt: packAt, exportedRevision });

describe('applicationStanding', () => {
  it.each<[string, Application, boolean | undefined, Standing['kind']]>([
    ['a new application, readiness not evaluated', makeApplication(), undefined, 'draft'],
    ['a new application that is not ready', makeApplication(), false, 'draft'],
    ['an application that is ready', makeApplication({ revision: 12 }), true, 'ready'],
    ['exported, nothing saved since but the record of the export', exported(4, 4), true, 'exported'],
    ['exported, and readiness not known (the dashboard)', exported(4, 4), undefined, 'exported'],
    ['exported, then saved again', exported(5, 4), true, 'changed'],
    ['exported, changed, and no longer ready', exported(9, 4), false, 'changed'],
    [
      'only one of the two facts (never written so): not exported',
      makeApplication({ exportedAt: packAt }),
      true,
      'ready',
    ],
  ])('%s', (_, application, ready, kind) => {
    expect(applicationStanding(application, ready).kind).toBe(kind);
  });

  it('counts a change to the organisation’s answers after the pack as a change', () => {
    const app = exported(4, 4);
    const before = makeProfile({ updatedAt: '2027-03-03T09:59:59.000Z' });
    const after = makeProfile({ updatedAt: '2027-03-03T10:00:01.000Z' });
    expect(changedSinceExport(app, before)).toBe(false);
    expect(changedSinceExport(app, after)).toBe(true);
    expect(applicationStanding(app, true, after)).toEqual({ kind: 'changed', exportedAt: packAt });
    // Offsets are compared as instants, not as text.
    expect(changedSinceExport(app, makeProfile({ updatedAt: '2027-03-03T10:30:00+01:00' }))).toBe(false);
  });

  it('says where it stands in the words the dashboard and task list show', () => {
    expect(standingLabel({ kind: 'draft' })).toBe('Draft');
    expect(standingLabel({ kind: 'ready' })).toBe('Ready to export');
    expect(standingLabel({ kind: 'exported', exportedAt: packAt }, '2027-03-03')).toBe('Pack exported on 3 March 2027');
    expect(standingLabel({ kind: 'changed', exportedAt: packAt }, '2027-03-03')).toBe(
      'Changed since the pack was exported',
    );
  });
});

describe('recording a final pack', () => {
  it('stores the date and the revision the pack shows, and the status', () => {
    const app = recordExport(makeApplication({ revision: 6 }), packAt, 7);
    expect(app).toMatchObject({ status: 'exported', exportedAt: packAt, exportedRevision: 7, revision: 6 });
    // Once the recording is saved (revision 7), nothing has changed since.
    expect(applicationStanding({ ...app, revision: 7 }, true).kind).toBe('exported');
    expect(applicationStanding({ ...app, revision: 8 }, true).kind).toBe('changed');
  });

  it('lets a section be marked complete without reading as changed, only when nothing else is waiting', () => {
    const app = exported(7, 7);
    expect(keepExportThrough(app, { revision: 7, settled: true }).exportedRevision).toBe(8);
    // A save still to come or under way may hold other changes: it then reads as changed.
    expect(keepExportThrough(app, { revision: 7, settled: false })).toBe(app);
    expect(keepExportThrough(exported(9, 7), { revision: 9, settled: true })).toEqual(exported(9, 7));
    expect(keepExportThrough(makeApplication(), { revision: 0, settled: true })).toEqual(makeApplication());
  });

  it('moves a pack revision not yet saved back when an answer changes', () => {
    expect(exportAfterAnswerChange(exported(7, 8), 7).exportedRevision).toBe(7);
    expect(exportAfterAnswerChange(exported(8, 8), 8).exportedRevision).toBe(8);
    expect(exportAfterAnswerChange(makeApplication(), 3)).toEqual(makeApplication());
  });
});

describe('the export facts through restore, imports and kept versions', () => {
  it('restores records with the facts, and older records without them', () => {
    const withFacts = restoreApplication(JSON.parse(JSON.stringify(exported(3, 3))));
    expect(withFacts.ok && withFacts.record.exportedRevision).toBe(3);
    const older = restoreApplication(JSON.parse(JSON.stringify(makeApplication())));
    expect(older.ok && 'exportedAt' in older.record).toBe(false);
    expect(restoreApplication({ ...exported(3, 3), exportedRevision: -1 }).ok).toBe(false);
    expect(restoreApplication({ ...exported(3, 3), exportedAt: '3 March' }).ok).toBe(false);
  });

  it.each([
    ['unchanged', exported(4, 4), 'exported'],
    ['changed', exported(9, 4), 'changed'],
  ] as const)('keeps an %s application so under another revision', (_, app, kind) => {
    for (const revision of [0, 1, 3, 20]) expect(applicationStanding(atRevision(app, revision), true).kind).toBe(kind);
    expect(atRevision(makeApplication(), 5)).toEqual(makeApplication({ revision: 5 }));
  });

  const existing = (apps: Application[]): ExistingRecords => ({
    profiles: new Map([['profile-1', makeProfile()]]),
    applications: new Map(apps.map((a) => [a.id, a])),
    evidence: new Map(),
    keptVersions: new Map(),
  });
  const importing = (app: Application) => ({
    profiles: [makeProfile()],
    applications: [app],
    evidence: [],
    keptVersions: [],
  });

  it('imports a changed application as changed, whether it replaces or sits beside the stored one', () => {
    const stored = makeApplication({ revision: 2, answers: { 'bid.model': 'other' } });
    for (const choice of ['replace', 'keep-both'] as const) {
      const { records } = planImport(importing(exported(9, 4)), existing([stored]), choice, () => 'copy-1');
      const [record] = records.applications;
      expect(record && applicationStanding(record, true).kind, choice).toBe('changed');
      const unchanged = planImport(importing(exported(4, 4)), existing([stored]), choice, () => 'copy-1');
      const [same] = unchanged.records.applications;
      expect(same && applicationStanding(same, true).kind, choice).toBe('exported');
    }
  });

  it('keeps the standing of a kept version used instead', () => {
    const deps = testDeps({ now: () => new Date(at(30)) });
    const kept = {
      formatVersion: 1 as const,
      id: 'kept-1',
      keptAt: at(10),
      reason: 'other-tab' as const,
      kind: 'application' as const,
      record: exported(4, 4),
    };
    const { current } = planSwap(kept, makeApplication({ revision: 11 }), deps);
    expect(current.revision).toBe(12);
    expect(applicationStanding(current as Application, true).kind).toBe('exported');
  });
});
