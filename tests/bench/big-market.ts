import type { Insertable, Kysely } from "kysely";
import type { Database, TraderTable } from "../../db/schema";
import { businessDate } from "../../app/domain/business-day";
import { addMonths } from "../../app/domain/premium";

// A generated market of the size a busy Kalimantan market reaches (Pasar Pagi Samarinda has 2,857 traders):
// an MoU in force, every trader registered and self-paying.

export async function createBigMarket(db: Kysely<Database>, options: { traders: number; userId: number }) {
  const now = new Date();
  const at = now.toISOString();
  const today = businessDate(now, "Asia/Pontianak");
  const branch = await db.selectFrom("branches").select("id").where("code", "=", "KC-PTK").executeTakeFirstOrThrow();
  const market = await db
    .insertInto("markets")
    .values({
      branch_id: branch.id,
      code: "BENCH-3000",
      name: "Pasar Uji Beban",
      regency_name: "Kota Pontianak",
      regency_code: "61.71",
      address: null,
      lat: -0.03,
      lng: 109.33,
      coord_precision: "town",
      government_run: 1,
      operator_type: "dinas_upt",
      operator_name: "Pengelola uji beban",
      stall_estimate: options.traders,
      trader_estimate: options.traders,
      stage: "mou_signed",
      notes: "Pasar rekaan untuk uji beban.",
      created_at: at,
      updated_at: at,
      location_verified_via: null,
      location_verified_by_user_id: null,
      location_verified_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("mous")
    .values({
      market_id: market.id,
      number: "MOU/KC-PTK/BENCH/001",
      number_year: Number(today.slice(0, 4)),
      number_sequence: 999,
      status: "signed",
      counterparty_type: "dinas_upt",
      counterparty_name: "Pengelola uji beban",
      drafted_on: today,
      signed_on: today,
      in_force_from: today,
      expires_on: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
      collection_frequency: "daily",
      deposit_schedule: "harian",
      collector_fee_basis_points: 500,
      created_by_user_id: options.userId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const start = addMonths(today.slice(0, 7), -2);
  const rows: Insertable<TraderTable>[] = Array.from({ length: options.traders }, (_, index) => ({
    market_id: market.id,
    nik: `617101${String(index + 1).padStart(10, "0")}`,
    full_name: `Pedagang Uji ${index + 1}`,
    sex: index % 2 ? "F" : "M",
    birth_date: "1980-01-01",
    phone: null,
    stall: `Blok ${String.fromCharCode(65 + (index % 20))}-${(index % 150) + 1}`,
    commodity: "vegetables",
    nominal: 1_000_000,
    payer_type: "mandiri",
    sponsor_programme_id: null,
    kpj: null,
    status: "registered",
    lat: null,
    lng: null,
    enrolled_by_user_id: options.userId,
    enrolled_at: at,
    coverage_start_month: start,
    created_at: at,
    updated_at: at,
  }));
  const traderIds: number[] = [];
  for (let offset = 0; offset < rows.length; offset += 400) {
    const ids = await db.insertInto("traders").values(rows.slice(offset, offset + 400)).returning("id").execute();
    traderIds.push(...ids.map((row) => row.id));
  }
  return { marketId: market.id, traderIds };
}
