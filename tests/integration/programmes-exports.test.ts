import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import * as programmes from "../../app/routes/programmes._index";
import * as programmePage from "../../app/routes/programmes.$programmeId";
import * as newTrader from "../../app/routes/traders.new";
import * as exportCsv from "../../app/routes/traders.export[.]csv";
import * as exportXlsx from "../../app/routes/traders.export[.]xlsx";
import * as exportCollective from "../../app/routes/traders.export-collective[.]csv";
import { getDb } from "../../app/utils/db.server";
import { businessDate } from "../../app/domain/business-day";
import { bodyOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

/** Coverage may start within a year of the current month; premiums are checked for fixed months. */
const THIS_MONTH = businessDate(new Date(), "Asia/Pontianak").slice(0, 7);

async function marketId(name: string) {
  return (await getDb().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

async function branchId(code: string) {
  return (await getDb().selectFrom("branches").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

async function register(caller: Caller, fields: Record<string, string>) {
  const response = await call(
    newTrader.action,
    postRequest("/traders/new", caller, { commodity: "vegetables", nominal: "1000000", jht: "0", payerType: "mandiri", status: "registered", coverageStartMonth: THIS_MONTH, ...fields }),
  );
  expect(response.status, await bodyOf(response.clone())).toBe(302);
}

const page = async (caller: Caller, id: number) => (await call(programmePage.loader, getRequest(`/programmes/${id}`, caller), { programmeId: String(id) })).json();

describe("sponsored enrolment", () => {
  it("commits each attached trader's premium for every month of the programme against its budget", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const created = await call(
      programmes.action,
      postRequest("/programmes", staff, {
        branchId: String(await branchId("KC-PTK")),
        name: "Bantuan Uji Kelurahan",
        payerType: "apbd",
        sponsorName: "Pemkot Pontianak (APBD uji)",
        budget: "Rp 500.000",
        monthsCovered: "12",
        startMonth: "2027-01",
      }),
    );
    expect(created.status, await bodyOf(created.clone())).toBe(302);
    const id = Number(/^\/programmes\/(\d+)\?created=1$/.exec(created.headers.get("Location")!)![1]);
    expect(await page(staff, id)).toMatchObject({ committed: 0, budget: 500_000, traders: [] });

    const kenanga = String(await marketId("Pasar Kenanga"));
    for (const nik of ["6171051203859101", "6171055203859102"]) {
      await register(staff, { marketId: kenanga, nik, fullName: `Pedagang ${nik.slice(-3)}`, payerType: "apbd", programmeId: String(id) });
    }
    const after = await page(staff, id);
    expect(after).toMatchObject({ committed: 2 * 12 * 16_800, remaining: 500_000 - 403_200, percent: 81, months: { first: "2027-01", last: "2027-12" } });
    expect(after.traders.map((t: { committed: number }) => t.committed)).toEqual([201_600, 201_600]);
    const list = await (await call(programmes.loader, getRequest("/programmes", staff))).json();
    expect(list.programmes.find((p: { id: number }) => p.id === id)).toMatchObject({ traders: 2, committed: 403_200 });
  });

  it("shows the demo's regional-budget programme: 40 Flamboyan traders at Rp16,800 for 12 months", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const programme = await getDb().selectFrom("sponsor_programmes").select("id").where("payer_type", "=", "apbd").where("name", "like", "Bantuan Iuran APBD Kota Pontianak%").executeTakeFirstOrThrow();
    expect(await page(head, programme.id)).toMatchObject({ committed: 40 * 12 * 16_800, budget: 10_000_000 });
  });

  it("refuses a programme whose payer or branch does not fit the trader", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const sponsor = await getDb().selectFrom("sponsor_programmes").select("id").where("payer_type", "=", "sponsor").executeTakeFirstOrThrow();
    const response = await call(
      newTrader.action,
      postRequest("/traders/new", staff, { marketId: String(await marketId("Pasar Kenanga")), nik: "6171051203859103", fullName: "Uji", commodity: "fish", nominal: "1000000", jht: "0", payerType: "sponsor", programmeId: String(sponsor.id), status: "registered", coverageStartMonth: THIS_MONTH }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ programmeId: "traders.programmeInvalid" });
  });

  it("keeps programmes within their branch", async () => {
    const balikpapan = await signedInAs("staf.balikpapan@demo.id");
    const apbd = await getDb().selectFrom("sponsor_programmes").select("id").where("payer_type", "=", "apbd").executeTakeFirstOrThrow();
    expect((await call(programmePage.loader, getRequest(`/programmes/${apbd.id}`, balikpapan), { programmeId: String(apbd.id) })).status).toBe(404);
    const own = await (await call(programmes.loader, getRequest("/programmes", balikpapan))).json();
    expect(own.programmes.map((p: { branch_code: string }) => p.branch_code)).toEqual(["KC-BPN"]);
    const elsewhere = await call(programmes.action, postRequest("/programmes", balikpapan, { branchId: String(await branchId("KC-PTK")), name: "X", payerType: "apbd", sponsorName: "Y", budget: "1000", monthsCovered: "1", startMonth: "2027-01" }));
    expect((await elsewhere.json()).errors).toEqual({ branchId: "programmes.branchRequired" });
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    expect((await call(programmes.loader, getRequest("/programmes", collector))).status).toBe(403);
  });
});

describe("trader exports", () => {
  it("writes CSV in UTF-8 with a BOM, Indonesian characters intact and formula cells neutralised", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await marketId("Pasar Flamboyan");
    await register(staff, { marketId: String(flamboyan), nik: "6171055203859201", fullName: "Ni Kadék Ayu Nur’aini", stall: "=HYPERLINK(\"http://x\",\"klik\")" });
    await register(staff, { marketId: String(flamboyan), nik: "6171051203859202", fullName: "@Budi", stall: "-12", status: "prospect" });

    const response = await call(exportCsv.loader, getRequest(`/traders/export.csv?market=${flamboyan}`, staff));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="pedagang-pasar-flamboyan-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.slice(3));
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toContain("NIK");
    const byNik = (nik: string) => rows.find((row) => row[header.indexOf("NIK")] === nik)!;
    const kadek = byNik("6171055203859201");
    expect(kadek[header.indexOf("Nama lengkap")]).toBe("Ni Kadék Ayu Nur’aini");
    expect(kadek[header.indexOf("Lapak")]).toBe("'=HYPERLINK(\"http://x\",\"klik\")");
    const budi = byNik("6171051203859202");
    expect([budi[header.indexOf("Nama lengkap")], budi[header.indexOf("Lapak")]]).toEqual(["'@Budi", "'-12"]);
    expect(rows.every((row) => row[header.indexOf("Pasar")] === "Pasar Flamboyan")).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(302);
  });

  it("writes an XLSX workbook that reads back with NIKs as text", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const response = await call(exportXlsx.loader, getRequest(`/traders/export.xlsx?branch=${await branchId("KC-PTK")}`, staff));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["Pasar", "NIK", "Nama lengkap"]);
    const expected = await getDb()
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .where("branches.code", "=", "KC-PTK")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(sheet.actualRowCount - 1).toBe(Number(expected.n));
    const nik = sheet.getRow(2).getCell(2).value;
    expect(typeof nik).toBe("string");
    expect(nik).toMatch(/^61\d{14}$/);
    expect(typeof sheet.getRow(2).getCell(header.indexOf("Nominal penghasilan") + 1).value).toBe("number");
  });

  it("exports registered traders only, in the collective-registration columns", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const response = await call(exportCollective.loader, getRequest("/traders/export-collective.csv", collector));
    const [header, ...rows] = parse((await response.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(header).toEqual(["NIK", "Nama lengkap", "Tanggal lahir", "Jenis kelamin", "No. HP", "Nominal penghasilan", "Program", "Pembayar iuran", "KPJ", "Pasar", "Lapak"]);
    const registered = await getDb()
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .where("markets.name", "=", "Pasar Flamboyan")
      .where("traders.status", "=", "registered")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(registered.n));
    expect(rows.some((row) => row[8] === "26110012345")).toBe(true);
  });

  it("exports only the caller's area and answers 404 for a market or branch outside it", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    expect((await call(exportCsv.loader, getRequest(`/traders/export.csv?market=${await marketId("Pasar Kahayan")}`, collector))).status).toBe(404);
    const balikpapan = await signedInAs("staf.balikpapan@demo.id");
    expect((await call(exportXlsx.loader, getRequest(`/traders/export.xlsx?branch=${await branchId("KC-PTK")}`, balikpapan))).status).toBe(404);
    const whole = await (await call(exportCsv.loader, getRequest("/traders/export.csv", balikpapan))).text();
    expect(whole).toContain("Pasar Demo Pandansari");
    expect(whole).not.toContain("Pasar Flamboyan");
    expect(whole).not.toMatch(/,61\d{14},/);
    expect(whole).toMatch(/,64\d{14},/);
  });
});
