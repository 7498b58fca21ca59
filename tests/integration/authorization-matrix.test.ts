import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { getDb } from "../../app/utils/db.server";
import { anonymous, bearerOf, bodyOf, call, getRequest, postRequest, signedInAs, type Caller } from "../support/requests";
import { fillPath, routePathOf } from "../support/route-paths";
import { OTHER_REGION } from "../support/fixtures";

// Every route module and every API route, for every role: out-of-scope data never comes back.
// A new route is picked up automatically; one with a URL parameter this file does not know how to
// point outside the caller's scope fails until it is taught here.

type RouteModule = { loader?: (...args: never[]) => unknown; action?: (...args: never[]) => unknown };
const modules = import.meta.glob<RouteModule>("../../app/routes/*.{ts,tsx}", { eager: true });

/** Routes anyone may call, with why. They must still never return scoped records. */
const PUBLIC_ROUTES: Record<string, string> = {
  "login.tsx": "the sign-in form",
  "logout.tsx": "ending one's own session",
  "language.tsx": "remembering the interface language",
  "healthz.ts": "liveness check without data",
};

interface RoleCase {
  label: string;
  email: string;
  /** Markets this role may see, by name; every other market name is a leak. */
  seesMarket: (market: { branch_code: string; region_code: string; name: string }) => boolean;
  /** Admin-only routes answer 403 to everyone else. */
  isAdmin: boolean;
}

const ROLES: RoleCase[] = [
  { label: "admin", email: "admin@demo.id", isAdmin: true, seesMarket: () => true },
  { label: "regional head", email: "kakanwil@demo.id", isAdmin: false, seesMarket: (m) => m.region_code === "KW-KAL" },
  { label: "Pontianak staff", email: "staf.pontianak@demo.id", isAdmin: false, seesMarket: (m) => m.branch_code === "KC-PTK" },
  { label: "Balikpapan staff", email: "staf.balikpapan@demo.id", isAdmin: false, seesMarket: (m) => m.branch_code === "KC-BPN" },
  { label: "Flamboyan collector", email: "kolektor.flamboyan@demo.id", isAdmin: false, seesMarket: (m) => m.name === "Pasar Flamboyan" },
];

interface World {
  markets: { id: number; name: string; branch_code: string; region_code: string }[];
  branches: { id: number; code: string }[];
  users: { id: number; email: string }[];
  visits: { id: number; name: string; branch_code: string; region_code: string }[];
  mous: { id: number; name: string; branch_code: string; region_code: string }[];
  traders: { id: number; name: string; branch_code: string; region_code: string }[];
  programmes: { id: number; name: string; branch_code: string; region_code: string }[];
  deposits: { id: number; name: string; branch_code: string; region_code: string }[];
  receipts: { receipt_number: string; name: string; branch_code: string; region_code: string }[];
}
let world: World;

/** Records that hang off a market, with the market's name, branch and region (what scope rules look at). */
async function onMarkets<Row>(table: string, key: "id" | "receipt_number"): Promise<Row[]> {
  const result = await sql<Row>`
    select record.${sql.ref(key)} as ${sql.ref(key)}, markets.name, branches.code as branch_code, regions.code as region_code
    from ${sql.table(table)} as record
    join markets on markets.id = record.market_id
    join branches on branches.id = markets.branch_id
    join regions on regions.id = branches.region_id`.execute(getDb());
  return result.rows;
}

beforeAll(async () => {
  const db = getDb();
  world = {
    markets: await db
      .selectFrom("markets")
      .innerJoin("branches", "branches.id", "markets.branch_id")
      .innerJoin("regions", "regions.id", "branches.region_id")
      .select(["markets.id", "markets.name", "branches.code as branch_code", "regions.code as region_code"])
      .execute(),
    users: await db.selectFrom("users").select(["id", "email"]).execute(),
    branches: await db.selectFrom("branches").select(["id", "code"]).execute(),
    mous: await onMarkets<World["mous"][number]>("mous", "id"),
    traders: await onMarkets<World["traders"][number]>("traders", "id"),
    // A programme belongs to a branch, not a market: no market name, so a collector never "sees" one.
    programmes: await db
      .selectFrom("sponsor_programmes")
      .innerJoin("branches", "branches.id", "sponsor_programmes.branch_id")
      .innerJoin("regions", "regions.id", "branches.region_id")
      .select(["sponsor_programmes.id", "sponsor_programmes.name", "branches.code as branch_code", "regions.code as region_code"])
      .execute(),
    deposits: await onMarkets<World["deposits"][number]>("deposits", "id"),
    receipts: await onMarkets<World["receipts"][number]>("collection_entries", "receipt_number"),
    visits: await onMarkets<World["visits"][number]>("visits", "id"),
  };
  await countDomainWrites();
});

/** Names of markets the role must not see, minus any that are part of a name it may see. */
function leakSentinels(role: RoleCase): string[] {
  const visible = world.markets.filter(role.seesMarket).map((m) => m.name);
  return world.markets
    .filter((m) => !role.seesMarket(m))
    .map((m) => m.name)
    .filter((name) => !visible.some((own) => own.includes(name)));
}

