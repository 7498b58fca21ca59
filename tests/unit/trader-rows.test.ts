import { describe, expect, it } from "vitest";
import { classifyTraderRows, identifiersOf, parseBirthDate, parseMonth, parseNominal, type NikHolder, type TraderImportContext } from "../../app/domain/import/trader-rows";
import { parseCsv } from "../../app/domain/import/csv";
import { ImportFileError } from "../../app/domain/import/table";
import { DEFAULT_ALLOWED_NOMINALS, DEFAULT_RATE_TABLE } from "../../app/domain/premium";
import { testNik, traderCsv, traderRow, type TraderFileRow } from "../support/trader-files";

const TODAY = "2026-11-24";

function context(overrides: Partial<TraderImportContext> = {}): TraderImportContext {
  return {
    marketId: 7,
    today: TODAY,
    table: { ...DEFAULT_RATE_TABLE, allowedNominals: [...DEFAULT_ALLOWED_NOMINALS] },
    programmes: [{ id: 3, name: "Bantuan Iuran Pemkot Pontianak 2026", payerType: "apbd" }],
    existing: new Map(),
    nikElsewhere: new Map(),
    kpjOwners: new Map(),
    ...overrides,
  };
}

const classify = (rows: TraderFileRow[], ctx = context()) => classifyTraderRows(parseCsv(traderCsv(rows)), ctx);
const byRow = (preview: ReturnType<typeof classify>, row: number) => preview.rows.find((r) => r.row === row)!;
const codes = (preview: ReturnType<typeof classify>, row: number) => byRow(preview, row).reasons.map((reason) => reason.code);

/** Trader 41 of the market, NIK testNik(12), on an APBD programme with JHT, a KPJ and a pin. */
function storedTrader() {
  const formValues = {
    marketId: "7",
    nik: testNik(12),
    fullName: "Pedagang Lama",
    sex: "M",
    birthDate: "1970-01-13",
    phone: "+6281299990000",
    whatsapp: "",
    stall: "A-1",
    commodity: "fish",
    nominal: "1000000",
    jht: "1",
    payerType: "apbd",
    programmeId: "3",
    kpj: "10000000001",
    status: "registered",
    coverageStartMonth: "2026-04",
    lat: "-0.04",
    lng: "109.34",
  };
  return new Map([[testNik(12), { id: 41, fullName: "Pedagang Lama", identity: { nik: testNik(12), birthDate: "1970-01-13", sex: "M" as const, kpj: "10000000001" }, formValues }]]);
}

