import { describe, expect, it } from "vitest";
import { ageWarning, checkNikAgainst, parseNik, type NikResult, type ParsedNik } from "../../app/domain/nik";
import { KALIMANTAN_REGENCIES, OLD_KALTIM_CODES } from "../../app/domain/regency-codes";

const today = "2026-11-20";

function parsed(result: NikResult): ParsedNik {
  if (!result.ok) throw new Error(`Expected a valid NIK, got ${result.errors.join(", ")}`);
  return result;
}
const errorsOf = (input: string, on = today) => {
  const result = parseNik(input, on);
  return result.ok ? [] : result.errors;
};
const warningsOf = (input: string, on = today) => parsed(parseNik(input, on)).warnings;

describe("parseNik reads the parts of a valid NIK", () => {
  it("splits a Pontianak man's NIK into codes, birth date, sex and serial", () => {
    expect(parseNik("6171021505850001", today)).toEqual({
      ok: true,
      nik: "6171021505850001",
      provinceCode: "61",
      regencyCode: "61.71",
      districtCode: "61.71.02",
      regencyName: "Kota Pontianak",
      birthDate: "1985-05-15",
      sex: "M",
      serial: "0001",
      age: 41,
      warnings: [],
    });
  });

  it("reads a woman's birth day as the encoded day minus 40", () => {
    expect(parsed(parseNik("6471025505850002", today))).toMatchObject({ birthDate: "1985-05-15", sex: "F" });
    expect(parsed(parseNik("6471027112850002", today))).toMatchObject({ birthDate: "1985-12-31", sex: "F" });
    expect(parsed(parseNik("6471024101850002", today))).toMatchObject({ birthDate: "1985-01-01", sex: "F" });
  });

  it("ignores the spaces, dots and dashes people type between groups", () => {
    expect(parsed(parseNik(" 6171 0215 0585 0001 ", today)).nik).toBe("6171021505850001");
    expect(parsed(parseNik("61.71.02.150585.0001", today)).nik).toBe("6171021505850001");
    expect(parsed(parseNik("61-71-02-150585-0001", today)).nik).toBe("6171021505850001");
  });
});

describe("parseNik birth dates", () => {
  it("accepts 29 February 2000, a leap day, for men and women", () => {
    expect(parsed(parseNik("6471012902000003", today)).birthDate).toBe("2000-02-29");
    expect(parsed(parseNik("6471016902000004", today))).toMatchObject({ birthDate: "2000-02-29", sex: "F" });
  });

  it("refuses 29 February in a year that is not a leap year", () => {
    expect(errorsOf("6471012902010003")).toEqual(["nik.date"]);
    expect(errorsOf("6471016902010003")).toEqual(["nik.date"]);
  });

  it("refuses days and months that do not exist", () => {
    for (const date of ["000585", "320585", "400585", "720585", "151385", "150085", "310485", "710485"]) {
      expect(errorsOf(`617102${date}0001`), date).toEqual(["nik.date"]);
    }
  });

  it("resolves the 2-digit year to the latest century that is not in the future", () => {
    expect(parsed(parseNik("6171021505260001", "2026-11-20")).birthDate).toBe("2026-05-15");
    expect(parsed(parseNik("6171021505260001", "2026-03-01"))).toMatchObject({ birthDate: "1926-05-15", age: 99 });
    expect(parsed(parseNik("6171021505990001", today)).birthDate).toBe("1999-05-15");
  });
});

