import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import type { FieldErrors } from "../domain/user-form";
import { commitmentOf, committedFor, programmeMonths, type ProgrammeInput } from "../domain/programmes";
import type { RateTable } from "../domain/premium";
import { branchColumnInScope, branchInScope } from "./scope.server";
import { loadRateTable, rateMonthNow } from "./rates.server";

// Sponsor and regional-budget programmes of a branch, and their committed premiums against the budget.

const programmeColumns = [
  "sponsor_programmes.id",
  "sponsor_programmes.name",
  "sponsor_programmes.payer_type",
  "sponsor_programmes.sponsor_name",
  "sponsor_programmes.budget",
  "sponsor_programmes.months_covered",
  "sponsor_programmes.start_month",
  "sponsor_programmes.branch_id",
  "sponsor_programmes.created_at",
  "branches.code as branch_code",
  "branches.name as branch_name",
] as const;

function scopedProgrammes(db: DB, scope: Scope) {
  return db
    .selectFrom("sponsor_programmes")
    .innerJoin("branches", "branches.id", "sponsor_programmes.branch_id")
    .where(branchColumnInScope(scope, "sponsor_programmes.branch_id"));
}

/** Attached traders grouped by what their premium depends on, so committing is a few quotes, not thousands. */
async function commitments(db: DB, programmes: { id: number; start_month: string; months_covered: number; budget: number }[], table: RateTable) {
  if (programmes.length === 0) return new Map<number, ReturnType<typeof commitmentOf> & { traders: number }>();
  const groups = await db
    .selectFrom("traders")
    .where(
      "traders.sponsor_programme_id",
      "in",
      programmes.map((p) => p.id),
    )
    .select(["traders.sponsor_programme_id", "traders.nominal", "traders.jht", "traders.payer_type"])
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .groupBy(["traders.sponsor_programme_id", "traders.nominal", "traders.jht", "traders.payer_type"])
    .execute();
  return new Map(
    programmes.map((programme) => {
      const months = programmeMonths({ startMonth: programme.start_month, monthsCovered: programme.months_covered });
      let committed = 0;
      let traders = 0;
      for (const group of groups.filter((g) => g.sponsor_programme_id === programme.id)) {
        const count = Number(group.count);
        traders += count;
        committed += count * committedFor({ nominal: group.nominal, jht: group.jht, payerType: group.payer_type }, months, table);
      }
      return [programme.id, { ...commitmentOf(committed, programme.budget), traders }];
    }),
  );
}

export async function listProgrammes(db: DB, scope: Scope) {
  const [rows, table] = await Promise.all([
    scopedProgrammes(db, scope).select(programmeColumns).orderBy("branches.code").orderBy("sponsor_programmes.name").execute(),
    loadRateTable(db),
  ]);
  const byId = await commitments(db, rows, table);
  return rows.map((row) => ({ ...row, ...byId.get(row.id)! }));
}

/** The list page: programmes, the branches a new one may belong to and the default start month. */
export async function loadProgrammeList(db: DB, scope: Scope, now = new Date()) {
  const [programmes, branches] = await Promise.all([
    listProgrammes(db, scope),
    db.selectFrom("branches").where(branchInScope(scope)).select(["branches.id", "branches.code", "branches.name"]).orderBy("branches.code").execute(),
  ]);
  return { programmes, branches, startMonth: rateMonthNow(now) };
}

/** The programme page: its commitment, and every attached trader with their monthly and total committed premium. */
export async function loadProgrammePage(db: DB, scope: Scope, programmeId: number) {
  const programme = await scopedProgrammes(db, scope)
    .leftJoin("users", "users.id", "sponsor_programmes.created_by_user_id")
    .select(programmeColumns)
    .select("users.name as created_by")
    .where("sponsor_programmes.id", "=", programmeId)
    .executeTakeFirst();
  if (!programme) return null;
  const [table, traders] = await Promise.all([
    loadRateTable(db),
    db
      .selectFrom("traders")
      .innerJoin("markets", "markets.id", "traders.market_id")
      .where("traders.sponsor_programme_id", "=", programmeId)
      .select(["traders.id", "traders.full_name", "traders.stall", "traders.status", "traders.nominal", "traders.jht", "traders.payer_type"])
      .select("markets.name as market_name")
      .orderBy("markets.name")
      .orderBy("traders.full_name")
      .execute(),
  ]);
  const months = programmeMonths({ startMonth: programme.start_month, monthsCovered: programme.months_covered });
  const rows = traders.map((trader) => ({
    ...trader,
    committed: committedFor({ nominal: trader.nominal, jht: trader.jht, payerType: trader.payer_type }, months, table),
  }));
  const committed = rows.reduce((sum, row) => sum + row.committed, 0);
  return { programme, months: { first: months[0], last: months[months.length - 1] }, traders: rows, ...commitmentOf(committed, programme.budget) };
}

export type ProgrammeSaveResult = { ok: true; programmeId: number } | { ok: false; errors: FieldErrors };

export async function createProgramme(db: DB, scope: Scope, userId: number, input: ProgrammeInput, now = new Date()): Promise<ProgrammeSaveResult> {
  const branch = await db.selectFrom("branches").where(branchInScope(scope)).where("branches.id", "=", input.branchId).select("id").executeTakeFirst();
  if (!branch || scope.level === "market") return { ok: false, errors: { branchId: "programmes.branchRequired" } };
  const { id } = await db
    .insertInto("sponsor_programmes")
    .values({
      branch_id: input.branchId,
      name: input.name,
      payer_type: input.payerType,
      sponsor_name: input.sponsorName,
      budget: input.budget,
      months_covered: input.monthsCovered,
      start_month: input.startMonth,
      created_by_user_id: userId,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, programmeId: id };
}
