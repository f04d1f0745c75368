// ISO dates in words, in the language of the interface: "1951-06-30" → "30 June 1951", "30. Juni 1951",
// "30 juin 1951", "30 giugno 1951", "30 Iunii 1951". The words come from the language tables
// (src/templates/labels/<lang>.json, "dates"); te:date-label and te:date-range-label in
// xslt/common/functions.xsl apply the same rules to the same words, and both are checked on one table of
// cases (test/build/fixtures/date-labels.json). Pure functions.

/** The words a language writes dates with (the "dates" of a language table). */
export interface DateWords {
  /** Month names standing alone or before a year ("June 1951", Latin "Iunius 1951"). */
  months: string[];
  /** Month names after a day ("30 June", Latin genitive "30 Iunii"). */
  monthsWithDay: string[];
  /** A day of the month, `{day}` its number: "{day}" (30 June), "{day}." (30. Juni). */
  day: string;
  /** What stands for the number of the first day of a month: "1", French "1er", Italian "1º". */
  firstOfMonth: string;
  /** A year before the common era, `{year}` the year as written: "{year} BCE". */
  beforeEra: string;
  /** A date with a time of day: "{date}, {time}". */
  time: string;
}

const DATE = /^(-?)(\d{4,})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** The parts of an ISO date (as te:date-parts in xslt/common/functions.xsl), or undefined when it is none. */
export function dateParts(iso: string): { sign: string; year: string; month: string; day: string; hour: string; minute: string } | undefined {
  const m = DATE.exec(iso.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const [, sign = '', year = '', month = '', day = '', hour = '', minute = ''] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day && (Number(day) < 1 || Number(day) > 31)) return undefined;
  if (hour && (Number(hour) > 24 || Number(minute) > 59)) return undefined;
  return { sign, year, month, day, hour, minute };
}

/** A pattern with its {placeholders} filled; a placeholder without a value stays as it is. */
function fill(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A year without leading zeros; a negative year as a year before the common era ("-0044" → "44 BCE"). */
function yearWords(sign: string, year: string, words: DateWords): string {
  const y = BigInt(year).toString();
  return sign === '-' ? fill(words.beforeEra, { year: y }) : y;
}

/** A day of the month: "30", "30.", "1er". */
function dayWords(day: string, words: DateWords): string {
  return fill(words.day, { day: Number(day) === 1 ? words.firstOfMonth : String(Number(day)) });
}

/** A day and its month: "30 June", "30. Juni", "30 Iunii". */
function dayMonthWords(day: string, month: string, words: DateWords): string {
  return `${dayWords(day, words)} ${words.monthsWithDay[Number(month) - 1]!}`;
}

/**
 * An ISO date in words, as te:date-label: "1951-06-30" → "30 June 1951"; "1951-06" → "June 1951";
 * "0030" → "30"; "1949-01-14T14:00:00" → "14 January 1949, 14:00"; other strings unchanged.
 */
export function dateLabel(iso: string | undefined, words: DateWords): string {
  if (!iso) return '';
  const p = dateParts(iso);
  if (!p) return iso;
  const year = yearWords(p.sign, p.year, words);
  const date = p.day ? `${dayMonthWords(p.day, p.month, words)} ${year}` : p.month ? `${words.months[Number(p.month) - 1]!} ${year}` : year;
  return p.hour ? fill(words.time, { date, time: `${p.hour}:${p.minute}` }) : date;
}

/**
 * A range of ISO dates in words, as te:date-range-label: equal ends collapse; ends within a month or a
 * year share it ("10–15 July 1951", "10 June – 15 July 1951", "June–July 1951"); an empty end gives the other.
 */
export function dateRangeLabel(from: string | undefined, to: string | undefined, words: DateWords): string {
  const f = (from ?? '').trim();
  const t = (to ?? '').trim();
  if (t === '' || t === f) return dateLabel(f, words);
  if (f === '') return dateLabel(t, words);
  const a = dateParts(f);
  const b = dateParts(t);
  if (a && b && JSON.stringify(a) === JSON.stringify(b)) return dateLabel(f, words);
  const plain = a !== undefined && b !== undefined && !a.hour && !b.hour && a.sign === b.sign && BigInt(a.year) === BigInt(b.year);
  if (plain && a.day && b.day && a.month === b.month) return `${dayWords(a.day, words)}–${dateLabel(t, words)}`;
  if (plain && a.day && b.day) return `${dayMonthWords(a.day, a.month, words)} – ${dateLabel(t, words)}`;
  if (plain && a.month && !a.day && b.month && !b.day) return `${words.months[Number(a.month) - 1]!}–${dateLabel(t, words)}`;
  const first = dateLabel(f, words);
  const last = dateLabel(t, words);
  return `${first}${first.includes(' ') || last.includes(' ') ? ' – ' : '–'}${last}`;
}
