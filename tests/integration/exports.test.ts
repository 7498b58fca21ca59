import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import * as marketsCsv from "../../app/routes/exports.markets[.]csv";
import * as mousCsv from "../../app/routes/exports.mous[.]csv";
import * as visitsCsv from "../../app/routes/exports.visits[.]csv";
import * as tradersCsv from "../../app/routes/exports.traders[.]csv";
import * as collectionsCsv from "../../app/routes/exports.collections[.]csv";
import * as depositsCsv from "../../app/routes/exports.deposits[.]csv";
import * as marketsXlsx from "../../app/routes/exports.markets[.]xlsx";
import * as mousXlsx from "../../app/routes/exports.mous[.]xlsx";
import * as visitsXlsx from "../../app/routes/exports.visits[.]xlsx";
import * as tradersXlsx from "../../app/routes/exports.traders[.]xlsx";
import * as collectionsXlsx from "../../app/routes/exports.collections[.]xlsx";
import * as depositsXlsx from "../../app/routes/exports.deposits[.]xlsx";
import * as reportPdf from "../../app/routes/reports.monthly[.]pdf";
import * as reportXlsx from "../../app/routes/reports.monthly[.]xlsx";
import * as reportsPage from "../../app/routes/reports._index";
import { getDb } from "../../app/utils/db.server";
import { businessDate } from "../../app/domain/business-day";
import { keysetPages } from "../../app/models/export-datasets.server";
import { xlsxStream } from "../../app/models/exports.server";
import { OTHER_REGION } from "../support/fixtures";
import { call, getRequest, signedInAs, type Caller } from "../support/requests";

type Loader = typeof marketsCsv.loader;
const db = () => getDb();
const id = async (table: "markets" | "branches", column: "name" | "code", value: string) =>
  (await db().selectFrom(table).select("id").where(column, "=", value).executeTakeFirstOrThrow()).id;

async function download(loader: Loader, path: string, caller: Caller) {
  const response = await call(loader, getRequest(path, caller));
  return { response, bytes: response.status === 200 ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array() };
}

const csvRows = (bytes: Uint8Array) => parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];

describe("CSV exports", () => {
  it("start with a byte-order mark and a header, end lines with CRLF, and hold only the caller's area", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const { response, bytes } = await download(marketsCsv.loader, "/exports/markets.csv", staff);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="pasar-semua-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split(/(?<!\r)\n/)).toHaveLength(1);
    expect(text.split("\r\n")[0]).toBe("Kode,Nama pasar,Cabang,Kabupaten/kota,Kode wilayah,Dikelola pemerintah,Jenis pengelola,Nama pengelola,Tahap,Perkiraan lapak,Perkiraan pedagang,Lintang,Bujur,Ketepatan koordinat");
    const rows = csvRows(bytes).slice(1);
    const ptk = await db().selectFrom("markets").innerJoin("branches", "branches.id", "markets.branch_id").where("branches.code", "=", "KC-PTK").select("markets.name").execute();
    expect(rows.map((row) => row[1]).sort()).toEqual(ptk.map((m) => m.name).sort());
    expect(rows.every((row) => row[2] === "KC-PTK")).toBe(true);
  });

  it("neutralise cells a spreadsheet would read as a formula", async () => {
    const market = await id("markets", "name", "Pasar Dahlia");
    await db().updateTable("markets").set({ operator_name: '=HYPERLINK("http://evil.example","klik")' }).where("id", "=", market).execute();
    const trader = await db().selectFrom("traders").select("id").where("market_id", "=", market).executeTakeFirst();
    const traderId =
      trader?.id ??
      (await db().selectFrom("traders").innerJoin("markets", "markets.id", "traders.market_id").where("markets.name", "=", "Pasar Flamboyan").select("traders.id").executeTakeFirstOrThrow()).id;
    await db().updateTable("traders").set({ full_name: "+62 cmd|' /C calc'!A0" }).where("id", "=", traderId).execute();
    const head = await signedInAs("kakanwil@demo.id");
    const markets = csvRows((await download(marketsCsv.loader, "/exports/markets.csv", head)).bytes);
    expect(markets.find((row) => row[1] === "Pasar Dahlia")![7]).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    const traders = new TextDecoder().decode((await download(tradersCsv.loader, "/exports/traders.csv", head)).bytes);
    expect(traders).toContain("'+62 cmd|' /C calc'!A0");
    expect(traders).not.toMatch(/(^|,)\+62 cmd/m);
  });

  it("answer 404 when the branch or market asked for lies outside the caller's area", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const bpn = await id("branches", "code", "KC-BPN");
    expect((await download(marketsCsv.loader, `/exports/markets.csv?branch=${bpn}`, staff)).response.status).toBe(404);
    const pandansari = await id("markets", "name", "Pasar Demo Pandansari");
    expect((await download(collectionsCsv.loader, `/exports/collections.csv?market=${pandansari}`, staff)).response.status).toBe(404);
    const head = await signedInAs("kakanwil@demo.id");
    const other = await id("branches", "code", OTHER_REGION.branchCode);
    expect((await download(mousCsv.loader, `/exports/mous.csv?branch=${other}`, head)).response.status).toBe(404);
    const own = await download(mousCsv.loader, `/exports/mous.csv?branch=${bpn}`, head);
    expect(own.response.status).toBe(200);
    expect(csvRows(own.bytes).slice(1).every((row) => row[2] === "KC-BPN")).toBe(true);
  });

  it("give a collector their market's traders, collections and deposits, and not the outreach records", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    for (const loader of [marketsCsv.loader, mousCsv.loader, visitsCsv.loader]) expect((await download(loader, "/exports/x.csv", collector)).response.status).toBe(403);
    const { bytes } = await download(collectionsCsv.loader, "/exports/collections.csv", collector);
    const rows = csvRows(bytes).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[5]))).toEqual(new Set(["Pasar Flamboyan"]));
    const deposits = csvRows((await download(depositsCsv.loader, "/exports/deposits.csv", collector)).bytes).slice(1);
    expect(new Set(deposits.map((row) => row[1]))).toEqual(new Set(["Pasar Flamboyan"]));
  });

  it("export this month's collections by default, net of reversals, with the ledger's totals", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const { response, bytes } = await download(collectionsCsv.loader, "/exports/collections.csv", head);
    const month = businessDate(new Date(), "Asia/Makassar").slice(0, 7);
    expect(response.headers.get("Content-Disposition")).toContain(`iuran-semua-${month}-01-`);
    const rows = csvRows(bytes).slice(1);
    const ledger = await db()
      .selectFrom("collection_entries")
      .innerJoin("markets", "markets.id", "collection_entries.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .innerJoin("regions", "regions.id", "branches.region_id")
      .where("regions.code", "=", "KW-KAL")
      .where("collection_entries.business_date", ">=", `${month}-01`)
      .where("collection_entries.business_date", "<=", `${month}-31`)
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>("collection_entries.amount").as("total")])
      .executeTakeFirstOrThrow();
    expect(rows.length).toBe(Number(ledger.n));
    expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(Number(ledger.total));
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WI(B|TA)$/.test(row[9]))).toBe(true);
  });
});