describe("parseNik errors", () => {
  it("refuses anything but 16 digits", () => {
    expect(errorsOf("617102150585000")).toEqual(["nik.length"]);
    expect(errorsOf("61710215058500011")).toEqual(["nik.length"]);
    expect(errorsOf("61710215058500AB")).toEqual(["nik.length"]);
    expect(errorsOf("")).toEqual(["nik.length"]);
  });

  it("refuses unknown province codes and accepts every real one", () => {
    expect(errorsOf("2071021505850001")).toEqual(["nik.province"]);
    expect(errorsOf("1071021505850001")).toEqual(["nik.province"]);
    expect(errorsOf("9871021505850001")).toEqual(["nik.province"]);
    for (const province of ["11", "19", "21", "31", "36", "51", "53", "65", "71", "76", "81", "82", "91", "97"]) {
      expect(errorsOf(`${province}71021505850001`), province).toEqual([]);
    }
  });

  it("refuses regency or district code 00 and serial 0000", () => {
    expect(errorsOf("6100021505850001")).toEqual(["nik.regency"]);
    expect(errorsOf("6171001505850001")).toEqual(["nik.district"]);
    expect(errorsOf("6171021505850000")).toEqual(["nik.serial"]);
  });

  it("reports every error at once", () => {
    expect(errorsOf("9900003213850000")).toEqual(["nik.province", "nik.regency", "nik.district", "nik.date", "nik.serial"]);
  });
});

describe("parseNik warnings", () => {
  it("warns when a Kalimantan regency code is not in the current list", () => {
    expect(warningsOf("6199021505850001")).toEqual(["nik.warnRegency"]);
    expect(warningsOf("6413021505850001")).toEqual(["nik.warnRegency"]);
    expect(parsed(parseNik("6199021505850001", today)).regencyName).toBeNull();
  });

  it("warns specifically about the Kaltim codes Kaltara regencies used before 2012 and names the place", () => {
    for (const code of ["6404", "6405", "6406", "6410", "6473"]) {
      expect(warningsOf(`${code}021505850001`), code).toEqual(["nik.warnOldKaltimCode"]);
    }
    expect(parsed(parseNik("6473021505850001", today)).regencyName).toBe("Kota Tarakan");
  });

  it("does not warn for current codes in Kalimantan or any code elsewhere", () => {
    for (const code of ["6171", "6271", "6371", "6408", "6471", "6571"]) expect(warningsOf(`${code}021505850001`), code).toEqual([]);
    expect(warningsOf("3273021505850001")).toEqual([]);
    expect(parsed(parseNik("3273021505850001", today)).regencyName).toBeNull();
  });

  it("warns about people under 15 on the reference date", () => {
    expect(warningsOf("6171022111110001")).toEqual(["nik.warnAge"]); // 14 until tomorrow
    expect(warningsOf("6171022011110001")).toEqual([]); // 15 today
  });

  it("warns about a typed birth date over 100 years ago", () => {
    expect(ageWarning("1926-11-20", today)).toBeNull();
    expect(ageWarning("1925-11-19", today)).toBe("nik.warnAge");
    expect(ageWarning("2012-01-01", today)).toBe("nik.warnAge");
  });
});

describe("checkNikAgainst", () => {
  const nik = parsed(parseNik("6171025505850002", today)); // a woman born 15 May 1985

  it("finds nothing when the typed birth date and sex agree", () => {
    expect(checkNikAgainst(nik, { birthDate: "1985-05-15", sex: "F" })).toEqual([]);
    expect(checkNikAgainst(nik, {})).toEqual([]);
  });

  it("flags a different birth date or sex", () => {
    expect(checkNikAgainst(nik, { birthDate: "1985-05-16", sex: "M" })).toEqual(["nik.mismatchBirthDate", "nik.mismatchSex"]);
  });

  it("accepts a birth date a century off, since the NIK holds only two digits of the year", () => {
    expect(checkNikAgainst(nik, { birthDate: "1885-05-15" })).toEqual([]);
  });
});

describe("regency codes", () => {
  it("lists the Kemendagri codes of all 56 regencies and cities of Kalimantan", () => {
    expect(Object.keys(KALIMANTAN_REGENCIES)).toHaveLength(56);
    expect(KALIMANTAN_REGENCIES["61.71"]).toBe("Kota Pontianak");
    expect(KALIMANTAN_REGENCIES["64.71"]).toBe("Kota Balikpapan");
    expect(KALIMANTAN_REGENCIES["65.71"]).toBe("Kota Tarakan");
  });

  it("maps every old Kaltim code to a current Kaltara code", () => {
    for (const current of Object.values(OLD_KALTIM_CODES)) expect(current.startsWith("65.") && current in KALIMANTAN_REGENCIES).toBe(true);
  });
});
