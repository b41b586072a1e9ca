/**
 * The Vietnamese lunisolar calendar, computed astronomically for a time zone (UTC+7 for Vietnam since 1968).
 *
 * Rules (as described by Hồ Ngọc Đức, the reference for Vietnam's calendar):
 * - a month starts on the local day holding the new moon;
 * - month 11 is the month that contains the December solstice;
 * - a "suì" runs from one month 11 to the next; when it has 13 months, the first month after month 11 that
 *   contains no major solar term (the sun stays in one 30° sector of longitude) is the leap month and takes
 *   the number of the month before it.
 * The astronomy uses Meeus's classic low-precision series for the mean new moon and for the sun's longitude,
 * as the reference does, so that borderline years (a new moon near local midnight) fall the same way.
 * Valid roughly for 1900–2199; Vietnam differs from China (UTC+8) in years such as 1985, 2007 and 2030.
 */
import { AppError } from '../../contract/errors';
import { fromJdn, toJdn, type LocalDate } from './civil';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export const VIETNAM_TZ = 7;

const RAD = Math.PI / 180;
/** Mean synodic month in days. */
const SYNODIC_MONTH = 29.530588853;
/** JD (UT) of the mean new moon numbered k = 0, 1900-01-01. */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian Day (UT, fractional) of new moon number k, counted from the new moon of 1900-01-01. */
export function newMoonJd(k: number): number {
  const t = k / 1236.85; // Julian centuries from 1900
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const moonLatitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * moonLatitude) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * moonLatitude + sunAnomaly) -
    0.0004 * Math.sin(2 * moonLatitude - sunAnomaly) -
    0.0006 * Math.sin(2 * moonLatitude + moonAnomaly) +
    0.001 * Math.sin(2 * moonLatitude - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (TT − UT) in days: the series above yields dynamical time.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Local day (JDN) on which new moon k falls. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + tz / 24);
}

/** Apparent ecliptic longitude of the sun in radians [0, 2π) at Julian Day `jd` (UT). */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525; // Julian centuries from J2000
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  const longitude = (meanLongitude + centre) * RAD;
  const full = 2 * Math.PI;
  return ((longitude % full) + full) % full;
}

/** The 30° sector (0–11) the sun is in at the start of local day `jdn`; sector 9 begins at the solstice. */
function sunSector(jdn: number, tz: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - tz / 24) / (Math.PI / 6));
}

/** First day (JDN) of the lunar month 11 that contains the December solstice of Gregorian year `y`. */
function month11Start(y: number, tz: number): number {
  const k = Math.floor((toJdn(y, 12, 31) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // A new moon on or after the solstice starts month 12, so month 11 began one lunation earlier.
  return sunSector(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

interface MonthStart {
  jdn: number;
  month: number;
  leap: boolean;
}

const suiCache = new Map<string, MonthStart[]>();

/**
 * Months of the suì that ends with the month 11 of Gregorian year `y`: from month 11 of year y−1 up to,
 * not including, month 11 of year y. Holds months 11 and 12 of lunar year y−1, then months 1–10 of lunar year y.
 */
function suiMonths(y: number, tz: number): MonthStart[] {
  const key = `${y}|${tz}`;
  const cached = suiCache.get(key);
  if (cached) return cached;
  const first = month11Start(y - 1, tz);
  const next = month11Start(y, tz);
  const k0 = Math.floor((first - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  const starts: number[] = [];
  for (let i = 0; ; i++) {
    const jdn = newMoonDay(k0 + i, tz);
    if (jdn >= next) break;
    starts.push(jdn);
  }
  let leapIndex = -1;
  if (starts.length === 13) {
    // The first month (after month 11) in which the sun enters no new sector has no major term.
    for (let i = 1; i < 13; i++) {
      const end = i + 1 < starts.length ? (starts[i + 1] as number) : next;
      if (sunSector(starts[i] as number, tz) === sunSector(end, tz)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: MonthStart[] = [];
  let number = 11;
  starts.forEach((jdn, i) => {
    if (i === leapIndex) {
      months.push({ jdn, month: months[i - 1]?.month ?? 11, leap: true });
      return;
    }
    months.push({ jdn, month: number, leap: false });
    number = number === 12 ? 1 : number + 1;
  });
  if (suiCache.size > 512) suiCache.clear();
  suiCache.set(key, months);
  return months;
}

function lunarFromJdn(jdn: number, tz: number): LunarDate {
  const { y } = fromJdn(jdn);
  // The suì holding this day ends with month 11 of this year, or of next year once that month has begun.
  const suiYear = jdn >= month11Start(y, tz) ? y + 1 : y;
  const months = suiMonths(suiYear, tz);
  let index = months.length - 1;
  while (index > 0 && (months[index] as MonthStart).jdn > jdn) index--;
  const month = months[index] as MonthStart;
  // Months before the first month 1 (11, 12 and a leap 11/12) still belong to the previous lunar year.
  const firstMonthOne = months.findIndex((m) => m.month === 1 && !m.leap);
  return {
    day: jdn - month.jdn + 1,
    month: month.month,
    year: index < firstMonthOne ? suiYear - 1 : suiYear,
    leap: month.leap,
  };
}

export function solarToLunar(y: number, m: number, d: number, tz: number = VIETNAM_TZ): LunarDate {
  return lunarFromJdn(toJdn(y, m, d), tz);
}

/** JDN of a lunar date; throws CALENDAR_BAD_LUNAR_DATE for a month or day that does not exist that year. */
export function lunarToJdn(day: number, month: number, year: number, leap = false, tz: number = VIETNAM_TZ): number {
  const invalid = (): AppError =>
    new AppError('CALENDAR_BAD_LUNAR_DATE', { day, month, year, leap }, { field: 'lunarDate' });
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 30) {
    throw invalid();
  }
  // Months 11 and 12 of lunar year Y sit at the start of the suì that ends in Gregorian year Y+1.
  const months = suiMonths(month >= 11 ? year + 1 : year, tz);
  const index = months.findIndex((m) => m.month === month && m.leap === leap);
  if (index < 0) throw invalid();
  const start = (months[index] as MonthStart).jdn;
  const nextStart = index + 1 < months.length ? (months[index + 1] as MonthStart).jdn : month11Start(month >= 11 ? year + 1 : year, tz);
  if (day > nextStart - start) throw invalid();
  return start + day - 1;
}

export function lunarToSolar(day: number, month: number, year: number, leap = false, tz: number = VIETNAM_TZ): LocalDate {
  return fromJdn(lunarToJdn(day, month, year, leap, tz));
}

/** Gregorian date of Tết (lunar 1/1) of the lunar year that begins in Gregorian year `year`. */
export function tetDate(year: number, tz: number = VIETNAM_TZ): LocalDate {
  return lunarToSolar(1, 1, year, false, tz);
}

/** Hùng Kings' commemoration day: lunar 10/3 (the ordinary 3rd month when the year has a leap 3rd month). */
export function hungKingsDate(year: number, tz: number = VIETNAM_TZ): LocalDate {
  return lunarToSolar(10, 3, year, false, tz);
}
