import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { seedDemo } from "../../db/seed/demo";
import { createUser } from "../../app/models/users.server";

// The test world: the demo data (five demo roles across Kalimantan) plus a second region, so a
// regional head also has records outside their scope.

export const OTHER_REGION = {
  code: "KW-SUL-TEST",
  branchCode: "KC-MKS-TEST",
  marketName: "Pasar Uji Sulawesi",
  staffEmail: "staf.uji.sulawesi@test.id",
};

export async function buildTestWorld(db: Kysely<Database>) {
  await seedDemo(db);
  const now = new Date().toISOString();
  const region = await db
    .insertInto("regions")
    .values({ code: OTHER_REGION.code, name: "Sulawesi (uji)", office_name: "Kanwil Uji", town: "Makassar", lat: -5.14, lng: 119.42, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const branch = await db
    .insertInto("branches")
    .values({
      region_id: region.id,
      code: OTHER_REGION.branchCode,
      name: "Cabang Uji Makassar",
      office_type: "Kantor Cabang",
      town: "Makassar",
      province_code: "73",
      regency_code: "73.71",
      time_zone: "Asia/Makassar",
      lat: -5.14,
      lng: 119.42,
      verification: "unverified",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const market = await db
    .insertInto("markets")
    .values({
      branch_id: branch.id,
      code: "TEST-MKS-1",
      name: OTHER_REGION.marketName,
      regency_name: "Kota Makassar",
      regency_code: "73.71",
      address: null,
      lat: -5.13,
      lng: 119.41,
      coord_precision: "town",
      government_run: 1,
      operator_type: "perumda",
      operator_name: "Perumda Uji",
      stall_estimate: 100,
      trader_estimate: 100,
      notes: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const staffId = await createUser(db, {
    email: OTHER_REGION.staffEmail,
    name: "Staf Uji Sulawesi",
    role: "branch_staff",
    password: "demo12345",
    regionId: null,
    branchId: branch.id,
    marketId: null,
  });
  // One of each scoped record kind in the other region, so every role has something it must not see.
  await db
    .insertInto("mous")
    .values({
      market_id: market.id,
      number: "MOU/KC-MKS-TEST/2026/001",
      number_year: 2026,
      number_sequence: 1,
      status: "draft",
      counterparty_type: "perumda",
      counterparty_name: "Perumda Uji",
      drafted_on: "2026-11-01",
      collection_frequency: "daily",
      deposit_schedule: "mingguan",
      collector_fee_basis_points: 500,
      created_by_user_id: staffId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("visits")
    .values({ market_id: market.id, planned_date: "2026-11-30", planned_time: "09:00", purpose: "socialisation", notes: null, status: "planned", previous_visit_id: null, created_by_user_id: staffId, created_at: now, updated_at: now })
    .execute();
  const programme = await db
    .insertInto("sponsor_programmes")
    .values({ branch_id: branch.id, name: "Program Uji Sulawesi", payer_type: "apbd", sponsor_name: "Pemkot Uji", budget: 1_000_000, months_covered: 6, start_month: "2026-11", created_by_user_id: staffId, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("traders")
    .values({
      market_id: market.id,
      nik: "7371014503850001",
      full_name: "Pedagang Uji Sulawesi",
      sex: "F",
      birth_date: "1985-03-05",
      phone: null,
      stall: "Blok U-1",
      commodity: "fish",
      nominal: 1_000_000,
      payer_type: "apbd",
      sponsor_programme_id: programme.id,
      kpj: null,
      status: "registered",
      lat: null,
      lng: null,
      enrolled_by_user_id: staffId,
      enrolled_at: now,
      coverage_start_month: "2026-11",
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto("deposits")
    .values({ market_id: market.id, channel: "BNI", reference: "SUL-UJI-1", amount: 5_000, deposit_date: "2026-11-20", status: "recorded", note: null, recorded_by_user_id: staffId, recorded_at: now, verified_by_user_id: null, verified_at: null, rejection_reason: null })
    .execute();
  // One collection receipt in the other region, for the receipt page's scope checks.
  const trader = await db.selectFrom("traders").select("id").where("nik", "=", "7371014503850001").executeTakeFirstOrThrow();
  await db
    .insertInto("collection_entries")
    .values({
      trader_id: trader.id,
      market_id: market.id,
      collector_user_id: staffId,
      business_date: "2026-11-24",
      amount: 8_400,
      receipt_number: "MKSTEST-SLW-20261124-0001",
      receipt_sequence: 1,
      idempotency_key: "fixture-other-region-1",
      kind: "payment",
      reverses_entry_id: null,
      reason: null,
      collected_at: now,
      created_at: now,
      device_id: null,
    })
    .execute();
  // Its day summary, as every ledger write keeps one (the dashboards read the summaries).
  await db
    .insertInto("daily_market_collections")
    .values({ market_id: market.id, business_date: "2026-11-24", entries_count: 1, total_amount: 8_400, updated_at: now })
    .execute();
}
