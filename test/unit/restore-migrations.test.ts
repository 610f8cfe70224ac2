// @vitest-environment node
// Every released record format has a fixture in test/fixtures/formats/ that must restore to the
// latest format, both as a plain value and from a database written in that format; restoring
// (and rewriting a table) twice changes nothing. The upgrade chain itself is proved on a
// made-up version 2, so adding the real one is a single function.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { currentFormatVersion } from '@/domain/application/application';
import {
  recordKinds,
  restoreApplication,
  restoreEvidenceMeta,
  restoreProfile,
  restoreRecord,
  restoreSettings,
  type RecordKind,
} from '@/domain/application/restore';
import { rewriteInLatestFormat, settingsKey } from '@/storage/db';
import { dexieBackend } from '../helpers/storage-fixtures';

const dir = path.resolve('test/fixtures/formats');
const Fixture = z.object({
  formatVersion: z.number().int(),
  records: z.object({ profile: z.unknown(), application: z.unknown(), evidence: z.unknown(), settings: z.unknown() }),
});
const fixtures = readdirSync(dir)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => ({ file, ...Fixture.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))) }));

const restorers = [
  ['profile', restoreProfile],
  ['application', restoreApplication],
  ['evidence', restoreEvidenceMeta],
  ['settings', restoreSettings],
] as const;

describe('format versions', () => {
  it('has a fixture for every released format version', () => {
    const versions = fixtures.map((f) => f.formatVersion).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: currentFormatVersion }, (_, i) => i + 1));
    for (const f of fixtures) expect(f.file).toBe(`v${f.formatVersion}.json`);
  });

  it('has one upgrade per earlier version for every record kind', () => {
    for (const kind of recordKinds) expect(kind.upgrades).toHaveLength(currentFormatVersion - 1);
  });

  describe.each(fixtures)('$file', ({ records }) => {
    it.each(restorers)('restores the %s to the latest format, and restoring again changes nothing', (kind, restore) => {
      const first = restore(records[kind]);
      if (!first.ok) throw new Error(first.message);
      expect(first.record.formatVersion).toBe(currentFormatVersion);
      const second = restore(first.record);
      expect(second).toEqual(first);
      expect(restore(JSON.parse(JSON.stringify(first.record)))).toEqual(first);
    });

    it('is read from a database written in that format, and rewriting it twice changes nothing', async () => {
      const { connection, repositories } = dexieBackend();
      const { db } = connection;
      await db.profiles.put(records.profile);
      await db.applications.put(records.application);
      await db.evidence.put(records.evidence);
      await db.settings.put(records.settings, settingsKey);
      const expected = {
        profile: restoreProfile(records.profile),
        application: restoreApplication(records.application),
        evidence: restoreEvidenceMeta(records.evidence),
      };
      for (const result of Object.values(expected)) if (!result.ok) throw new Error(result.message);
      const [profile] = await repositories.profiles.list();
      const [application] = await repositories.applications.list();
      expect(profile).toEqual(expected.profile.ok && expected.profile.record);
      expect(application).toEqual(expected.application.ok && expected.application.record);
      expect(await repositories.evidence.get(String(Reflect.get(Object(records.evidence), 'id')))).toEqual(
        expected.evidence.ok && expected.evidence.record,
      );
      expect((await repositories.settings.get()).persistence).toBe('denied');

      const snapshot = async () => ({
        profiles: await db.profiles.toArray(),
        applications: await db.applications.toArray(),
        evidence: await db.evidence.toArray(),
      });
      const rewriteAll = () =>
        db.transaction('rw', db.profiles, db.applications, db.evidence, async () => {
          await rewriteInLatestFormat(db.profiles, restoreProfile);
          await rewriteInLatestFormat(db.applications, restoreApplication);
          await rewriteInLatestFormat(db.evidence, restoreEvidenceMeta);
        });
      await rewriteAll();
      const once = await snapshot();
      await rewriteAll();
      expect(await snapshot()).toEqual(once);
      expect(once.applications).toEqual([expected.application.ok && expected.application.record]);
      connection.close();
    });
  });
});

describe('the upgrade chain', () => {
  // A made-up format 2 that renames `name` to `title`: what releasing a real one looks like.
  const V2 = z.strictObject({ formatVersion: z.literal(2), id: z.string(), title: z.string() });
  const kind: RecordKind<z.infer<typeof V2>> = {
    label: 'note',
    schema: V2,
    upgrades: [({ name, ...rest }) => ({ ...rest, title: name, formatVersion: 2 })],
  };

  it('upgrades an earlier version, and leaves the latest as it is', () => {
    const upgraded = restoreRecord(kind, { formatVersion: 1, id: 'n1', name: 'Minutes' });
    expect(upgraded).toEqual({ ok: true, record: { formatVersion: 2, id: 'n1', title: 'Minutes' } });
    if (upgraded.ok) expect(restoreRecord(kind, upgraded.record)).toEqual(upgraded);
  });

  it('refuses a version newer than it knows, telling the user to reload', () => {
    const result = restoreRecord(kind, { formatVersion: 3, id: 'n1', title: 'x' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/newer version of this app.*Reload/) });
  });

  it('reports an upgrade that fails instead of throwing', () => {
    const throwing: RecordKind<z.infer<typeof V2>> = {
      ...kind,
      upgrades: [
        () => {
          throw new Error('bad data');
        },
      ],
    };
    expect(restoreRecord(throwing, { formatVersion: 1, id: 'n1' })).toMatchObject({
      ok: false,
      message: 'The saved note could not be read: it could not be upgraded from format 1.',
    });
  });
});

describe('restore refuses what is not a record, without throwing', () => {
  it.each([
    [null, 'it is not a record'],
    [undefined, 'it is not a record'],
    ['a string', 'it is not a record'],
    [[{ formatVersion: 1 }], 'it is not a record'],
    [new Date(0), 'it is not a record'],
    [{}, 'it has no format version'],
    [{ formatVersion: '1' }, 'it has no format version'],
    [{ formatVersion: 0 }, 'it has no format version'],
    [{ formatVersion: 1.5 }, 'it has no format version'],
    [{ formatVersion: 1, id: 'x' }, '"profileId"'],
  ])('%j', (raw, why) => {
    const result = restoreApplication(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(why);
      expect(result.message).toMatch(/^The saved application could not be read: /);
    }
  });

  it('refuses extra fields, such as __proto__', () => {
    const fixture = fixtures[0]?.records.application;
    const hostile: unknown = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(fixture).slice(1)}`);
    expect(restoreApplication(hostile).ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
