/**
 * Reads typed answers as values the rules can compare: money in pounds, numbers, and dates as
 * ISO `YYYY-MM-DD` strings. Pure date arithmetic on calendar days (no time zones, no clock).
 */
import type { AnswerValue, DateParts } from '@/domain/answers/answer-value';

// Its own guard, not answer-value's: that module builds the zod schemas, and date formatting is
// used by the app shell, which must not load zod before the home page paints.
const isDateParts = (v: unknown): v is DateParts =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'day' in v && 'month' in v && 'year' in v;

/** "£5,000,000", "5000000.00", "5,000,000" → 5000000. Anything else → null. */
export function parseMoney(raw: string): number | null {
  const s = raw.trim().replace(/^£\s*/, '');
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/,/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** A real calendar date from its three typed parts, or null. Years from 1900 to 2200. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  if (![day, month, year].every((p) => /^\s*\d+\s*$/.test(p))) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The ISO date an answer holds, if it is a complete real date. */
/** "2027-04-01" → { day: "1", month: "4", year: "2027" }, as a date input shows it; blank parts for none. */
export function datePartsOf(iso: string | undefined): { day: string; month: string; year: string } {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export function answerDate(value: AnswerValue | undefined): string | null {
  if (isDateParts(value)) return dateFromParts(value.day, value.month, value.year);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y = '', m = '', d = ''] = value.split('-');
    return dateFromParts(d, m, y);
  }
  return null;
}

/** Days since 1970-01-01 for an ISO date (proleptic Gregorian). */
function toDayNumber(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  const jdn =
    d +
    Math.floor((153 * mm + 2) / 5) +
    365 * yy +
    Math.floor(yy / 4) -
    Math.floor(yy / 100) +
    Math.floor(yy / 400) -
    32045;
  return jdn - 2440588;
}

function fromDayNumber(n: number): string {
  const jdn = n + 2440588;
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Adds calendar months, keeping the day where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return toDayNumber(toIso) - toDayNumber(fromIso);
}

/** "2026-11-22" → "22 November 2026", the NHS style for dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${d} ${months[(m ?? 1) - 1] ?? ''} ${y}`;
}

/**
 * A number as `toLocaleString('en-GB')` writes it ("200,000", "1,234.5", "-0.125"): digits
 * grouped in threes with commas, at most three decimal places, rounded half away from zero from
 * the number's shortest decimal form (as Intl does). Written out rather than asked of Intl
 * because the first use of Intl's number formatting loads its locale data, which took over 150 ms
 * on a slow PC while the app was starting (issue 13). A unit test compares it with Intl.
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [whole = '0', fraction = ''] = roundToThousandths(plainDigits(Math.abs(value))).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${fraction ? `${grouped}.${fraction}` : grouped}`;
}

/** The shortest decimal form of a non-negative number, without an exponent ("1e+21" → "1000…0"). */
function plainDigits(value: number): string {
  const text = String(value);
  const [mantissa = '0', exponent] = text.split('e');
  if (exponent === undefined) return text;
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = `${whole}${fraction}`;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${digits}${'0'.repeat(point - digits.length)}`;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Decimal digits rounded half up to at most three places, without trailing zeros. */
function roundToThousandths(digits: string): string {
  const [whole = '0', fraction = ''] = digits.split('.');
  if (fraction.length <= 3) return fraction ? `${whole}.${fraction}`.replace(/\.?0+$/, '') : whole;
  const kept = `${whole}${fraction.slice(0, 3)}`;
  const rounded = Number(fraction[3]) >= 5 ? increment(kept) : kept;
  const point = rounded.length - 3;
  return `${rounded.slice(0, point)}.${rounded.slice(point)}`.replace(/\.?0+$/, '');
}

/** Adds one to a string of decimal digits. */
function increment(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}
