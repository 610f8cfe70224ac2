// ukWallClock gives the UK's day and time of an instant without Intl (issue 13), exactly as Intl's
// Europe/London does: on every minute around each clock change from 1996 to 2040, and on 20,000
// seeded random instants across those years; before 1996 it asks Intl.
import { describe, expect, it } from 'vitest';
import { britishSummerTime, intlWallClock, ukWallClock } from '@/domain/rules/uk-time';
import { seededRandom } from '../helpers/storage-fixtures';

describe('ukWallClock', () => {
  it('agrees with Intl around every clock change from 1996 to 2040, to the minute', () => {
    const differing: string[] = [];
    for (let year = 1996; year <= 2040; year += 1)
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let minute = -90; minute <= 90; minute += 1) {
          const ms = change + minute * 60_000;
          const ours = ukWallClock(ms);
          const theirs = intlWallClock(ms);
          if (ours.date !== theirs.date || ours.time !== theirs.time) differing.push(new Date(ms).toISOString());
        }
      }
    expect(differing).toEqual([]);
  });

  it('agrees with Intl on 20,000 random instants from 1996 to 2040', () => {
    const random = seededRandom(20261207);
    const from = Date.UTC(1996, 0, 1);
    const to = Date.UTC(2041, 0, 1);
    const differing = Array.from({ length: 20_000 }, () => from + Math.floor(random() * (to - from))).filter((ms) => {
      const ours = ukWallClock(ms);
      const theirs = intlWallClock(ms);
      return ours.date !== theirs.date || ours.time !== theirs.time;
    });
    expect(differing.map((ms) => new Date(ms).toISOString())).toEqual([]);
  });

  it('knows summer time from winter', () => {
    expect(britishSummerTime(Date.UTC(2026, 6, 1))).toBe(true);
    expect(britishSummerTime(Date.UTC(2026, 11, 7))).toBe(false);
    expect(ukWallClock(Date.UTC(2026, 6, 1, 23, 30))).toEqual({ date: '2026-07-02', time: '00:30' });
    expect(ukWallClock(Date.UTC(2026, 11, 31, 23, 30))).toEqual({ date: '2026-12-31', time: '23:30' });
  });

  it('asks Intl for instants before 1996, under the older rules', () => {
    const asked: number[] = [];
    const intl = (ms: number) => (asked.push(ms), intlWallClock(ms));
    const ms = Date.UTC(1995, 9, 28, 12);
    expect(ukWallClock(ms, intl)).toEqual(intlWallClock(ms));
    expect(asked).toEqual([ms]);
  });
});
