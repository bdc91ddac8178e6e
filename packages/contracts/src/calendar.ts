import chineseDays from 'chinese-days';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/*
 * The business calendar. A calendar date is a `YYYY-MM-DD` string with no time zone; an instant is
 * a moment (ISO-8601 UTC in the API). "Today", due dates and date filters are dates where the
 * business is, Asia/Shanghai unless an entity says otherwise, never UTC's: 00:30 in Beijing on
 * 5 March is still 4 March in UTC.
 *
 * Working days follow the State Council's holiday schedule (法定节假日 and 调休 working weekends)
 * as published in `chinese-days`; for years it has not published yet, Monday to Friday.
 */

/** Where Concord's users are unless an entity says otherwise (China Standard Time, no DST). */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDate(date: string) {
  if (!DATE.test(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const day = dayjs.utc(date);
  if (!day.isValid() || day.format('YYYY-MM-DD') !== date) throw new RangeError(`No such date: ${date}`);
  return day;
}

/** True for a real `YYYY-MM-DD` date (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return DATE.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

/** The calendar date in `timeZone` at an instant: 2026-03-04T16:30Z → "2026-03-05" in Shanghai. */
export function businessDate(instant: Date | string | number, timeZone: string = BUSINESS_TIME_ZONE): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return dayFormat(timeZone).format(at);
}

// Asked on every request (what is overdue today): a formatter per zone, built once, is far cheaper
// than converting through dayjs's time-zone plugin each time. en-CA writes dates as YYYY-MM-DD.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The instant of a local time on a date in `timeZone`, as ISO UTC:
 * zonedInstant('2026-03-05', '08:30') → "2026-03-05T00:30:00.000Z".
 */
export function zonedInstant(date: string, time = '00:00', timeZone: string = BUSINESS_TIME_ZONE): string {
  calendarDate(date);
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(time)) throw new RangeError(`Not a time (HH:mm): ${time}`);
  return dayjs.tz(`${date} ${time.length === 5 ? `${time}:00` : time}`, timeZone).toISOString();
}

/**
 * The instants a calendar date covers in `timeZone`, half open [from, to): what a date filter
 * "from 2026-03-05 to 2026-03-06" on an instant column means.
 */
export function businessDayRange(
  date: string,
  timeZone: string = BUSINESS_TIME_ZONE,
): { from: string; to: string } {
  return {
    from: zonedInstant(date, '00:00', timeZone),
    to: zonedInstant(addDays(date, 1), '00:00', timeZone),
  };
}

/** `YYYY-MM-DD` plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  return calendarDate(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return calendarDate(to).diff(calendarDate(from), 'day');
}

/** A working day in mainland China: a weekday that is no public holiday, or a 调休 working weekend. */
export function isWorkingDay(date: string): boolean {
  calendarDate(date);
  return chineseDays.isWorkday(date);
}

/** A public holiday or a weekend that is not worked. */
export const isRestDay = (date: string): boolean => !isWorkingDay(date);

/**
 * The date `n` working days after `date` (before it for negative n); the start date itself does not
 * count, so a reply due "within 3 working days" of a Friday falls on Wednesday. n = 0 returns the
 * date unchanged.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  let day = date;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The working days from `from` to `to`, both included, in order. */
export function workingDaysInRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from, n = daysBetween(from, to); n >= 0; day = addDays(day, 1), n -= 1) {
    if (isWorkingDay(day)) days.push(day);
  }
  return days;
}

/** How many working days lie from `from` to `to`, both included (0 when `to` is earlier). */
export const countWorkingDays = (from: string, to: string): number => workingDaysInRange(from, to).length;

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}
