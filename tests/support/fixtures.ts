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
  await db
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
    .execute();
  await createUser(db, {
    email: OTHER_REGION.staffEmail,
    name: "Staf Uji Sulawesi",
    role: "branch_staff",
    password: "demo12345",
    regionId: null,
    branchId: branch.id,
    marketId: null,
  });
}
