import type { DemoContext } from "./demo";
import { daysBefore } from "./demo";

// Two market imports by the Pontianak staff, so /markets/import has a history and a real dry run
// right after seeding: one saved last week that refreshed two trader estimates (the values now in
// the database), and one checked this morning and waiting for review: new invented "Pasar Demo"
// markets, a near-duplicate of Pasar Flamboyan, swapped coordinates, an update and another branch's row.

const STAFF = "staf.pontianak@demo.id";

const PENDING_FILE = [
  "kode_cabang;kode;nama;kabupaten_kota;kode_wilayah;lintang;bujur;dikelola_pemerintah;jenis_pengelola;nama_pengelola;perkiraan_pedagang;catatan",
  "KC-PTK;;Pasar Demo Sungai Jawi;Kota Pontianak;61.71;-0,0295;109,3195;ya;dinas;UPT Pasar (data demo);250;Data demo",
  "KC-PTK;;Pasar Demo Siantan;Kota Pontianak;61.71;-0,0105;109,3380;ya;dinas;;180;Data demo",
  "KC-PTK;;Pasar Demo Flamboyan;Kota Pontianak;61.71;;;ya;;;;Mungkin sama dengan Pasar Flamboyan",
  "KC-PTK;;Pasar Demo Parit Tokaya;Kota Pontianak;61.71;109,3301;-0,0502;ya;dinas;;;Lintang dan bujur tertukar",
  "KC-PTK;MKT003;Pasar Kenanga;;;;;;;;160;Perkiraan baru dari UPT",
  "KC-SKW;;Pasar Demo Roban;Kota Singkawang;61.72;0,9105;108,9801;ya;;;;Cabang lain",
].join("\r\n");

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

export async function seedImports(context: DemoContext) {
  const { db, now } = context;
  const userId = context.userIds.get(STAFF)!;
  const refreshed = await db
    .selectFrom("markets")
    .select(["code", "name", "trader_estimate"])
    .where("code", "in", ["MKT001", "MKT002"])
    .orderBy("code")
    .execute();
  const savedFile = [
    "branch_code,code,name,trader_estimate",
    ...refreshed.map((market) => `KC-PTK,${market.code},${market.name},${market.trader_estimate ?? ""}`),
    "KC-BPN,,Pasar Demo Klandasan,",
  ].join("\r\n");
  const savedAt = daysBefore(now, 7, 3);
  await db
    .insertInto("import_runs")
    .values([
      {
        kind: "markets",
        user_id: userId,
        file_name: "perkiraan-pedagang.csv",
        content_base64: base64(savedFile),
        created_at: daysBefore(now, 7, 2),
        committed_at: savedAt,
        result: JSON.stringify({ created: 0, updated: refreshed.length, skipped: 1 }),
      },
      {
        kind: "markets",
        user_id: userId,
        file_name: "pasar-baru-pontianak.csv",
        content_base64: base64(PENDING_FILE),
        created_at: new Date(now.getTime() - 2 * 3_600_000).toISOString(),
        committed_at: null,
        result: null,
      },
    ])
    .execute();
}
