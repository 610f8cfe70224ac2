/** Dates at the edge of the UI: today's date in the UK (the domain takes dates, never the clock). */
import { formatDate } from '@/domain/rules/values';
import { ukWallClock } from '@/domain/rules/uk-time';

/** "2026-12-03": the UK day of an instant. */
export function isoDate(now: Date): string {
  return ukWallClock(now.getTime()).date;
}

/** "2026-12-03": the UK day of an ISO date-time. */
export const dayOfDateTime = (iso: string): string => isoDate(new Date(iso));

/** "3 December 2026": the UK day of an ISO date-time, in words. */
export const longDay = (iso: string): string => formatDate(dayOfDateTime(iso));

/** "10:42" in UK time, for "Saved on this computer at 10:42". */
export function timeOfDay(iso: string): string {
  return ukWallClock(Date.parse(iso)).time;
}
