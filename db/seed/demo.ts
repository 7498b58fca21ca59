import type { Kysely } from "kysely";
import type { Database, MarketStage, Role } from "../schema";
import { timeZoneForProvince } from "../../app/domain/business-day";
import { createUser } from "../../app/models/users.server";
import { BRANCHES, DEMO_MARKET_NAMES, MARKETS, REGION } from "./places";
import { seededRandom } from "./random";
import { seedMous } from "./mous";
import { PIPELINE_STAGES } from "../../app/domain/pipeline";
import { seedVisits } from "./visits";
import { seedMarketContacts } from "./markets";
import { seedImports, seedTraderImports } from "./imports";
import { seedTraders } from "./traders";
import { seedCollections } from "./collections";
import { seedDeposits } from "./deposits";
import { refreshAllCoverage } from "../../app/models/coverage-refresh.server";

export const DEMO_PASSWORD = "demo12345";

// Real markets get a stage that tells a plausible story per branch; every stage appears somewhere.
const STAGE_BY_MARKET: Record<string, MarketStage> = {
  MKT001: "collecting",
  MKT002: "negotiating",
  MKT003: "visited",
  MKT004: "identified",
  MKT005: "identified",
  MKT006: "paused",
  MKT007: "mou_signed",
  MKT008: "visited",
  MKT009: "negotiating",
  MKT012: "collecting",
  MKT014: "visited",
  MKT015: "mou_signed",
  MKT016: "negotiating",
  MKT017: "visited",
  MKT018: "identified",
  MKT046: "negotiating",
  MKT047: "declined",
  MKT049: "visited",
  MKT050: "identified",
};

const DEMO_STAGE_BY_NAME: Record<string, MarketStage> = {
  "Pasar Demo Pandansari": "collecting",
  "Pasar Demo Klandasan": "negotiating",
  "Pasar Demo Segiri": "mou_signed",
  "Pasar Demo Pagi": "negotiating",
  "Pasar Demo Sudimampir": "visited",
};

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  branchCode?: string;
  marketCode?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@demo.id", name: "Admin Demo", role: "admin" },
  { email: "kakanwil@demo.id", name: "Kepala Kanwil Demo", role: "regional_head" },
  { email: "staf.pontianak@demo.id", name: "Sari Staf Pontianak", role: "branch_staff", branchCode: "KC-PTK" },
  { email: "staf.balikpapan@demo.id", name: "Budi Staf Balikpapan", role: "branch_staff", branchCode: "KC-BPN" },
  { email: "kolektor.flamboyan@demo.id", name: "Rahmat Kolektor Flamboyan", role: "market_collector", marketCode: "MKT001" },
];

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("regions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export interface DemoContext {
  db: Kysely<Database>;
  random: ReturnType<typeof seededRandom>;
  /** The moment the demo is created; demo history is laid out backwards from it. */
  now: Date;
  regionId: number;
  branchIds: Map<string, number>;
  marketIds: Map<string, number>;
  userIds: Map<string, number>;
}

export function daysBefore(now: Date, days: number, hour = 2): string {
  const at = new Date(now.getTime() - days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
}

/** Creates the demo data, step by step, in one transaction. Deterministic apart from "now". */
export async function seedDemo(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const context = await seedPlaces(trx, now);
    await seedUsers(context);
    await seedStageHistory(context);
    await seedVisits(context);
    await seedMarketContacts(context);
    await seedMous(context);
    await seedImports(context);
    await seedTraders(context);
    await seedTraderImports(context);
    await seedCollections(context);
    await seedDeposits(context);
    await alignStageHistory(context);
    await refreshAllCoverage(trx, now);
  });
}