describe("streaming", () => {
  it("pages through a keyset query until a short page", async () => {
    const seen: (number | null)[] = [];
    const source = Array.from({ length: 12 }, (_, index) => index + 1);
    const pages = keysetPages<number>(async (after, limit) => {
      seen.push(after);
      return source.filter((value) => value > (after ?? 0)).slice(0, limit);
    }, 5);
    const all: number[][] = [];
    for await (const page of pages) all.push(page);
    expect(all).toEqual([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12]]);
    expect(seen).toEqual([null, 5, 10]);
  });

  it("streams more than a page of ledger rows, each once, in the order the ledger recorded them, as CSV and as a workbook", async () => {
    const flamboyan = await db().selectFrom("markets").select(["id"]).where("name", "=", "Pasar Flamboyan").executeTakeFirstOrThrow();
    const trader = await db().selectFrom("traders").select("id").where("market_id", "=", flamboyan.id).executeTakeFirstOrThrow();
    const collector = await db().selectFrom("users").select("id").where("email", "=", "kolektor.flamboyan@demo.id").executeTakeFirstOrThrow();
    // 6,500 entries over five days of an old month, appended day by day as the ledger grows.
    const rows = Array.from({ length: 6_500 }, (_, index) => {
      const date = `2025-01-0${Math.floor(index / 1_300) + 1}`;
      return {
        trader_id: trader.id,
        market_id: flamboyan.id,
        collector_user_id: collector.id,
        business_date: date,
        amount: 500,
        receipt_number: `TST-FLB-${date.replace(/-/g, "")}-${String(index).padStart(5, "0")}`,
        receipt_sequence: index + 1,
        idempotency_key: `stream-test-${index}`,
        kind: "payment" as const,
        reverses_entry_id: null,
        reason: null,
        collected_at: `${date}T02:00:00.000Z`,
        created_at: `${date}T02:00:00.000Z`,
        device_id: null,
      };
    });
    for (let start = 0; start < rows.length; start += 500) await db().insertInto("collection_entries").values(rows.slice(start, start + 500)).execute();
    const head = await signedInAs("kakanwil@demo.id");
    const path = `/exports/collections.csv?market=${flamboyan.id}&from=2025-01-01&to=2025-01-31`;
    const { response, bytes } = await download(collectionsCsv.loader, path, head);
    expect(response.body).toBeInstanceOf(ReadableStream);
    const exported = csvRows(bytes).slice(1);
    expect(exported).toHaveLength(6_500);
    expect(new Set(exported.map((row) => row[1])).size).toBe(6_500);
    expect(exported.map((row) => row[1])).toEqual(rows.map((row) => row.receipt_number));
    expect(exported[0][9]).toBe("2025-01-01 09:00 WIB");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(collectionsXlsx.loader, path.replace(".csv", ".xlsx"), head)).bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet("Iuran")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Tanggal usaha");
    expect(sheet.rowCount).toBe(6_501);
    expect(sheet.getRow(2).getCell(4).value).toBe(500);
  });

  it("continues a workbook on a new sheet when one is full", async () => {
    async function* pages() {
      yield [1, 2, 3, 4];
      yield [5, 6, 7];
    }
    const body = xlsxStream("Angka", [{ header: "Nilai", kind: "number", value: (n: number) => n }], pages(), 3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await new Response(body).arrayBuffer());
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.getColumn(1).values.slice(1)])).toEqual([
      ["Angka", ["Nilai", 1, 2, 3]],
      ["Angka (2)", ["Nilai", 4, 5, 6]],
      ["Angka (3)", ["Nilai", 7]],
    ]);
  });

  it("answers every dataset in both formats", async () => {
    const admin = await signedInAs("admin@demo.id");
    const loaders: [Loader, string][] = [
      [marketsXlsx.loader, "Pasar"],
      [mousXlsx.loader, "MoU"],
      [visitsXlsx.loader, "Kunjungan"],
      [tradersXlsx.loader, "Pedagang"],
      [depositsXlsx.loader, "Setoran"],
    ];
    for (const [loader, sheetName] of loaders) {
      const { response, bytes } = await download(loader, "/exports/x.xlsx", admin);
      expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
      expect(workbook.getWorksheet(sheetName)!.rowCount, sheetName).toBeGreaterThan(1);
    }
    for (const loader of [visitsCsv.loader, tradersCsv.loader, depositsCsv.loader]) {
      expect(csvRows((await download(loader, "/exports/x.csv", admin)).bytes).length).toBeGreaterThan(1);
    }
  });
});

