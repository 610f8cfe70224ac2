/**
 * The UK's wall-clock day and time of an instant (Europe/London: GMT, and BST from 01:00 UTC on
 * the last Sunday in March to 01:00 UTC on the last Sunday in October, the rule since 1996),
 * worked out rather than asked of Intl: the first Intl date format with a time zone makes the
 * browser load its time-zone data, a task of about 100 ms on a slow PC that every page showing a
 * date paid while it started (issue 13). Instants before 1996 (under older rules) are left to
 * Intl. Pure: the caller passes the instant. A unit test compares it with Intl across the years.
 */

export interface UkWallClock {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:MM, 24-hour */
  readonly time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 01:00 UTC on the last Sunday of a month (0-based) of a year, in milliseconds. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, sunday, 1);
}

/** Whether British Summer Time is in force at an instant (from 1996 on). */
export function britishSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9);
}

/** The UK day and time of an instant (milliseconds since 1970). */
export function ukWallClock(ms: number, intl: (ms: number) => UkWallClock = intlWallClock): UkWallClock {
  if (!Number.isFinite(ms)) return { date: 'NaN-NaN-NaN', time: 'NaN:NaN' };
  if (new Date(ms).getUTCFullYear() < 1996) return intl(ms);
  const local = new Date(ms + (britishSummerTime(ms) ? 3_600_000 : 0));
  return {
    date: `${String(local.getUTCFullYear()).padStart(4, '0')}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

let format: Intl.DateTimeFormat | undefined;

/** The same through Intl (for instants before 1996, and for the test that compares the two). */
export function intlWallClock(ms: number): UkWallClock {
  format ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = format.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
