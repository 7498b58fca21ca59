import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import * as page from "../../app/routes/markets.import._index";
import * as api from "../../app/routes/api.v1.imports.markets";
import * as csvTemplate from "../../app/routes/markets.import.template[.csv]";
import * as xlsxTemplate from "../../app/routes/markets.import.template[.xlsx]";
import { getDb } from "../../app/utils/db.server";
import { MARKET_TEMPLATE_HEADERS } from "../../app/domain/import/market-rows";
import { BASE, TEST_CSRF, bearerOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

const HEADER = "kode_cabang;kode;nama;kabupaten_kota;kode_wilayah;lintang;bujur;dikelola_pemerintah;jenis_pengelola;perkiraan_pedagang";

/** A Pontianak file as Indonesian Excel saves it: a new market, an update, an out-of-scope row and a near-duplicate. */
const PONTIANAK_FILE = [
  HEADER,
  "KC-PTK;;Pasar Sungai Jawi;Kota Pontianak;61.71;-0,0312;109,3201;ya;dinas;300",
  "KC-PTK;MKT002;Pasar Dahlia;;;;;;;420",
  "KC-BPN;;Pasar Klandasan Baru;Kota Balikpapan;64.71;-1,2765;116,8139;ya;perumda;",
  "KC-PTK;;Ps. Flamboyan Baru;Kota Pontianak;61.71;;;ya;;",
].join("\r\n");

function uploadRequest(caller: Caller, content: BlobPart, fileName: string): Request {
  const form = new FormData();
  form.set("csrf", TEST_CSRF);
  form.set("intent", "check");
  form.set("file", new File([content], fileName));
  return new Request(`${BASE}/markets/import`, { method: "POST", headers: { Cookie: caller.cookie! }, body: form });
}

function apiRequest(caller: Caller, body: BodyInit, options: { commit?: boolean; contentType?: string; headers?: Record<string, string> } = {}) {
  const headers = new Headers({ "Content-Type": options.contentType ?? "text/csv", ...options.headers });
  if (caller.bearer) headers.set("Authorization", `Bearer ${caller.bearer}`);
  if (caller.cookie) headers.set("Cookie", caller.cookie);
  return new Request(`${BASE}/api/v1/imports/markets${options.commit ? "?commit=1" : ""}`, { method: "POST", headers, body });
}

async function runIdOf(response: Response): Promise<number> {
  expect(response.status).toBe(302);
  const location = response.headers.get("Location")!;
  expect(location).toMatch(/^\/markets\/import\?run=\d+$/);
  return Number(location.split("=")[1]);
}

async function marketByName(name: string) {
  return getDb().selectFrom("markets").selectAll().where("name", "=", name).executeTakeFirst();
}

async function countOf(table: "markets" | "market_stage_changes") {
  const row = await getDb().selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function userIdOf(email: string) {
  return (await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

describe("the import page", () => {
  it("lists the person's latest runs (before this file adds any), and the demo's waiting run previews every kind of row", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const { recent } = await (await call(page.loader, getRequest("/markets/import", staff))).json();
    const waiting = recent.find((run: { fileName: string }) => run.fileName === "pasar-baru-pontianak.csv");
    expect(waiting).toMatchObject({ committedAt: null, timeZone: "Asia/Pontianak" });
    expect(recent.find((run: { fileName: string }) => run.fileName === "perkiraan-pedagang.csv").result).toEqual({ created: 0, updated: 2, skipped: 1 });
    const { shown } = await (await call(page.loader, getRequest(`/markets/import?run=${waiting.id}`, staff))).json();
    expect(shown.preview.counts).toMatchObject({ error: 2, warning: 2, create: 2 });
  });

  it("previews every row with its status, errors first, then commits exactly the valid rows", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, PONTIANAK_FILE, "pasar-ptk.csv")));
    const markets = await countOf("markets");

    const preview = await (await call(page.loader, getRequest(`/markets/import?run=${runId}`, staff))).json();
    expect(preview.shown.run.fileName).toBe("pasar-ptk.csv");
    expect(preview.shown.preview.counts).toEqual({ error: 1, warning: 1, update: 1, create: 1, total: 4, valid: 3 });
    const rows = preview.shown.preview.rows as { row: number; status: string; reasons: { code: string }[] }[];
    expect(rows.map((row) => [row.row, row.status])).toEqual([
      [4, "error"],
      [5, "warning"],
      [3, "update"],
      [2, "create"],
    ]);
    expect(rows[0].reasons.map((reason) => reason.code)).toEqual(["imports.market.branchOutsideScope"]);
    expect(rows[1].reasons.map((reason) => reason.code)).toEqual(["imports.market.similarExisting"]);
    expect(await countOf("markets")).toBe(markets);

    const dahliaBefore = (await marketByName("Pasar Dahlia"))!;
    const committed = await call(page.action, postRequest("/markets/import", staff, { intent: "commit", runId: String(runId) }));
    expect(await runIdOf(committed)).toBe(runId);
    const result = await (await call(page.loader, getRequest(`/markets/import?run=${runId}`, staff))).json();
    expect(result.shown.result).toEqual({ created: 2, updated: 1, skipped: 1 });

    expect(await countOf("markets")).toBe(markets + 2);
    const jawi = (await marketByName("Pasar Sungai Jawi"))!;
    expect(jawi).toMatchObject({ stage: "identified", lat: -0.0312, lng: 109.3201, government_run: 1, operator_type: "dinas_upt", trader_estimate: 300 });
    const history = await getDb().selectFrom("market_stage_changes").selectAll().where("market_id", "=", jawi.id).execute();
    expect(history).toEqual([
      expect.objectContaining({ from_stage: null, to_stage: "identified", source: "import", changed_by_user_id: await userIdOf("staf.pontianak@demo.id") }),
    ]);
    const dahlia = (await marketByName("Pasar Dahlia"))!;
    expect(dahlia).toMatchObject({ trader_estimate: 420, stage: dahliaBefore.stage, regency_code: dahliaBefore.regency_code, lat: dahliaBefore.lat });
    expect(await marketByName("Pasar Klandasan Baru")).toBeUndefined();
  });

  it("refuses to commit the same run twice, and another person's run at all", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const file = `${HEADER}\r\nKC-PTK;;Pasar Parit Tokaya;;61.71;;;ya;;`;
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, file, "sekali.csv")));

    const otherStaff = await signedInAs("kakanwil@demo.id");
    const stolen = await call(page.action, postRequest("/markets/import", otherStaff, { intent: "commit", runId: String(runId) }));
    expect(stolen.status).toBe(404);

    await runIdOf(await call(page.action, postRequest("/markets/import", staff, { intent: "commit", runId: String(runId) })));
    const markets = await countOf("markets");
    const replay = await call(page.action, postRequest("/markets/import", staff, { intent: "commit", runId: String(runId) }));
    expect(replay.status).toBe(409);
    expect((await replay.json()).problem.code).toBe("imports.alreadyCommitted");
    expect(await countOf("markets")).toBe(markets);
    expect(await getDb().selectFrom("markets").select("id").where("name", "=", "Pasar Parit Tokaya").execute()).toHaveLength(1);
  });

  it("checks the kept file again at commit time", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, `${HEADER}\r\nKC-PTK;PTK-NEW-9;Pasar Siantan;;61.71;;;ya;;`, "ulang.csv")));
    // Meanwhile someone gives that code to a market in another branch.
    const balikpapan = await getDb()
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .select("markets.id")
      .where("branches.code", "=", "KC-BPN")
      .executeTakeFirstOrThrow();
    await getDb().updateTable("markets").set({ code: "PTK-NEW-9" }).where("id", "=", balikpapan.id).execute();

    await runIdOf(await call(page.action, postRequest("/markets/import", staff, { intent: "commit", runId: String(runId) })));
    const result = await (await call(page.loader, getRequest(`/markets/import?run=${runId}`, staff))).json();
    expect(result.shown.result).toEqual({ created: 0, updated: 0, skipped: 1 });
    expect(await marketByName("Pasar Siantan")).toBeUndefined();
  });

  it("writes nothing when a row fails halfway through the commit", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const file = [HEADER, "KC-PTK;;Pasar Satu Uji;;61.71;;;ya;;", "KC-PTK;MKT003;Pasar Kenanga;;;;;;;999", "KC-PTK;;Pasar Gagal Uji;;61.71;;;ya;;"].join("\n");
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, file, "gagal.csv")));
    const before = { markets: await countOf("markets"), changes: await countOf("market_stage_changes"), kenanga: await marketByName("Pasar Kenanga") };

    const db = getDb();
    await sql`create trigger fail_import before insert on markets when new.name = 'Pasar Gagal Uji' begin select raise(abort, 'forced failure'); end`.execute(db);
    try {
      await expect(call(page.action, postRequest("/markets/import", staff, { intent: "commit", runId: String(runId) }))).rejects.toThrow(/forced failure/);
    } finally {
      await sql`drop trigger fail_import`.execute(db);
    }
    expect(await countOf("markets")).toBe(before.markets);
    expect(await countOf("market_stage_changes")).toBe(before.changes);
    expect(await marketByName("Pasar Kenanga")).toEqual(before.kenanga);
    expect(await marketByName("Pasar Satu Uji")).toBeUndefined();
    const run = await db.selectFrom("import_runs").select(["committed_at", "result"]).where("id", "=", runId).executeTakeFirstOrThrow();
    expect(run).toEqual({ committed_at: null, result: null });

    // Once the cause is gone the same run commits in full.
    await runIdOf(await call(page.action, postRequest("/markets/import", staff, { intent: "commit", runId: String(runId) })));
    expect(await countOf("markets")).toBe(before.markets + 2);
    expect((await marketByName("Pasar Kenanga"))!.trader_estimate).toBe(999);
  });

  it("reads an XLSX upload the same way", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Pasar");
    sheet.addRow(["branch_code", "name", "regency_code", "lat", "lng", "government_run"]);
    sheet.addRow(["KC-PTK", "Pasar Teluk Kapuas", "61.12", -0.0712, 109.3921, "ya"]);
    const staff = await signedInAs("staf.pontianak@demo.id");
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, new Uint8Array(await workbook.xlsx.writeBuffer()), "pasar.xlsx")));
    const preview = await (await call(page.loader, getRequest(`/markets/import?run=${runId}`, staff))).json();
    expect(preview.shown.preview.counts).toMatchObject({ create: 1, error: 0 });
  });

  it("explains a file it cannot read and keeps nothing", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const runs = await getDb().selectFrom("import_runs").select("id").execute();
    const response = await call(page.action, uploadRequest(staff, "%PDF-1.7", "laporan.pdf"));
    expect(response.status).toBe(415);
    expect((await response.json()).problem.code).toBe("imports.file.unsupported");
    const empty = await call(page.action, postRequest("/markets/import", staff, { intent: "check" }));
    expect(empty.status).toBe(400);
    expect(await getDb().selectFrom("import_runs").select("id").execute()).toEqual(runs);
  });

  it("shows a run only to the person who uploaded it", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const runId = await runIdOf(await call(page.action, uploadRequest(staff, PONTIANAK_FILE, "milik-sari.csv")));
    const admin = await signedInAs("admin@demo.id");
    expect((await call(page.loader, getRequest(`/markets/import?run=${runId}`, admin))).status).toBe(404);
  });
});

