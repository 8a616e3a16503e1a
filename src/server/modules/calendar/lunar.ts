/**
 * The Vietnamese lunar calendar (âm lịch), computed with Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch"): new moons and the sun's longitude from Jean Meeus's formulas, with
 * the day boundaries taken in Vietnam's time zone (UTC+7). The time zone matters: Chinese
 * libraries work in UTC+8 and put some months (e.g. Tết 1985, 2007) on a different day.
 * Good from 1800 to 2199. Only the conversion the holiday data needs is exported.
 */

/** Vietnam's time zone, in hours east of Greenwich (no daylight saving time). */
const TIME_ZONE = 7
const { floor, sin, PI } = Math

/** Julian day number of a Gregorian date. */
function jdFromDate(day: number, month: number, year: number): number {
  const a = floor((14 - month) / 12)
  const y = year + 4800 - a
  const m = month + 12 * a - 3
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045
}

/** Gregorian date of a Julian day number, as 'yyyy-mm-dd'. */
function jdToIsoDate(jd: number): string {
  const a = jd + 32044
  const b = floor((4 * a + 3) / 146097)
  const c = a - floor((b * 146097) / 4)
  const d = floor((4 * c + 3) / 1461)
  const e = c - floor((1461 * d) / 4)
  const m = floor((5 * e + 2) / 153)
  const day = e - floor((153 * m + 2) / 5) + 1
  const month = m + 3 - 12 * floor(m / 10)
  const year = b * 100 + d - 4800 + floor(m / 10)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The moment (Julian day, UTC) of the k-th new moon after 1900-01-01 (Meeus). */
function newMoon(k: number): number {
  const T = k / 1236.85
  const T2 = T * T
  const T3 = T2 * T
  const dr = PI / 180
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
  let c1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M)
  c1 = c1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr)
  c1 = c1 - 0.0004 * sin(dr * 3 * Mpr)
  c1 = c1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr))
  c1 = c1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M))
  c1 = c1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr))
  c1 = c1 + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M))
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2
  return jd1 + c1 - deltaT
}

/** The sun's true longitude (radians, 0..2π) at a Julian day (Meeus, low precision). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525
  const T2 = T * T
  const dr = PI / 180
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M)
  DL = DL + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M)
  const L = (L0 + DL) * dr
  return L - PI * 2 * floor(L / (PI * 2))
}

/** Which of the 12 thirty-degree sectors the sun is in at local midnight starting the day. */
function sunSector(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / PI) * 6)
}

/** The local day (Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + TIME_ZONE / 24)
}

/** The first day of the 11th lunar month (the one holding the winter solstice) of a year. */
function lunarMonth11(year: number): number {
  const off = jdFromDate(31, 12, year) - 2415021
  const k = floor(off / 29.530588853)
  const nm = newMoonDay(k)
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm
}

/** In a leap year, how many months after month 11 the leap month comes (the first without a major solar term). */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
  let i = 1
  let arc = sunSector(newMoonDay(k + i))
  let last: number
  do {
    last = arc
    i++
    arc = sunSector(newMoonDay(k + i))
  } while (arc !== last && i < 14)
  return i - 1
}

/**
 * The Gregorian date ('yyyy-mm-dd') of a lunar date of the Vietnamese calendar (a regular month,
 * not the leap one: every public holiday is in a regular month).
 */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number): string {
  const a11 = lunarMonth < 11 ? lunarMonth11(lunarYear - 1) : lunarMonth11(lunarYear)
  const b11 = lunarMonth < 11 ? lunarMonth11(lunarYear) : lunarMonth11(lunarYear + 1)
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
  let off = lunarMonth - 11
  if (off < 0) off += 12
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11)
    if (off >= leapOff) off += 1
  }
  return jdToIsoDate(newMoonDay(k + off) + lunarDay - 1)
}

/** The Gregorian date of Tết Nguyên Đán (the 1st day of the 1st lunar month) of a year. */
export function lunarNewYear(year: number): string {
  return lunarToSolar(1, 1, year)
}
