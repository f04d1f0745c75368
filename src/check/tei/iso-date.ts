// ISO 8601 / W3C (XML Schema) dates as TEI's att.datable uses them: parsing, calendar checks
// and the span of days a (possibly partial) date covers. Pure functions.
import { behaviours } from '../../read/behaviours.js';

export interface DateSpan {
  /** Comparable day keys (year*10000 + month*100 + day); partial dates span their whole period. */
  start: number;
  end: number;
}

export type DateCheck = { ok: true; span?: DateSpan } | { ok: false; reason: string };

const TZ = '(?:Z|[+-](?:(?:0\\d|1[0-3]):[0-5]\\d|14:00))?';
const YEAR = '(-?(?:[1-9]\\d{4,}|\\d{4}))';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?';
const W3C_FORMS: [RegExp, 'year' | 'yearMonth' | 'date' | 'dateTime' | 'time' | 'monthDay' | 'month' | 'day'][] = [
  [new RegExp(`^${YEAR}${TZ}$`), 'year'],
  [new RegExp(`^${YEAR}-(\\d{2})${TZ}$`), 'yearMonth'],
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})${TZ}$`), 'date'],
  [new RegExp(`^${YEAR}-(\\d{2})-(\\d{2})T${TIME}${TZ}$`), 'dateTime'],
  [new RegExp(`^${TIME}${TZ}$`), 'time'],
  [new RegExp(`^--(\\d{2})-(\\d{2})${TZ}$`), 'monthDay'],
  [new RegExp(`^--(\\d{2})${TZ}$`), 'month'],
  [new RegExp(`^---(\\d{2})${TZ}$`), 'day'],
];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const MONTHS = behaviours().months;

function checkParts(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (month !== undefined && (month < 1 || month > 12)) return `month ${String(month).padStart(2, '0')} does not exist`;
  if (day !== undefined) {
    const max = daysInMonth(year, month ?? 1);
    if (day < 1 || (month === undefined ? day > 31 : day > max)) {
      return month === undefined ? `day ${day} does not exist` : `${MONTHS[month - 1]}${year !== undefined ? ` ${year}` : ''} has ${max} days, not ${day}`;
    }
  }
  return undefined;
}

function checkTime(h: number, m: number, s: number): string | undefined {
  if (h === 24 && m === 0 && s === 0) return undefined;
  if (h > 23 || m > 59 || s > 59) return `the time ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')} does not exist`;
  return undefined;
}

function span(year: number, month?: number, day?: number): DateSpan {
  const m1 = month ?? 1;
  const m2 = month ?? 12;
  const d1 = day ?? 1;
  const d2 = day ?? daysInMonth(year, m2);
  return { start: year * 10000 + m1 * 100 + d1, end: year * 10000 + m2 * 100 + d2 };
}

/** A W3C date value (@when, @from, @to, @notBefore, @notAfter). */
export function checkW3cDate(value: string): DateCheck {
  for (const [re, form] of W3C_FORMS) {
    const m = re.exec(value);
    if (!m) continue;
    const n = (i: number): number => Number(m[i]);
    switch (form) {
      case 'year':
        return { ok: true, span: span(n(1)) };
      case 'yearMonth': {
        const bad = checkParts(n(1), n(2), undefined);
        return bad ? { ok: false, reason: bad } : { ok: true, span: span(n(1), n(2)) };
      }
      case 'date':
      case 'dateTime': {
        const bad = checkParts(n(1), n(2), n(3)) ?? (form === 'dateTime' ? checkTime(n(4), n(5), n(6)) : undefined);
        return bad ? { ok: false, reason: bad } : { ok: true, span: span(n(1), n(2), n(3)) };
      }
      case 'time': {
        const bad = checkTime(n(1), n(2), n(3));
        return bad ? { ok: false, reason: bad } : { ok: true };
      }
      case 'monthDay': {
        const bad = checkParts(undefined, n(1), n(2));
        return bad ? { ok: false, reason: bad } : { ok: true };
      }
      case 'month': {
        const bad = checkParts(undefined, n(1), undefined);
        return bad ? { ok: false, reason: bad } : { ok: true };
      }
      case 'day': {
        const bad = checkParts(undefined, undefined, n(1));
        return bad ? { ok: false, reason: bad } : { ok: true };
      }
    }
  }
  return { ok: false, reason: 'it is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)' };
}

/**
 * An ISO 8601 value (@when-iso and friends). ISO allows many forms (weeks, ordinal days,
 * durations); only the calendar forms are checked for impossible dates, the rest pass.
 */
export function checkIsoDate(value: string): DateCheck {
  const m = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[0-9:.,Z+-]*)?$/.exec(value);
  if (!m) return { ok: true };
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  const bad = checkParts(year, month, day);
  return bad ? { ok: false, reason: bad } : { ok: true, span: span(year, month, day) };
}
