import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as mouNew from "../../app/routes/mous.new";
import * as mouPage from "../../app/routes/mous.$mouId";
import * as mouPdf from "../../app/routes/mous.$mouId.pdf";
import * as mouScan from "../../app/routes/mous.$mouId.scan";
import * as mouList from "../../app/routes/mous._index";
import { getDb } from "../../app/utils/db.server";
import { listBranchProgress } from "../../app/models/progress.server";
import { currentCampaignYear } from "../../app/domain/target-form";
import { BASE, TEST_CSRF, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";

const terms = {
  counterpartyType: "dinas_upt",
  counterpartyName: "UPT Pasar Kota Pontianak",
  depositSchedule: "Mingguan ke rekening BPJS Ketenagakerjaan",
  collectorFeeBasisPoints: "7,5",
  targetTraders: "150",
  collectionFrequency: "daily",
};

async function marketId(name: string) {
  return (await getDb().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

async function draftFor(caller: Caller, market: string) {
  const response = await call(mouNew.action, postRequest("/mous/new", caller, { ...terms, marketId: String(await marketId(market)) }));
  expect(response.status).toBe(302);
  return response.headers.get("Location")!.match(/\/mous\/(\d+)/)![1];
}

const act = (caller: Caller, mouId: string, fields: Record<string, string>) =>
  call(mouPage.action, postRequest(`/mous/${mouId}`, caller, fields), { mouId });

const signing = (inForceFrom: string, expiresOn: string) => ({
  intent: "sign",
  counterpartySignatoryName: "Drs. Hendra Saputra",
  counterpartySignatoryTitle: "Kepala UPT Pasar",
  branchSignatoryName: "Andi Pratama",
  branchSignatoryTitle: "Kepala Kantor Cabang",
  signedOn: "2026-01-10",
  inForceFrom,
  expiresOn,
});

function multipart(url: string, caller: Caller, file: Blob) {
  const form = new FormData();
  form.set("csrf", TEST_CSRF);
  form.set("scan", file, "scan.pdf");
  return new Request(BASE + url, { method: "POST", headers: { Cookie: caller.cookie! }, body: form });
}

describe("MoU lifecycle", () => {
  it("drafts, sends, signs and so moves the market to mou_signed and counts it toward the target", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Kenanga");
    const mou = await getDb().selectFrom("mous").selectAll().where("id", "=", Number(mouId)).executeTakeFirstOrThrow();
    expect(mou.number).toMatch(/^MOU\/KC-PTK\/\d{4}\/00\d$/);
    expect(mou.collector_fee_basis_points).toBe(750);

    expect(await (await act(staff, mouId, { intent: "submit" })).json()).toMatchObject({ done: "mou.transitionDone" });
    const missing = await act(staff, mouId, { intent: "sign" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).transitionErrors).toEqual([
      "mou.needsCounterpartySignatory",
      "mou.needsBranchSignatory",
      "mou.needsSignedDate",
      "mou.needsInForceDates",
    ]);
    expect((await act(staff, mouId, signing("2026-01-15", "2099-12-31"))).status).toBe(200);

    const market = await getDb().selectFrom("markets").select(["id", "stage"]).where("name", "=", "Pasar Kenanga").executeTakeFirstOrThrow();
    expect(market.stage).toBe("mou_signed");
    const history = await getDb().selectFrom("market_stage_changes").selectAll().where("market_id", "=", market.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(history).toMatchObject({ to_stage: "mou_signed", source: "mou" });
    const transitions = await getDb().selectFrom("mou_transitions").select("to_status").where("mou_id", "=", Number(mouId)).orderBy("id").execute();
    expect(transitions.map((row) => row.to_status)).toEqual(["draft", "awaiting_signature", "signed"]);

    const ptkId = (await getDb().selectFrom("branches").select("id").where("code", "=", "KC-PTK").executeTakeFirstOrThrow()).id;
    const [ptk] = await listBranchProgress(getDb(), { level: "all" }, { year: currentCampaignYear(new Date()), branchId: ptkId });
    expect(ptk.governmentMarketsWithMou).toBe(2); // Flamboyan (seeded) and Kenanga
  });

  it("refuses a second MoU in force for the same market over overlapping dates", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Flamboyan");
    const response = await act(staff, mouId, signing("2026-10-01", "2027-09-30"));
    expect(response.status).toBe(400);
    expect((await response.json()).transitionErrors).toEqual(["mou.overlapsInForce"]);
  });

  it("needs a reason to terminate and records it", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Tengah");
    expect((await act(staff, mouId, { intent: "terminate", reason: " " })).status).toBe(400);
    expect((await act(staff, mouId, { intent: "terminate", reason: "Pengelola berganti" })).status).toBe(200);
    const mou = await getDb().selectFrom("mous").selectAll().where("id", "=", Number(mouId)).executeTakeFirstOrThrow();
    expect(mou).toMatchObject({ status: "terminated", termination_reason: "Pengelola berganti" });
  });

  it("renews a signed MoU as a new draft carrying its terms and collectors", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await getDb().selectFrom("mous").selectAll().where("number", "like", "MOU/KC-PTK/%/001").executeTakeFirstOrThrow();
    const response = await act(staff, String(flamboyan.id), { intent: "renew" });
    expect(response.status).toBe(302);
    const renewalId = Number(response.headers.get("Location")!.match(/\/mous\/(\d+)/)![1]);
    const renewal = await getDb().selectFrom("mous").selectAll().where("id", "=", renewalId).executeTakeFirstOrThrow();
    expect(renewal).toMatchObject({ status: "draft", previous_mou_id: flamboyan.id, collector_fee_basis_points: flamboyan.collector_fee_basis_points, market_id: flamboyan.market_id });
    const collectors = await getDb().selectFrom("mou_collectors").select("user_id").where("mou_id", "=", renewalId).execute();
    expect(collectors.length).toBe(1);
  });

  it("lets the collector read their market's MoU but not change it", async () => {
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const flamboyan = await getDb().selectFrom("mous").select("id").where("number", "like", "MOU/KC-PTK/%/001").executeTakeFirstOrThrow();
    const id = String(flamboyan.id);
    const page = await (await call(mouPage.loader, getRequest(`/mous/${id}`, collector), { mouId: id })).json();
    expect(page).toMatchObject({ canEdit: false, actions: [] });
    expect((await act(collector, id, { intent: "terminate", reason: "x" })).status).toBe(403);
  });

  it("lists what needs attention", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    const { attention } = await (await call(mouList.loader, getRequest("/mous", head))).json();
    expect(attention.expiringSoon.map((m: { market_name: string }) => m.market_name)).toContain("Pasar Kahayan");
    expect(attention.staleDrafts.map((m: { market_name: string }) => m.market_name)).toContain("Pasar Rangga Sentap");
    expect(attention.signedWithoutScan.length).toBeGreaterThan(0);
    expect(attention.negotiatingWithoutDraft.map((m: { name: string }) => m.name)).toContain("Pasar Demo Pagi");
  });
});