/** For each URL parameter, a record outside the role's scope (for an admin: any record). */
const PARAM_OUTSIDE_SCOPE: Record<string, (role: RoleCase) => string> = {
  marketId: (role) => String((world.markets.find((m) => !role.seesMarket(m)) ?? world.markets[0]).id),
  userId: (role) => String(world.users.find((u) => u.email !== role.email)!.id),
  visitId: (role) => String((world.visits.find((v) => !role.seesMarket(v)) ?? world.visits[0]).id),
  mouId: (role) => String((world.mous.find((m) => !role.seesMarket(m)) ?? world.mous[0]).id),
  traderId: (role) => String((world.traders.find((t) => !role.seesMarket(t)) ?? world.traders[0]).id),
  depositId: (role) => String((world.deposits.find((d) => !role.seesMarket(d)) ?? world.deposits[0]).id),
  receiptNumber: (role) => (world.receipts.find((r) => !role.seesMarket(r)) ?? world.receipts[0]).receipt_number,
  programmeId: (role) => String((world.programmes.find((p) => !role.seesMarket(p)) ?? world.programmes[0]).id),
  branchId: (role) => {
    const outside = world.markets.find((m) => !role.seesMarket(m) && !world.markets.some((own) => role.seesMarket(own) && own.branch_code === m.branch_code));
    return String(world.branches.find((b) => b.code === (outside ?? world.markets[0]).branch_code)!.id);
  },
};

/**
 * A forbidden call must not write to any domain table. Triggers (test-only, on this file's own database copy)
 * count every insert, update and delete, so the check costs one read instead of dumping every table twice.
 */
const NOT_DOMAIN_DATA = new Set(["sessions", "login_attempts", "api_tokens"]);
const CHANGE_COUNTER = "test_domain_writes";

async function countDomainWrites() {
  const db = getDb();
  const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)).rows
    .map((row) => row.name)
    .filter((name) => !NOT_DOMAIN_DATA.has(name) && !name.startsWith("sqlite_") && !name.startsWith("kysely_"));
  await sql`create table ${sql.table(CHANGE_COUNTER)} (writes integer not null)`.execute(db);
  await sql`insert into ${sql.table(CHANGE_COUNTER)} (writes) values (0)`.execute(db);
  for (const table of tables) {
    for (const event of ["insert", "update", "delete"]) {
      await sql
        .raw(`create trigger "count_${event}_${table}" after ${event} on "${table}" begin update ${CHANGE_COUNTER} set writes = writes + 1; end`)
        .execute(db);
    }
  }
}

async function domainWrites(): Promise<number> {
  const row = await sql<{ writes: number }>`select writes from ${sql.table(CHANGE_COUNTER)}`.execute(getDb());
  return row.rows[0].writes;
}

const routeFiles = Object.keys(modules)
  .map((key) => key.split("/").pop()!)
  .sort();

describe("authorization matrix", () => {
  it("finds the route modules", () => {
    expect(routeFiles.length).toBeGreaterThan(8);
    expect(routeFiles).toContain("markets.$marketId.tsx");
  });

  for (const file of routeFiles) {
    const module = modules[`../../app/routes/${file}`];
    const { path, params } = routePathOf(file);
    const isApi = path.startsWith("/api/");
    const isPublic = file in PUBLIC_ROUTES;

    describe(`${file} (${path})`, () => {
      it("knows how to point every URL parameter outside the caller's scope", () => {
        const unknown = params.filter((param) => !(param in PARAM_OUTSIDE_SCOPE));
        expect(unknown, `teach PARAM_OUTSIDE_SCOPE about: ${unknown.join(", ")}`).toEqual([]);
      });

      if (!isPublic) {
        it("turns away anonymous callers", async () => {
          const url = fillPath(path, Object.fromEntries(params.map((p) => [p, "1"])));
          for (const fn of [module.loader, module.action]) {
            if (!fn) continue;
            const request = fn === module.loader ? getRequest(url) : postRequest(url, anonymous);
            const response = await call(fn as never, request, Object.fromEntries(params.map((p) => [p, "1"])));
            if (isApi) expect(response.status).toBe(401);
            else {
              expect(response.status).toBe(302);
              expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
            }
          }
        });
      }

      if (module.action && !isApi) {
        it("refuses a signed-in POST without the CSRF token with 403", async () => {
          const caller = await signedInAs("admin@demo.id");
          const response = await call(module.action as never, postRequest(path, caller, {}, { withCsrf: false }), {});
          expect(response.status).toBe(403);
        });
      }

      for (const role of ROLES) {
        const callers: [string, () => Promise<Caller>][] = [["session", () => signedInAs(role.email)]];
        if (isApi) callers.push(["bearer token", () => bearerOf(role.email)]);
        for (const [via, makeCaller] of callers) {
          it(`never shows ${role.label} (${via}) data outside their scope`, async () => {
            const caller = await makeCaller();
            const values = Object.fromEntries(params.map((p) => [p, PARAM_OUTSIDE_SCOPE[p](role)]));
            const url = fillPath(path, values);
            const sentinels = leakSentinels(role);
            const before = await domainWrites();
            for (const fn of [module.loader, module.action]) {
              if (!fn) continue;
              const request = fn === module.loader ? getRequest(url, caller) : postRequest(url, caller, { intent: "update" });
              const response = await call(fn as never, request, values);
              const body = await bodyOf(response);
              for (const name of sentinels) expect(body, `${file} leaked "${name}" to ${role.label}`).not.toContain(name);
              const pointsOutside = params.length > 0 && !role.isAdmin;
              if (pointsOutside) expect([403, 404], `${file} answered ${response.status}`).toContain(response.status);
            }
            expect(await domainWrites(), `${file} changed data for ${role.label}`).toBe(before);
          });
        }
      }
    });
  }

  it("keeps the second region's market out of every Kalimantan role's sight", () => {
    const head = ROLES.find((r) => r.label === "regional head")!;
    expect(leakSentinels(head)).toContain(OTHER_REGION.marketName);
  });
});