describe("the monthly report", () => {
  const month = () => businessDate(new Date(), "Asia/Makassar").slice(0, 7);

  it("comes as a PDF for the region", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const { response, bytes } = await download(reportPdf.loader, `/reports/monthly.pdf?month=${month()}`, head);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toContain(`laporan-bulanan-wilayah-${month()}.pdf`);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(3_000);
  });

  it("comes as a workbook whose figures, branch table and chart numbers match the dashboard", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const { bytes } = await download(reportXlsx.loader, `/reports/monthly.xlsx?month=${month()}`, head);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Angka utama",
      "Cabang",
      "Iuran harian",
      "Corong tahapan pasar",
      "MoU per cabang",
      "Pedagang terdaftar per bulan",
    ]);
    const branches = workbook.getWorksheet("Cabang")!;
    expect(branches.getRow(3).values).toContain("Cabang");
    const codes = await db().selectFrom("branches").innerJoin("regions", "regions.id", "branches.region_id").where("regions.code", "=", "KW-KAL").select("branches.code").execute();
    expect(branches.rowCount).toBe(3 + codes.length);
    const daily = workbook.getWorksheet("Iuran harian")!;
    let total = 0;
    daily.eachRow((row, index) => {
      if (index > 3) total += Number(row.getCell(2).value);
    });
    const home = await import("../../app/routes/_index");
    const summary = (await (await call(home.loader, getRequest("/", head))).json()).summary;
    expect(total).toBe(
      summary.dashboard.charts.daily.filter((day: { key: string }) => day.key.startsWith(month())).reduce((sum: number, day: { value: number }) => sum + day.value, 0),
    );
  });

  it("covers branch staff's own branch, market by market, and nobody else's", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const { bytes } = await download(reportXlsx.loader, "/reports/monthly.xlsx", staff);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const markets = workbook.getWorksheet("Pasar")!;
    const names: string[] = [];
    markets.eachRow((row, index) => {
      if (index > 3) names.push(String(row.getCell(1).value));
    });
    expect(names).toContain("Pasar Flamboyan");
    expect(names).not.toContain("Pasar Demo Pandansari");
    const bpn = await id("branches", "code", "KC-BPN");
    expect((await download(reportPdf.loader, `/reports/monthly.pdf?branch=${bpn}`, staff)).response.status).toBe(404);
    const head = await signedInAs("kakanwil@demo.id");
    const other = await id("branches", "code", OTHER_REGION.branchCode);
    expect((await download(reportPdf.loader, `/reports/monthly.pdf?branch=${other}`, head)).response.status).toBe(404);
    expect((await download(reportPdf.loader, "/reports/monthly.pdf", await signedInAs("kolektor.flamboyan@demo.id"))).response.status).toBe(403);
  });

  it("is not made for a month that has not begun", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    expect((await download(reportPdf.loader, "/reports/monthly.pdf?month=2099-01", head)).response.status).toBe(404);
  });

  it("is offered with the exports on the reports page, as the role allows", async () => {
    const page = async (email: string) => (await call(reportsPage.loader, getRequest("/reports", await signedInAs(email)))).json();
    expect(await page("kakanwil@demo.id")).toMatchObject({ withMonthly: true, datasets: ["markets", "mous", "visits", "traders", "collections", "deposits"] });
    expect(await page("kolektor.flamboyan@demo.id")).toMatchObject({ withMonthly: false, datasets: ["traders", "collections", "deposits"], branches: [] });
  });
});
