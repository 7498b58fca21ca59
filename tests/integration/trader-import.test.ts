import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import * as page from "../../app/routes/traders.import._index";
import * as api from "../../app/routes/api.v1.imports.traders";
import * as csvTemplate from "../../app/routes/traders.import.template[.csv]";
import * as xlsxTemplate from "../../app/routes/traders.import.template[.xlsx]";
import { getDb } from "../../app/utils/db.server";
import { TRADER_TEMPLATE_HEADERS } from "../../app/domain/import/trader-rows";
import { BASE, TEST_CSRF, bearerOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";
import { testNik, traderCsv, traderRow } from "../support/trader-files";

const marketId = async (name: string) => (await getDb().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
const traderByNik = (nik: string) => getDb().selectFrom("traders").selectAll().where("nik", "=", nik).executeTakeFirst();
const tradersAt = async (id: number) =>
  Number((await getDb().selectFrom("traders").select((eb) => eb.fn.countAll<number>().as("n")).where("market_id", "=", id).executeTakeFirstOrThrow()).n);

function uploadRequest(caller: Caller, market: number, content: BlobPart, fileName: string): Request {
  const form = new FormData();
  form.set("csrf", TEST_CSRF);
  form.set("intent", "check");
  form.set("file", new File([content], fileName));
  return new Request(`${BASE}/traders/import?market=${market}`, { method: "POST", headers: { Cookie: caller.cookie! }, body: form });
}

const commitRequest = (caller: Caller, market: number, runId: number) =>
  postRequest(`/traders/import?market=${market}`, caller, { intent: "commit", runId: String(runId) });

function apiRequest(caller: Caller, query: string, body: BodyInit, contentType = "text/csv") {
  return new Request(`${BASE}/api/v1/imports/traders?${query}`, { method: "POST", headers: { Authorization: `Bearer ${caller.bearer}`, "Content-Type": contentType }, body });
}

async function runIdOf(response: Response, market: number): Promise<number> {
  expect(response.status).toBe(302);
  const location = response.headers.get("Location")!;
  expect(location).toMatch(new RegExp(`^/traders/import\\?market=${market}&run=\\d+$`));
  return Number(location.split("run=")[1]);
}

/** 500 template rows as the done-when asks: a few bad ones among them. */
function fiveHundredRows() {
  return Array.from({ length: 500 }, (_, i) => {
    const index = 1000 + i;
    if (i === 10) return traderRow(index, { nik: "1234" });
    if (i === 20) return traderRow(index, { nominal: "1.234.567" });
    if (i === 30) return traderRow(index, { no_hp: "12-34" });
    if (i === 40) return traderRow(1000, { nama_lengkap: "Kembar" });
    if (i === 50) return traderRow(index, { nama_lengkap: 'Siti "Ijah", Aminah', jenis_kelamin: "P", nik: testNik(index, "6171", "F") });
    return traderRow(index);
  });
}

describe("the trader import page", () => {
  it("sends a collector straight to their market and shows staff a choice of theirs", async () => {
    const flamboyan = await marketId("Pasar Flamboyan");
    const collector = await call(page.loader, getRequest("/traders/import", await signedInAs("kolektor.flamboyan@demo.id")));
    expect(collector.status).toBe(302);
    expect(collector.headers.get("Location")).toBe(`/traders/import?market=${flamboyan}`);
    const staff = await (await call(page.loader, getRequest("/traders/import", await signedInAs("staf.pontianak@demo.id")))).json();
    expect(staff.choose.map((m: { name: string }) => m.name)).toContain("Pasar Flamboyan");
    expect(staff.choose.every((m: { branchCode: string }) => m.branchCode === "KC-PTK")).toBe(true);
  });

  it("previews 500 rows with a few bad ones, then imports the rest in one go", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await marketId("Pasar Flamboyan");
    const before = await tradersAt(flamboyan);
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, flamboyan, traderCsv(fiveHundredRows()), "pedagang.csv")), flamboyan);
    expect(await tradersAt(flamboyan)).toBe(before);

    const { shown, market } = await (await call(page.loader, getRequest(`/traders/import?market=${flamboyan}&run=${runId}`, staff))).json();
    expect(market.name).toBe("Pasar Flamboyan");
    expect(shown.preview.counts).toMatchObject({ error: 4, total: 500, valid: 496 });
    // Shown 200 rows a page, errors first.
    expect(shown.preview).toMatchObject({ page: 1, pageCount: 3 });
    expect(shown.preview.rows).toHaveLength(200);
    const last = await (await call(page.loader, getRequest(`/traders/import?market=${flamboyan}&run=${runId}&page=3`, staff))).json();
    expect(last.shown.preview.rows.map((row: { row: number }) => row.row).at(-1)).toBe(501);
    const errors = shown.preview.rows.filter((row: { status: string }) => row.status === "error");
    expect(errors.map((row: { row: number; reasons: { code: string }[] }) => [row.row, row.reasons[0].code])).toEqual([
      [12, "nik.length"],
      [22, "premium.nominalNotAllowed"],
      [32, "traders.phoneInvalid"],
      [42, "imports.trader.nikRepeated"],
    ]);

    const committed = await call(page.action, commitRequest(staff, flamboyan, runId));
    expect(committed.status).toBe(302);
    expect(await tradersAt(flamboyan)).toBe(before + 496);
    const quoted = await traderByNik(testNik(1050, "6171", "F"));
    expect(quoted).toMatchObject({ full_name: 'Siti "Ijah", Aminah', sex: "F", nominal: 1_000_000, status: "registered", phone: "+6281200001050" });
    const result = await (await call(page.loader, getRequest(`/traders/import?market=${flamboyan}&run=${runId}`, staff))).json();
    expect(result.shown.result).toEqual({ created: 496, updated: 0, skipped: 4 });

    const again = await call(page.action, commitRequest(staff, flamboyan, runId));
    expect(again.status).toBe(409);
    expect(await tradersAt(flamboyan)).toBe(before + 496);
  });

  it("updates this market's traders by NIK and refuses NIKs registered elsewhere", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await marketId("Pasar Flamboyan");
    const db = getDb();
    const own = await db.selectFrom("traders").selectAll().where("market_id", "=", flamboyan).where("kpj", "is", null).orderBy("id").executeTakeFirstOrThrow();
    const other = await db
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("branches.code", "=", "KC-PTK")
      .where("markets.id", "!=", flamboyan)
      .select(["traders.nik", "traders.full_name", "markets.name"])
      .executeTakeFirstOrThrow();
    const file = traderCsv([
      { nik: own.nik, nama_lengkap: own.full_name, nomor_lapak: "Blok Z-9", nominal: "1.000.000", komoditas: "ikan" },
      { nik: other.nik, nama_lengkap: "Orang Lain", nominal: "1.000.000" },
      { nik: "7371014503850001", nama_lengkap: "Di Sulawesi", nominal: "1.000.000" },
    ]);
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, flamboyan, file, "perbarui.csv")), flamboyan);
    const { shown } = await (await call(page.loader, getRequest(`/traders/import?market=${flamboyan}&run=${runId}`, staff))).json();
    const reasons = Object.fromEntries(shown.preview.rows.map((row: { row: number; reasons: unknown[] }) => [row.row, row.reasons]));
    expect(reasons[3]).toEqual([{ code: "imports.trader.nikInRegion", params: { name: other.full_name, market: other.name } }]);
    // Outside the caller's region the holder is never named.
    expect(reasons[4]).toEqual([{ code: "traders.nikElsewhere" }]);
    await call(page.action, commitRequest(staff, flamboyan, runId));
    // Only what the file says changes: the columns it leaves out keep their stored values.
    expect(await traderByNik(own.nik)).toMatchObject({
      id: own.id,
      stall: "Blok Z-9",
      commodity: "fish",
      coverage_start_month: own.coverage_start_month,
      phone: own.phone,
      jht: own.jht,
      payer_type: own.payer_type,
      status: own.status,
    });
    const history = await db.selectFrom("trader_changes").select("changes").where("trader_id", "=", own.id).execute();
    expect(history.some((entry) => JSON.parse(entry.changes).stall?.[1] === "Blok Z-9")).toBe(true);
  });

  it("writes nothing when a row fails halfway through the commit", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await marketId("Pasar Flamboyan");
    const rows = [traderRow(3000), traderRow(3001, { nama_lengkap: "Gagal Uji" }), traderRow(3002)];
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, flamboyan, traderCsv(rows), "gagal.csv")), flamboyan);
    const before = await tradersAt(flamboyan);
    const db = getDb();
    await sql`create trigger fail_trader_import before insert on traders when new.full_name = 'Gagal Uji' begin select raise(abort, 'forced failure'); end`.execute(db);
    try {
      await expect(call(page.action, commitRequest(staff, flamboyan, runId))).rejects.toThrow(/forced failure/);
    } finally {
      await sql`drop trigger fail_trader_import`.execute(db);
    }
    expect(await tradersAt(flamboyan)).toBe(before);
    expect(await traderByNik(testNik(3000))).toBeUndefined();
  });

  it("reads an XLSX upload, taking NIKs typed as text and refusing NIKs stored as numbers", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await marketId("Pasar Flamboyan");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Pedagang");
    sheet.addRow(["NIK", "Nama Lengkap", "Jenis Kelamin", "Tanggal Lahir", "Nominal"]);
    sheet.addRow([testNik(4000), "Budi Santoso", "L", new Date(Date.UTC(1981, 10, 25)), 1_000_000]);
    // A NIK typed into a number cell: Excel has kept only 15 of its 16 digits, so it cannot be trusted.
    sheet.addRow([Number(testNik(4001)), "Angka Saja", "", "", 1_000_000]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, flamboyan, bytes, "pedagang.xlsx")), flamboyan);
    const { shown } = await (await call(page.loader, getRequest(`/traders/import?market=${flamboyan}&run=${runId}`, staff))).json();
    expect(shown.preview.counts).toMatchObject({ create: 1, error: 1 });
    expect(shown.preview.rows[0].reasons[0]).toMatchObject({ code: "imports.trader.nikScientific", column: "NIK" });
  });

  it("keeps the import to the caller's markets and runs to their uploader", async () => {
    const flamboyan = await marketId("Pasar Flamboyan");
    const balikpapan = await signedInAs("staf.balikpapan@demo.id");
    expect((await call(page.loader, getRequest(`/traders/import?market=${flamboyan}`, balikpapan))).status).toBe(404);
    expect((await call(page.action, uploadRequest(balikpapan, flamboyan, traderCsv([traderRow(5000)]), "x.csv"))).status).toBe(404);
    const staff = await signedInAs("staf.pontianak@demo.id");
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, flamboyan, traderCsv([traderRow(5001)]), "punya-staf.csv")), flamboyan);
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    expect((await call(page.loader, getRequest(`/traders/import?market=${flamboyan}&run=${runId}`, collector))).status).toBe(404);
    // A run belongs to the market it was checked against.
    const dahlia = await marketId("Pasar Dahlia");
    expect((await call(page.loader, getRequest(`/traders/import?market=${dahlia}&run=${runId}`, staff))).status).toBe(404);
  });

  it("offers templates with the Indonesian headers, NIK kept as text in the XLSX", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const csv = await call(csvTemplate.loader, getRequest("/traders/import/template.csv", staff));
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(`\uFEFF${TRADER_TEMPLATE_HEADERS.join(",")}\r\n`);
    expect(TRADER_TEMPLATE_HEADERS.slice(0, 4)).toEqual(["nik", "nama_lengkap", "jenis_kelamin", "tanggal_lahir"]);
    const xlsx = await call(xlsxTemplate.loader, getRequest("/traders/import/template.xlsx", staff));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const [sheet, guide] = workbook.worksheets;
    expect(sheet.getRow(1).values).toEqual([undefined, ...TRADER_TEMPLATE_HEADERS]);
    expect(sheet.getColumn(1).numFmt).toBe("@");
    expect(guide.rowCount).toBe(TRADER_TEMPLATE_HEADERS.length + 1);
  });
});