describe("trader import rows", () => {
  it("reads a template row into what the registration form would save", () => {
    const preview = classify([traderRow(1, { jenis_kelamin: "P", jht: "ya", kpj: "12345678901", mulai_bulan: "12/2026", lintang: "-0,0391", bujur: "109,3428" })]);
    expect(preview.counts).toMatchObject({ create: 1, total: 1, valid: 1 });
    const data = preview.rows[0].data!;
    expect(data.action).toBe("create");
    expect(data.input).toMatchObject({
      marketId: 7,
      fullName: "Pedagang Uji 1",
      sex: "F",
      phone: "+6281200000001",
      whatsapp: true,
      stall: "Blok C-1",
      commodity: "vegetables",
      nominal: 1_000_000,
      jht: true,
      payerType: "mandiri",
      kpj: "12345678901",
      status: "registered",
      coverageStartMonth: "2026-12",
      lat: -0.0391,
      lng: 109.3428,
    });
    expect(data.identity).toEqual({ nik: testNik(1), birthDate: "1970-01-02", sex: "F" });
  });

  it("fills blanks with the form's defaults, warning only about the nominal", () => {
    const preview = classify([{ nik: testNik(2), nama_lengkap: "Siti" }]);
    const row = preview.rows[0];
    expect(row.status).toBe("warning");
    expect(row.reasons.map((r) => r.code)).toEqual(["imports.trader.nominalDefaulted"]);
    expect(row.data!.input).toMatchObject({ commodity: "other", nominal: 1_000_000, jht: false, payerType: "mandiri", status: "registered", coverageStartMonth: "2026-11" });
  });

  it("names the column and the value of every cell it cannot read", () => {
    const preview = classify([
      traderRow(3, { nik: "6171051203850", no_hp: "12345", nominal: "1.234.567", jenis_kelamin: "X", tanggal_lahir: "31/02/1985", komoditas: "emas" }),
    ]);
    const row = preview.rows[0];
    expect(row.status).toBe("error");
    expect(row.reasons).toEqual(
      expect.arrayContaining([
        { code: "imports.trader.sexInvalid", column: "jenis_kelamin", params: { value: "X" } },
        { code: "imports.trader.commodityInvalid", column: "komoditas", params: { value: "emas" } },
        expect.objectContaining({ code: "traders.phoneInvalid", column: "no_hp" }),
      ]),
    );
  });

  it("applies the NIK, nominal and coverage rules of the form", () => {
    const preview = classify([
      traderRow(4, { nik: "9971051203850001" }),
      traderRow(5, { nominal: "1.234.567" }),
      traderRow(6, { mulai_bulan: "2024-01" }),
      traderRow(7, { nik: "6,17105E+15" }),
    ]);
    expect(codes(preview, 2)).toEqual(["nik.province"]);
    expect(codes(preview, 3)).toEqual([expect.stringMatching(/^premium\./)]);
    expect(codes(preview, 4)).toEqual(["traders.coverageStartRange"]);
    expect(codes(preview, 5)).toContain("imports.trader.nikScientific");
    expect(byRow(preview, 2).reasons[0].column).toBe("nik");
  });

  it("refuses a NIK or KPJ repeated in the file, pointing at the first row", () => {
    const preview = classify([traderRow(8, { kpj: "11122233344" }), traderRow(8), traderRow(9, { kpj: "111.222.333.44" })]);
    expect(byRow(preview, 2).status).toBe("create");
    expect(byRow(preview, 3).reasons).toEqual([{ code: "imports.trader.nikRepeated", params: { row: 2 } }]);
    expect(byRow(preview, 4).reasons).toEqual([{ code: "imports.trader.kpjRepeated", params: { row: 2 } }]);
  });

  it("refuses a NIK held at another market, naming the holder only when the caller may see them", () => {
    const nikElsewhere = new Map<string, NikHolder>([
      [testNik(10), { id: 99, name: "Budi", marketName: "Pasar Dahlia" }],
      [testNik(11), "elsewhere"],
    ]);
    const preview = classify([traderRow(10), traderRow(11)], context({ nikElsewhere }));
    expect(byRow(preview, 2).reasons).toEqual([{ code: "imports.trader.nikInRegion", params: { name: "Budi", market: "Pasar Dahlia" } }]);
    expect(byRow(preview, 3).reasons).toEqual([{ code: "traders.nikElsewhere" }]);
  });

  it("updates a trader of this market found by NIK, and lets them keep their own KPJ", () => {
    const preview = classify([traderRow(12, { kpj: "10000000001", nominal: "1.500.000" })], context({ existing: storedTrader(), kpjOwners: new Map([["10000000001", 41]]) }));
    expect(preview.rows[0]).toMatchObject({ status: "update", action: "update", data: { action: "update", traderId: 41 } });
    expect(preview.rows[0].reasons).toEqual([
      { code: "imports.trader.updatesExisting", params: { name: "Pedagang Lama", columns: "nama_lengkap, no_hp, whatsapp, nomor_lapak, komoditas, nominal, jht, pembayar, program" } },
    ]);
    const taken = classify([traderRow(13, { kpj: "10000000001" })], context({ kpjOwners: new Map([["10000000001", 41]]) }));
    expect(codes(taken, 2)).toEqual(["traders.kpjTaken"]);
  });

  it("changes only what an update row's cells say, keeping the stored values under empty cells", () => {
    const preview = classify([{ nik: testNik(12), nomor_lapak: "B-7" }], context({ existing: storedTrader(), kpjOwners: new Map([["10000000001", 41]]) }));
    const row = preview.rows[0];
    expect(row.reasons).toEqual([{ code: "imports.trader.updatesExisting", params: { name: "Pedagang Lama", columns: "nomor_lapak" } }]);
    expect(row.data!.input).toMatchObject({
      fullName: "Pedagang Lama",
      stall: "B-7",
      jht: true,
      payerType: "apbd",
      programmeId: 3,
      kpj: "10000000001",
      coverageStartMonth: "2026-04",
      lat: -0.04,
      lng: 109.34,
    });
    const same = classify([{ nik: testNik(12), nama_lengkap: "Pedagang Lama" }], context({ existing: storedTrader(), kpjOwners: new Map([["10000000001", 41]]) }));
    expect(same.rows[0].reasons).toEqual([{ code: "imports.trader.unchanged", params: { name: "Pedagang Lama" } }]);
  });

  it("takes the payer from a named programme of the branch and refuses unknown ones", () => {
    const preview = classify([
      traderRow(14, { pembayar: "", program: "bantuan iuran pemkot pontianak 2026" }),
      traderRow(15, { pembayar: "apbd" }),
      traderRow(16, { pembayar: "sponsor", program: "Program Lain" }),
      traderRow(17, { pembayar: "sponsor", program: "Bantuan Iuran Pemkot Pontianak 2026" }),
      traderRow(18, { pembayar: "mandiri", program: "Bantuan Iuran Pemkot Pontianak 2026" }),
    ]);
    expect(byRow(preview, 2).data!.input).toMatchObject({ payerType: "apbd", programmeId: 3 });
    expect(codes(preview, 3)).toEqual(["traders.programmeRequired"]);
    expect(codes(preview, 4)).toContain("imports.trader.programmeUnknown");
    // A programme pays for its own kind of payer only.
    expect(codes(preview, 5)).toEqual(["traders.programmeInvalid"]);
    expect(codes(preview, 6)).toEqual(["traders.programmeInvalid"]);
  });

  it("needs the NIK and name columns", () => {
    expect(() => classifyTraderRows(parseCsv("nama;no_hp\nSiti;0812\n"), context())).toThrow(ImportFileError);
  });

  it("lists the file's NIKs and KPJ numbers as stored", () => {
    const table = parseCsv(traderCsv([traderRow(17, { nik: `${testNik(17).slice(0, 6)}.${testNik(17).slice(6)}`, kpj: "123 456 789 01" })]));
    expect(identifiersOf(table)).toEqual({ niks: [testNik(17)], kpjs: ["12345678901"] });
  });
});

describe("trader import cells", () => {
  it("reads birth dates, months and rupiah the ways spreadsheets write them", () => {
    expect(parseBirthDate("1985-07-24")).toBe("1985-07-24");
    expect(parseBirthDate("24/7/1985")).toBe("1985-07-24");
    expect(parseBirthDate("24.07.1985")).toBe("1985-07-24");
    expect(parseBirthDate("July 24")).toBeNull();
    expect(parseMonth("2026-11")).toBe("2026-11");
    expect(parseMonth("1/2027")).toBe("2027-01");
    expect(parseMonth("2026-11-01")).toBe("2026-11");
    expect(parseMonth("Nov 2026")).toBeNull();
    expect(parseNominal("1.000.000")).toBe(1_000_000);
    expect(parseNominal("Rp 1.500.000")).toBe(1_500_000);
    expect(parseNominal("1,000,000")).toBe(1_000_000);
    expect(parseNominal("2000000")).toBe(2_000_000);
    expect(parseNominal("1.000,50")).toBeNull();
  });
});