async function seedPlaces(trx: Kysely<Database>, now: Date): Promise<DemoContext> {
  const random = seededRandom(20261124);
  const created = daysBefore(now, 150);
  const region = await trx
    .insertInto("regions")
    .values({ ...REGION, created_at: created })
    .returning("id")
    .executeTakeFirstOrThrow();

  const branchIds = new Map<string, number>();
  for (const branch of BRANCHES) {
    const provinceCode = branch.regencyCode.slice(0, 2);
    const { id } = await trx
      .insertInto("branches")
      .values({
        region_id: region.id,
        code: branch.code,
        name: branch.name,
        office_type: branch.officeType,
        town: branch.town,
        province_code: provinceCode,
        regency_code: branch.regencyCode,
        time_zone: timeZoneForProvince(provinceCode),
        lat: branch.lat,
        lng: branch.lng,
        verification: branch.verification,
        created_at: created,
        updated_at: created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    branchIds.set(branch.code, id);
  }

  const marketIds = new Map<string, number>();
  for (const market of MARKETS) {
    const { id } = await trx
      .insertInto("markets")
      .values({
        branch_id: branchIds.get(market.branchCode)!,
        code: market.code,
        name: market.name,
        regency_name: market.regencyName,
        regency_code: market.regencyCode,
        address: null,
        lat: market.lat,
        lng: market.lng,
        coord_precision: market.precision,
        government_run: market.governmentRun ? 1 : 0,
        operator_type: market.operatorType,
        operator_name: market.operatorName,
        stall_estimate: market.stalls,
        trader_estimate: market.traders,
        stage: STAGE_BY_MARKET[market.code] ?? "identified",
        notes: [market.note, market.governmentRun == null ? "Status pengelolaan pemerintah belum terverifikasi." : ""]
          .filter(Boolean)
          .join(" "),
        created_at: created,
        updated_at: created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    marketIds.set(market.code, id);
  }

  let demoNumber = 100;
  for (const branch of BRANCHES) {
    const demo = DEMO_MARKET_NAMES[branch.code];
    if (!demo) continue;
    for (const name of demo.names) {
      demoNumber += 1;
      const code = `DEMO${demoNumber}`;
      const traders = random.int(8, 60) * 10;
      const { id } = await trx
        .insertInto("markets")
        .values({
          branch_id: branchIds.get(branch.code)!,
          code,
          name,
          regency_name: demo.regencyName,
          regency_code: branch.regencyCode,
          address: null,
          lat: Number((branch.lat + (random.next() - 0.5) * 0.04).toFixed(4)),
          lng: Number((branch.lng + (random.next() - 0.5) * 0.04).toFixed(4)),
          coord_precision: "town",
          government_run: random.next() < 0.85 ? 1 : 0,
          operator_type: random.pick(["dinas_upt", "dinas_upt", "perumda"] as const),
          operator_name: `Pengelola ${name.replace("Pasar Demo ", "")} (data demo)`,
          stall_estimate: Math.round(traders * 0.9),
          trader_estimate: traders,
          stage: DEMO_STAGE_BY_NAME[name] ?? random.pick(["identified", "identified", "visited"] as const),
          notes: "Data demo: pasar rekaan, bukan data nyata.",
          created_at: created,
          updated_at: created,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      marketIds.set(code, id);
    }
  }
  return { db: trx, random, now, regionId: region.id, branchIds, marketIds, userIds: new Map() };
}

async function seedUsers(context: DemoContext) {
  for (const user of DEMO_USERS) {
    const id = await createUser(context.db, {
      email: user.email,
      name: user.name,
      role: user.role,
      password: DEMO_PASSWORD,
      regionId: user.role === "regional_head" ? context.regionId : null,
      branchId: user.branchCode ? context.branchIds.get(user.branchCode)! : null,
      marketId: user.marketCode ? context.marketIds.get(user.marketCode)! : null,
    });
    context.userIds.set(user.email, id);
  }
}

const SIDE_STAGE_REASONS: Partial<Record<MarketStage, string>> = {
  declined: "Pengelola pasar belum bersedia: sebagian besar kios tutup dan pedagang berpindah.",
  paused: "Pasar sedang direnovasi; dilanjutkan setelah pedagang kembali.",
};

/** Walks each market from `identified` to its current stage, a few weeks per step, ending recently. */
async function seedStageHistory(context: DemoContext) {
  const { db, now } = context;
  const markets = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .select(["markets.id", "markets.stage", "markets.created_at", "branches.code as branch_code"])
    .orderBy("markets.id")
    .execute();
  const staffByBranch = new Map(
    DEMO_USERS.filter((u) => u.role === "branch_staff").map((u) => [u.branchCode!, context.userIds.get(u.email)!]),
  );
  for (const market of markets) {
    const path = stagePathTo(market.stage);
    const rows = path.map((to, index) => ({
      market_id: market.id,
      from_stage: index === 0 ? null : path[index - 1],
      to_stage: to,
      reason: index === 0 ? null : (SIDE_STAGE_REASONS[to] ?? null),
      source: index === 0 ? ("initial" as const) : to === "mou_signed" ? ("mou" as const) : ("manual" as const),
      visit_id: null,
      changed_by_user_id: index === 0 ? null : (staffByBranch.get(market.branch_code) ?? null),
      changed_at: index === 0 ? market.created_at : daysBefore(now, 21 * (path.length - index) - 14),
    }));
    await db.insertInto("market_stage_changes").values(rows).execute();
  }
}

function stagePathTo(stage: MarketStage): MarketStage[] {
  if (stage === "declined") return ["identified", "visited", "negotiating", "declined"];
  if (stage === "paused") return ["identified", "visited", "paused"];
  return PIPELINE_STAGES.slice(0, PIPELINE_STAGES.indexOf(stage) + 1);
}

const STEP_MS = 21 * 86_400_000;

/**
 * Once MoUs and collections exist, the stage history tells the same story: "MoU signed" on the MoU's signing day,
 * "collecting" at the first collection, the earlier steps three weeks apart before the signing (the market's
 * registration moved back when the MoU is older than it).
 */
async function alignStageHistory(context: DemoContext) {
  const { db } = context;
  const [changes, mous, firstCollections, markets] = await Promise.all([
    db.selectFrom("market_stage_changes").select(["id", "market_id", "to_stage", "changed_at"]).orderBy("market_id").orderBy("id").execute(),
    db.selectFrom("mous").select(["market_id", "signed_on"]).where("signed_on", "is not", null).orderBy("signed_on").execute(),
    db.selectFrom("collection_entries").select((eb) => ["market_id", eb.fn.min("collected_at").as("first")]).groupBy("market_id").execute(),
    db.selectFrom("markets").select(["id", "created_at"]).execute(),
  ]);
  const signedOn = new Map<number, string>();
  for (const mou of mous) if (!signedOn.has(mou.market_id)) signedOn.set(mou.market_id, mou.signed_on!);
  const firstCollection = new Map(firstCollections.map((row) => [row.market_id, String(row.first)]));
  const createdAt = new Map(markets.map((market) => [market.id, market.created_at]));
  const byMarket = new Map<number, typeof changes>();
  for (const change of changes) byMarket.set(change.market_id, [...(byMarket.get(change.market_id) ?? []), change]);

  for (const [marketId, history] of byMarket) {
    const signedIndex = history.findIndex((change) => change.to_stage === "mou_signed");
    const signed = signedOn.get(marketId);
    if (signedIndex < 0 || !signed) continue;
    const anchor = Date.parse(`${signed}T03:00:00Z`);
    const times = history.map((change, index) => {
      const stepped = new Date(anchor - (signedIndex - index) * STEP_MS).toISOString();
      if (index === 0) return stepped < createdAt.get(marketId)! ? stepped : createdAt.get(marketId)!;
      if (index <= signedIndex) return stepped;
      if (change.to_stage === "collecting") return firstCollection.get(marketId) ?? change.changed_at;
      return change.changed_at;
    });
    for (const [index, change] of history.entries()) {
      await db.updateTable("market_stage_changes").set({ changed_at: times[index] }).where("id", "=", change.id).execute();
    }
    if (times[0] < createdAt.get(marketId)!) {
      await db.updateTable("markets").set({ created_at: times[0] }).where("id", "=", marketId).execute();
    }
  }
}