describe("POST /api/v1/imports/traders", () => {
  it("answers a dry run in English and writes nothing; commit=1 writes the valid rows", async () => {
    const collector = await bearerOf("kolektor.flamboyan@demo.id");
    const flamboyan = await marketId("Pasar Flamboyan");
    const before = await tradersAt(flamboyan);
    const file = traderCsv([traderRow(6000), traderRow(6001, { nik: "12" })], { separator: ",", bom: false });
    const dry = await call(api.action, apiRequest(collector, `market=${flamboyan}`, file));
    expect(dry.status).toBe(200);
    const body = await dry.json();
    expect(body).toMatchObject({ dryRun: true, counts: { create: 1, error: 1 } });
    expect(body.rows[0].reasons[0]).toMatchObject({ code: "nik.length", column: "nik", message: expect.stringMatching(/^nik: /) });
    expect(await tradersAt(flamboyan)).toBe(before);

    const committed = await (await call(api.action, apiRequest(collector, `market=${flamboyan}&commit=1`, file))).json();
    expect(committed).toMatchObject({ dryRun: false, created: 1, updated: 0, skipped: 1 });
    expect(await tradersAt(flamboyan)).toBe(before + 1);
  });

  it("needs a market in the caller's area", async () => {
    const staff = await bearerOf("staf.balikpapan@demo.id");
    expect((await call(api.action, apiRequest(staff, "", traderCsv([traderRow(7000)])))).status).toBe(400);
    const flamboyan = await marketId("Pasar Flamboyan");
    expect((await call(api.action, apiRequest(staff, `market=${flamboyan}&commit=1`, traderCsv([traderRow(7001)])))).status).toBe(404);
    expect(await traderByNik(testNik(7001))).toBeUndefined();
  });
});