describe("the templates", () => {
  it("offers a CSV template with every column", async () => {
    const response = await call(csvTemplate.loader, getRequest("/markets/import/template.csv", await signedInAs("staf.balikpapan@demo.id")));
    expect(response.headers.get("Content-Disposition")).toContain("template-impor-pasar.csv");
    expect((await response.text()).replace(/^\uFEFF/, "")).toBe(`${MARKET_TEMPLATE_HEADERS.join(",")}\r\n`);
  });

  it("offers an XLSX template whose first sheet holds the columns and second a guide", async () => {
    const response = await call(xlsxTemplate.loader, getRequest("/markets/import/template.xlsx", await signedInAs("kakanwil@demo.id")));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(MARKET_TEMPLATE_HEADERS);
    expect(workbook.worksheets[1].rowCount).toBe(MARKET_TEMPLATE_HEADERS.length + 1);
  });

  it("is not offered to market collectors", async () => {
    const response = await call(csvTemplate.loader, getRequest("/markets/import/template.csv", await signedInAs("kolektor.flamboyan@demo.id")));
    expect(response.status).toBe(403);
  });
});

describe("POST /api/v1/imports/markets", () => {
  const SAMARINDA = "branch_code,name,regency_code,lat,lng,government_run\nKC-SMD,Pasar Segiri Uji,64.72,-0.4947,117.1485,yes\nKC-SMD,Pasar Jauh,64.72,40.1,117.1,yes\n";

  it("answers a dry run with counts and every row, in English, and writes nothing", async () => {
    const admin = await bearerOf("admin@demo.id");
    const markets = await countOf("markets");
    const response = await call(api.action, apiRequest(admin, SAMARINDA));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ dryRun: true, counts: { create: 1, error: 1, total: 2 } });
    expect(body.rows[0]).toEqual({
      row: 3,
      status: "error",
      action: null,
      reasons: [{ code: "imports.market.outsideIndonesia", message: expect.stringMatching(/outside Indonesia/) }],
      values: expect.objectContaining({ name: "Pasar Jauh", lat: "40.1" }),
    });
    expect(await countOf("markets")).toBe(markets);
  });

  it("commits with ?commit=1 and reports what it created and updated", async () => {
    const head = await bearerOf("kakanwil@demo.id");
    const response = await call(api.action, apiRequest(head, SAMARINDA, { commit: true }));
    const body = await response.json();
    expect(body).toMatchObject({ dryRun: false, created: 1, updated: 0, skipped: 1, counts: { create: 1, error: 1 } });
    expect(await marketByName("Pasar Segiri Uji")).toMatchObject({ stage: "identified", regency_name: "Kota Samarinda" });
  });

  it("turns a Balikpapan staff member's Pontianak row into an error row and writes nothing", async () => {
    const staff = await bearerOf("staf.balikpapan@demo.id");
    const markets = await countOf("markets");
    const body = await (await call(api.action, apiRequest(staff, "branch_code,name,regency_code\nKC-PTK,Pasar Bukan Milik,61.71\n", { commit: true }))).json();
    expect(body).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    expect(body.rows[0].reasons[0]).toEqual({ code: "imports.market.branchOutsideScope", message: "Branch KC-PTK is outside your area." });
    expect(await countOf("markets")).toBe(markets);
  });

  it("refuses other content types with 415 and oversize bodies with 413", async () => {
    const admin = await bearerOf("admin@demo.id");
    expect((await call(api.action, apiRequest(admin, "{}", { contentType: "application/json" }))).status).toBe(415);
    const declared = await call(api.action, apiRequest(admin, "name\nA\n", { headers: { "Content-Length": String(6 * 1024 * 1024) } }));
    expect(declared.status).toBe(413);
    const big = await call(api.action, apiRequest(admin, `name\n${"x".repeat(5 * 1024 * 1024)}\n`));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("too_large");
  });

  it("accepts a session with the CSRF header and refuses one without", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const file = "nama,kode_wilayah\nPasar Nipah Kuning,61.71\n";
    expect((await call(api.action, apiRequest(staff, file))).status).toBe(403);
    const response = await call(api.action, apiRequest(staff, file, { headers: { "X-CSRF-Token": TEST_CSRF } }));
    expect((await response.json()).counts).toMatchObject({ valid: 1, error: 0 });
  });
});
