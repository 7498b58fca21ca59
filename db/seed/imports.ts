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

const COLLECTOR = "kolektor.flamboyan@demo.id";
const TRADER_HEADER = "nik;nama_lengkap;jenis_kelamin;tanggal_lahir;no_hp;whatsapp;nomor_lapak;komoditas;nominal;jht;pembayar";
const COMMODITY_WORD: Record<string, string> = {
  vegetables: "sayur",
  fish: "ikan",
  meat: "daging",
  groceries: "sembako",
  clothing: "pakaian",
  food_stall: "warung makan",
  other: "lainnya",
};
const rupiahCell = (amount: number) => String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/**
 * Two trader imports at Pasar Flamboyan: the collector's list of Blok A saved three weeks ago (the traders it
 * created are in the demo), and the Pontianak staff's list of newcomers checked this morning and waiting for
 * review, with one row of each kind: new, an update, a bad NIK, a repeated NIK, an unknown nominal.
 */
export async function seedTraderImports(context: DemoContext) {
  const { db, now } = context;
  const market = await db.selectFrom("markets").select("id").where("name", "=", "Pasar Flamboyan").executeTakeFirst();
  if (!market) return;
  const marketId = market.id;
  const traders = await db
    .selectFrom("traders")
    .select(["nik", "full_name", "sex", "birth_date", "phone", "whatsapp", "stall", "commodity", "nominal", "jht", "payer_type"])
    .where("market_id", "=", marketId)
    .where("payer_type", "=", "mandiri")
    .orderBy("id")
    .limit(26)
    .execute();
  const line = (t: (typeof traders)[number]) =>
    [t.nik, t.full_name, t.sex === "F" ? "P" : "L", t.birth_date, t.phone ?? "", t.whatsapp ? "ya" : "tidak", t.stall ?? "", COMMODITY_WORD[t.commodity], rupiahCell(t.nominal), t.jht ? "ya" : "tidak", "mandiri"].join(";");
  const saved = traders.slice(0, 25);
  const updated = traders[25];
  const pendingFile = [
    TRADER_HEADER,
    "6171033004900011;Rahmat Hidayat;L;;0813 5210 4471;ya;Blok D-12;ikan;1.000.000;tidak;mandiri",
    "6171034511880012;Nurhayati;P;05/11/1988;0852 4519 3380;ya;Blok D-14;sayur;1.000.000;ya;mandiri",
    "6171031707950013;Agus Salim;L;17-07-1995;;tidak;Blok D-15;sembako;1.500.000;tidak;",
    ...(updated ? [line({ ...updated, stall: "Blok A-30 (pindah)" })] : []),
    "617103170795;Yanti;P;;0812 7788 9900;ya;Blok D-16;pakaian;1.000.000;tidak;mandiri",
    "6171034511880012;Nurhayati (dobel);P;;;;Blok D-14;sayur;1.000.000;ya;mandiri",
    "6171035208920014;Sri Wahyuni;P;;0811 5678 2233;ya;Blok D-18;warung makan;1.250.000;tidak;mandiri",
  ].join("\r\n");
  await db
    .insertInto("import_runs")
    .values([
      {
        kind: "traders",
        target_id: marketId,
        user_id: context.userIds.get(COLLECTOR)!,
        file_name: "pedagang-flamboyan-blok-a.csv",
        content_base64: base64([TRADER_HEADER, ...saved.map(line)].join("\r\n")),
        created_at: daysBefore(now, 21, 1),
        committed_at: daysBefore(now, 21, 2),
        result: JSON.stringify({ created: saved.length, updated: 0, skipped: 0 }),
      },
      {
        kind: "traders",
        target_id: marketId,
        user_id: context.userIds.get(STAFF)!,
        file_name: "pedagang-baru-flamboyan.csv",
        content_base64: base64(pendingFile),
        created_at: new Date(now.getTime() - 3_600_000).toISOString(),
        committed_at: null,
        result: null,
      },
    ])
    .execute();
}