describe("MoU documents", () => {
  it("generates the MoU as a PDF at any stage", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Kenanga Anggrek");
    const response = await call(mouPdf.loader, getRequest(`/mous/${mouId}/pdf`, staff), { mouId });
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it("stores a signed scan by content hash and serves it back only within scope", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Kapuas Besar");
    const content = new Blob([Buffer.from("%PDF-1.4\n% scanned MoU\n")], { type: "application/pdf" });
    const upload = await call(mouScan.action, multipart(`/mous/${mouId}/scan`, staff, content), { mouId });
    expect(upload.headers.get("Location")).toBe(`/mous/${mouId}?scan=1`);
    const row = await getDb().selectFrom("mous").selectAll().where("id", "=", Number(mouId)).executeTakeFirstOrThrow();
    expect(row.scan_sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await call(mouScan.loader, getRequest(`/mous/${mouId}/scan`, staff), { mouId });
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe("%PDF-1.4\n% scanned MoU\n");
    const outsider = await signedInAs("staf.balikpapan@demo.id");
    expect((await call(mouScan.loader, getRequest(`/mous/${mouId}/scan`, outsider), { mouId })).status).toBe(404);
  });

  it("refuses a file that is not a PDF or image, storing nothing", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Tengah");
    const before = fs.existsSync(process.env.UPLOAD_DIR!) ? fs.readdirSync(path.join(process.env.UPLOAD_DIR!, "mou-scans")).length : 0;
    const fake = new Blob([Buffer.from("MZ\x90\x00 this is an exe renamed to .pdf")]);
    const response = await call(mouScan.action, multipart(`/mous/${mouId}/scan`, staff, fake), { mouId });
    expect(response.headers.get("Location")).toBe(`/mous/${mouId}?scanError=mou.scanWrongType`);
    const after = fs.existsSync(path.join(process.env.UPLOAD_DIR!, "mou-scans")) ? fs.readdirSync(path.join(process.env.UPLOAD_DIR!, "mou-scans")).length : 0;
    expect(after).toBe(before);
    expect((await getDb().selectFrom("mous").select("scan_path").where("id", "=", Number(mouId)).executeTakeFirstOrThrow()).scan_path).toBeNull();
  });

  it("refuses an upload over 10 MB before reading it", async () => {
    const staff = await signedInAs("staf.pontianak@demo.id");
    const mouId = await draftFor(staff, "Pasar Tengah");
    const request = new Request(`${BASE}/mous/${mouId}/scan`, {
      method: "POST",
      headers: { Cookie: staff.cookie!, "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(11 * 1024 * 1024) },
      body: "--x--",
    });
    const response = await call(mouScan.action, request, { mouId });
    expect(response.headers.get("Location")).toBe(`/mous/${mouId}?scanError=mou.scanTooLarge`);
  });
});
