/**
 * Deadline arithmetic across time zones with the platform's Intl data only. Hour-based periods
 * are plain UTC arithmetic (72 clock hours stay 72 hours across a DST change); day-based periods
 * count local calendar dates in the law's own time zone and end at the end of the last day.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in minutes (east positive). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-11-24T10:00:00+01:00. */
export function toLocalIso(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off >= 0 ? '+' : '-';
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  );
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time. In a DST gap the
 * later offset is used; in an overlap the earlier instant is returned.
 */
export function zonedToUtc(local: LocalParts, timeZone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let candidate = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // A second pass settles instants whose offset differs from the guess's (near a transition).
  candidate = guess - offsetMinutes(new Date(candidate), timeZone) * 60_000;
  return new Date(candidate);
}

/** YYYY-MM-DD of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

function shiftDate(date: string, days: number): { iso: string; weekday: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { iso: t.toISOString().slice(0, 10), weekday: t.getUTCDay() };
}

function endOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedToUtc({ year: y, month: m, day: d, hour: 23, minute: 59, second: 59 }, timeZone);
}

export function addHours(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * 3_600_000);
}

/** End of the local day that lies `days` calendar days after the start's local date. */
export function addCalendarDays(start: Date, days: number, timeZone: string): Date {
  return endOfLocalDay(shiftDate(localDate(start, timeZone), days).iso, timeZone);
}

export interface BusinessDayResult {
  deadline: Date;
  /** Dates (YYYY-MM-DD) counted as business days, in order. */
  counted: string[];
  /** Weekend days and holidays passed over. */
  skipped: string[];
}

/**
 * End of the `days`-th business day after the start's local date: the start day itself is not
 * counted, Saturdays, Sundays and the given holidays are skipped.
 */
export function addBusinessDays(
  start: Date,
  days: number,
  timeZone: string,
  holidays: ReadonlySet<string> = new Set(),
): BusinessDayResult {
  const startDate = localDate(start, timeZone);
  const counted: string[] = [];
  const skipped: string[] = [];
  for (let offset = 1; counted.length < days; offset++) {
    const { iso, weekday } = shiftDate(startDate, offset);
    if (weekday === 0 || weekday === 6 || holidays.has(iso)) skipped.push(iso);
    else counted.push(iso);
  }
  const last = counted[counted.length - 1] ?? startDate;
  return { deadline: endOfLocalDay(last, timeZone), counted, skipped };
}

/** Hours from `now` to `deadline`, one decimal; negative once overdue. */
export function hoursLeft(deadline: Date, now: Date): number {
  return Math.round((deadline.getTime() - now.getTime()) / 360_000) / 10;
}
