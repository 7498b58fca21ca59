// NIK (Nomor Induk Kependudukan): PP KK CC DDMMYY SSSS — province, regency/city and district codes of where it
// was first issued, birth date (day + 40 for women), serial from 0001. There is no check digit, so validation is
// structural: errors block registration, warnings ask the user to confirm.

import { OLD_KALTIM_CODES, regencyName } from "./regency-codes";

export type NikError = "nik.length" | "nik.province" | "nik.regency" | "nik.district" | "nik.date" | "nik.serial";
export type NikWarning = "nik.warnRegency" | "nik.warnOldKaltimCode" | "nik.warnAge";
export type NikMismatch = "nik.mismatchBirthDate" | "nik.mismatchSex";
export type Sex = "M" | "F";

export interface ParsedNik {
  ok: true;
  nik: string;
  provinceCode: string; // "64"
  regencyCode: string; // "64.71"
  districtCode: string; // "64.71.02"
  regencyName: string | null; // known for Kalimantan only
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  serial: string; // "0001"
  age: number; // whole years on `today`
  warnings: NikWarning[];
}

export type NikResult = ParsedNik | { ok: false; errors: NikError[] };

/** Kemendagri province codes. 91–97 also admits the codes of the Papua provinces created in 2022. */
const PROVINCE_CODES = new Set([
  ...["11", "12", "13", "14", "15", "16", "17", "18", "19", "21"],
  ...["31", "32", "33", "34", "35", "36", "51", "52", "53"],
  ...["61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82"],
  ...["91", "92", "93", "94", "95", "96", "97"],
]);
const KALIMANTAN = new Set(["61", "62", "63", "64", "65"]);
const MINIMUM_AGE = 15;
const MAXIMUM_AGE = 100;

/** Strips the spaces, dots and dashes people type or paste between digit groups. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

const pad = (value: number) => String(value).padStart(2, "0");

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole years from `birthDate` to `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Traders are working adults: an age under 15 or over 100 is probably a typo and needs confirming. */
export function ageWarning(birthDate: string, today: string): "nik.warnAge" | null {
  const age = ageOn(birthDate, today);
  return age < MINIMUM_AGE || age > MAXIMUM_AGE ? "nik.warnAge" : null;
}

/**
 * The NIK only has a 2-digit year: take the latest century in which the birth date is not after `today`, which
 * gives an age of 0–99. A person over 100 therefore reads as a child from the NIK alone (the age warning still
 * fires); the over-100 case shows when a typed birth date is checked with ageWarning.
 */
function resolveBirthDate(day: number, month: number, yearOfCentury: number, today: string): string | null {
  const thisCentury = Math.floor(Number(today.slice(0, 4)) / 100) * 100;
  for (const century of [thisCentury, thisCentury - 100]) {
    const year = century + yearOfCentury;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    if (iso <= today) return isCalendarDate(year, month, day) ? iso : null;
  }
  return null;
}

function regencyWarning(provinceCode: string, regencyCode: string): NikWarning | null {
  if (!KALIMANTAN.has(provinceCode) || regencyName(regencyCode)) return null;
  return regencyCode in OLD_KALTIM_CODES ? "nik.warnOldKaltimCode" : "nik.warnRegency";
}

/** Parses and checks a NIK as typed; `today` (YYYY-MM-DD, the user's local date) fixes the century and the age. */
export function parseNik(input: string, today: string): NikResult {
  const nik = normalizeNik(input);
  if (!/^\d{16}$/.test(nik)) return { ok: false, errors: ["nik.length"] };

  const provinceCode = nik.slice(0, 2);
  const regencyCode = `${provinceCode}.${nik.slice(2, 4)}`;
  const districtCode = `${regencyCode}.${nik.slice(4, 6)}`;
  const encodedDay = Number(nik.slice(6, 8));
  const sex: Sex = encodedDay > 40 ? "F" : "M";
  const birthDate = resolveBirthDate(sex === "F" ? encodedDay - 40 : encodedDay, Number(nik.slice(8, 10)), Number(nik.slice(10, 12)), today);
  const serial = nik.slice(12);

  const errors: NikError[] = [];
  if (!PROVINCE_CODES.has(provinceCode)) errors.push("nik.province");
  if (nik.slice(2, 4) === "00") errors.push("nik.regency");
  if (nik.slice(4, 6) === "00") errors.push("nik.district");
  if (!birthDate) errors.push("nik.date");
  if (serial === "0000") errors.push("nik.serial");
  if (errors.length > 0 || !birthDate) return { ok: false, errors };

  const warnings = [regencyWarning(provinceCode, regencyCode), ageWarning(birthDate, today)].filter(
    (warning): warning is NikWarning => warning !== null,
  );

  return {
    ok: true,
    nik,
    provinceCode,
    regencyCode,
    districtCode,
    regencyName: regencyName(regencyCode) ?? regencyName(OLD_KALTIM_CODES[regencyCode] ?? ""),
    birthDate,
    sex,
    serial,
    age: ageOn(birthDate, today),
    warnings,
  };
}

/**
 * Compares what was typed with what the NIK encodes. The NIK holds only a 2-digit year, so a typed birth date
 * agrees when day, month and year-of-century match (a 101-year-old's 1925 matches "25").
 */
export function checkNikAgainst(parsed: ParsedNik, typed: { birthDate?: string | null; sex?: Sex | null }): NikMismatch[] {
  const mismatches: NikMismatch[] = [];
  if (typed.birthDate && typed.birthDate.slice(2) !== parsed.birthDate.slice(2)) mismatches.push("nik.mismatchBirthDate");
  if (typed.sex && typed.sex !== parsed.sex) mismatches.push("nik.mismatchSex");
  return mismatches;
}
