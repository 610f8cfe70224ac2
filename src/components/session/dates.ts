/** Dates at the edge of the UI: today's date in the UK (the domain takes dates, never the clock). */
import { formatDate } from '@/domain/rules/values';

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it, and the
// dashboard formats two dates for each of up to 200 applications on every render.
let dayFormat: Intl.DateTimeFormat | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;

export function isoDate(now: Date): string {
  dayFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = dayFormat.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "2026-12-03": the UK day of an ISO date-time. */
export const dayOfDateTime = (iso: string): string => isoDate(new Date(iso));

/** "3 December 2026": the UK day of an ISO date-time, in words. */
export const longDay = (iso: string): string => formatDate(dayOfDateTime(iso));

/** "10:42" in UK time, for "Saved on this computer at 10:42". */
export function timeOfDay(iso: string): string {
  timeFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return timeFormat.format(new Date(iso));
}
