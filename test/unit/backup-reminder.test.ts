// When the app reminds the user to back up (domain/application/backup-reminder.ts), and which
// documents the dashboard lists to renew (domain/application/expiring-evidence.ts).
import { describe, expect, it } from 'vitest';
import { backupReminder, type BackupFacts } from '@/domain/application/backup-reminder';
import { expiringEvidence } from '@/domain/application/expiring-evidence';
import type { EvidenceMeta } from '@/domain/application/application';
import { makeApplication } from '../helpers/storage-fixtures';

const facts = (overrides: Partial<BackupFacts>): BackupFacts => ({
  lastBackupAt: undefined,
  changedAt: [],
  persisted: true,
  today: '2026-11-30',
  dayOf: (iso) => iso.slice(0, 10),
  ...overrides,
});

describe('the reminder to back up', () => {
  it('is not due with nothing changed since the last backup, however old', () => {
    expect(
      backupReminder(facts({ lastBackupAt: '2026-01-01T09:00:00Z', changedAt: ['2025-12-31T09:00:00Z'] })).due,
    ).toBe(false);
    expect(backupReminder(facts({ changedAt: [] })).due).toBe(false);
  });

  it('is due once a change not in a backup is more than 7 days old, counted from the last backup', () => {
    expect(backupReminder(facts({ changedAt: ['2026-11-23T09:00:00Z'] })).due).toBe(false);
    expect(backupReminder(facts({ changedAt: ['2026-11-22T09:00:00Z'] }))).toEqual({
      due: true,
      reason: 'overdue',
      lastBackupOn: undefined,
      daysSince: 8,
    });
    // The backup is 8 days old and something changed after it, even today.
    expect(
      backupReminder(facts({ lastBackupAt: '2026-11-22T09:00:00Z', changedAt: ['2026-11-30T08:00:00Z'] })),
    ).toEqual({ due: true, reason: 'overdue', lastBackupOn: '2026-11-22', daysSince: 8 });
    expect(
      backupReminder(facts({ lastBackupAt: '2026-11-25T09:00:00Z', changedAt: ['2026-11-30T08:00:00Z'] })).due,
    ).toBe(false);
  });

  it('follows the host’s number of days', () => {
    const changed = facts({ changedAt: ['2026-11-27T09:00:00Z'], days: 2 });
    expect(backupReminder(changed).due).toBe(true);
    expect(backupReminder({ ...changed, days: 3 }).due).toBe(false);
  });

  it('is due from the next day when the browser has not agreed to keep the data, not with nothing to back up', () => {
    expect(backupReminder(facts({ persisted: false, changedAt: ['2026-11-30T08:00:00Z'] })).due).toBe(false);
    expect(backupReminder(facts({ persisted: false, changedAt: ['2026-11-29T08:00:00Z'] }))).toMatchObject({
      due: true,
      reason: 'not-persistent',
      daysSince: 1,
    });
    expect(backupReminder(facts({ persisted: false, changedAt: [] })).due).toBe(false);
    // A browser that will not say is treated as keeping it: only the days count.
    expect(backupReminder(facts({ persisted: undefined, changedAt: ['2026-11-30T08:00:00Z'] })).due).toBe(false);
  });
});

describe('documents to renew', () => {
  const meta = (id: string, validUntil: string | undefined, profileId = 'p1'): EvidenceMeta => ({
    formatVersion: 1,
    id,
    profileId,
    name: `${id}.pdf`,
    type: 'application/pdf',
    size: 10,
    sha256: 'a'.repeat(64),
    ...(validUntil ? { validUntil } : {}),
    questionIds: [],
    addedAt: '2026-11-01T09:00:00.000Z',
  });
  const app = makeApplication({ id: 'a1', profileId: 'p1' });
  const starting = { ...app, advert: { ...app.advert, serviceStart: '2027-04-01' } };

  it('lists files expired or expiring within 30 days, soonest first, and leaves the rest out', () => {
    const files = [
      meta('later', '2026-12-30'),
      meta('soon', '2026-12-10'),
      meta('gone', '2026-11-01'),
      meta('none', undefined),
    ];
    const listed = expiringEvidence(files, [app], '2026-11-30');
    expect(listed.map((f) => [f.meta.id, f.expired])).toEqual([
      ['gone', true],
      ['soon', false],
      ['later', false],
    ]);
    expect(expiringEvidence([meta('far', '2026-12-31')], [app], '2026-11-30')).toEqual([]);
  });

  it('lists a file that expires before the service of one of its organisation’s applications starts', () => {
    const listed = expiringEvidence(
      [meta('cert', '2027-03-01'), meta('other', '2027-03-01', 'p2')],
      [starting],
      '2026-11-30',
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]?.before).toEqual({ applicationId: 'a1', serviceStart: '2027-04-01' });
  });
});
