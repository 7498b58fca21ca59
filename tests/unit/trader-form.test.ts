import { describe, expect, it } from "vitest";
import {
  kpjProblem,
  parseTraderForm,
  quoteTrader,
  reviewTrader,
  traderFiltersOf,
  traderFormValues,
  type TraderInput,
} from "../../app/domain/trader-form";
import { DEFAULT_ALLOWED_NOMINALS, DEFAULT_RATE_TABLE } from "../../app/domain/premium";

const table = { ...DEFAULT_RATE_TABLE, allowedNominals: [...DEFAULT_ALLOWED_NOMINALS] };
const TODAY = "2026-11-24";
/** Pontianak, district 05, a man born 12 March 1985. */
const NIK = "6171051203859001";

const FORM = {
  marketId: "1",
  nik: "6171 0512 0385 9001",
  fullName: "  Budi Santoso ",
  sex: "",
  birthDate: "",
  phone: "0812-3456-7890",
  whatsapp: "1",
  stall: "Blok A-12",
  commodity: "vegetables",
  nominal: "1.000.000",
  jht: "0",
  payerType: "mandiri",
  programmeId: "",
  kpj: "",
  status: "registered",
  coverageStartMonth: "2026-11",
  lat: "",
  lng: "",
};

function parsed(overrides: Record<string, string> = {}): TraderInput {
  const result = parseTraderForm({ ...FORM, ...overrides });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

describe("parseTraderForm", () => {
  it("normalises the phone to +62, reads a Rupiah nominal and trims the name", () => {
    expect(parsed()).toMatchObject({ fullName: "Budi Santoso", phone: "+6281234567890", whatsapp: true, nominal: 1_000_000, jht: false, kpj: null, sex: null, birthDate: null });
  });

  it("requires a programme when a budget or sponsor pays", () => {
    const result = parseTraderForm({ ...FORM, payerType: "apbd" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(["programmeId", "traders.programmeRequired"]);
  });

  it("refuses a malformed phone, an impossible birth date and half a stall pin", () => {
    const result = parseTraderForm({ ...FORM, phone: "12345", birthDate: "1985-02-30", lat: "-0.04" });
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toMatchObject({ phone: "traders.phoneInvalid", birthDate: "traders.birthDateFormat", lat: "traders.coordsIncomplete" });
  });

  it("strips spaces and dots from a KPJ number and reads the confirmed warnings as a list", () => {
    expect(parsed({ kpj: "261 100.123 45", confirmWarnings: "nik.warnAge,traders.kpjLength" })).toMatchObject({
      kpj: "26110012345",
      confirmWarnings: ["nik.warnAge", "traders.kpjLength"],
    });
  });
});

describe("kpjProblem", () => {
  it("accepts 11 digits, warns about other lengths and blocks anything but digits", () => {
    expect(kpjProblem("26110012345")).toBeNull();
    expect(kpjProblem("2611001234")).toBe("traders.kpjLength");
    expect(kpjProblem("2611001234X")).toBe("traders.kpjDigits");
  });
});

describe("reviewTrader", () => {
  it("fills sex and birth date from the NIK when they are not typed", () => {
    const review = reviewTrader(parsed(), { today: TODAY, table });
    expect(review).toEqual({ errors: {}, warnings: [], unconfirmed: [], resolved: { nik: NIK, birthDate: "1985-03-12", sex: "M" } });
  });

  it("blocks a malformed NIK with the NIK rule's message", () => {
    expect(reviewTrader(parsed({ nik: "617105" }), { today: TODAY, table }).errors).toEqual({ nik: "nik.length" });
    expect(reviewTrader(parsed({ nik: "9971051203859001" }), { today: TODAY, table }).errors).toEqual({ nik: "nik.province" });
  });

  it("asks to confirm a typed birth date or sex that disagrees with the NIK", () => {
    const review = reviewTrader(parsed({ sex: "F", birthDate: "1985-03-13" }), { today: TODAY, table });
    expect(review.unconfirmed).toEqual(["nik.mismatchBirthDate", "nik.mismatchSex"]);
    expect(review.resolved).toEqual({ nik: NIK, birthDate: "1985-03-13", sex: "F" });
  });

  it("saves once exactly the warnings shown are confirmed, and asks again about a new one", () => {
    const young = { nik: "6171051203159005" };
    expect(reviewTrader(parsed(young), { today: TODAY, table }).unconfirmed).toEqual(["nik.warnAge"]);
    expect(reviewTrader(parsed({ ...young, confirmWarnings: "nik.warnAge" }), { today: TODAY, table }).unconfirmed).toEqual([]);
    expect(reviewTrader(parsed({ ...young, confirmWarnings: "nik.warnAge", kpj: "123" }), { today: TODAY, table }).unconfirmed).toEqual(["traders.kpjLength"]);
  });

  it("does not ask again on an edit about a NIK and KPJ that did not change", () => {
    const input = parsed({ nik: "6404051203859004", kpj: "123456" });
    expect(reviewTrader(input, { today: TODAY, table }).unconfirmed).toEqual(["nik.warnOldKaltimCode", "traders.kpjLength"]);
    const previous = { nik: "6404051203859004", birthDate: "1985-03-12", sex: "M" as const, kpj: "123456" };
    expect(reviewTrader(input, { today: TODAY, table, previous }).unconfirmed).toEqual([]);
  });

  it("blocks a nominal outside the allowed list and a coverage start more than a year away", () => {
    const review = reviewTrader(parsed({ nominal: "1.050.000", coverageStartMonth: "2028-01" }), { today: TODAY, table });
    expect(review.errors).toEqual({ nominal: "premium.nominalNotAllowed", coverageStartMonth: "traders.coverageStartRange" });
  });
});

describe("quoteTrader", () => {
  it("quotes a self-paying market trader at the PP 50/2025 rate in November 2026", () => {
    expect(quoteTrader({ nominal: 1_000_000, jht: 0, payerType: "mandiri" }, "2026-11", table)?.total).toBe(8_400);
    expect(quoteTrader({ nominal: 1_000_000, jht: 1, payerType: "mandiri" }, "2026-11", table)?.total).toBe(28_400);
    expect(quoteTrader({ nominal: 1_000_000, jht: 0, payerType: "apbd" }, "2026-11", table)?.total).toBe(16_800);
  });

  it("keeps quoting a stored nominal that is no longer in the allowed list", () => {
    expect(quoteTrader({ nominal: 1_050_000, jht: false, payerType: "mandiri" }, "2027-01", table)?.total).toBe(17_300);
  });

  it("answers null for a month no rate period covers", () => {
    expect(quoteTrader({ nominal: 1_000_000, jht: false, payerType: "mandiri" }, "2010-01", table)).toBeNull();
  });
});

describe("traderFiltersOf", () => {
  it("reads known filters and ignores unknown values", () => {
    expect(traderFiltersOf(new URLSearchParams("market=7&q=%20siti%20&status=registered&payer=apbd&page=2"))).toEqual({
      marketId: 7,
      q: "siti",
      status: "registered",
      payer: "apbd",
      page: 2,
    });
    expect(traderFiltersOf(new URLSearchParams("market=abc&status=aktif&payer=bank"))).toEqual({
      marketId: undefined,
      q: undefined,
      status: undefined,
      payer: undefined,
      page: 1,
    });
  });
});

describe("traderFormValues", () => {
  it("turns a stored trader into form values that parse back to the same trader", () => {
    const values = traderFormValues({
      market_id: 1,
      nik: NIK,
      full_name: "Budi Santoso",
      sex: "M",
      birth_date: "1985-03-12",
      phone: "+6281234567890",
      whatsapp: 1,
      stall: "Blok A-12",
      commodity: "fish",
      nominal: 1_500_000,
      jht: 1,
      payer_type: "mandiri",
      sponsor_programme_id: null,
      kpj: null,
      status: "registered",
      coverage_start_month: "2026-10",
      lat: -0.0391,
      lng: 109.3428,
    });
    expect(parseTraderForm(values).data).toMatchObject({ nominal: 1_500_000, jht: true, whatsapp: true, lat: -0.0391, programmeId: null, commodity: "fish" });
  });
});
