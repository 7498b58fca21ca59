import type { DB } from "../utils/db.server";
import { nowIso } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import type { MessageKey } from "../i18n";
import { classifyMarketRows, MARKET_COLUMNS, MARKET_TEMPLATE_HEADERS, type MarketImportContext, type MarketRowData, type MarketRowFields } from "../domain/import/market-rows";
import { branchInScope, marketInScope } from "./scope.server";
import type { ImportDefinition, ImportUser } from "./imports.server";
import { csvTemplate, xlsxTemplate, type TemplateFile } from "./import-templates.server";

// The market import: what the generic pipeline needs to decide and write market rows.

/** Branches (all, flagged in or out of scope), the caller's markets and the codes used outside them. */
async function loadContext(db: DB, scope: Scope): Promise<MarketImportContext> {
  const [branches, inScope, markets, outside] = await Promise.all([
    db.selectFrom("branches").select(["id", "code", "province_code"]).execute(),
    db.selectFrom("branches").select("branches.id").where(branchInScope(scope)).execute(),
    db
      .selectFrom("markets")
      .select(["markets.id", "markets.code", "markets.name", "markets.branch_id", "markets.regency_code"])
      .where(marketInScope(scope))
      .execute(),
    db
      .selectFrom("markets")
      .select("markets.code")
      .where("markets.code", "is not", null)
      .where((eb) => eb.not(marketInScope(scope)(eb)))
      .execute(),
  ]);
  const allowed = new Set(inScope.map((branch) => branch.id));
  return {
    branches: branches.map((b) => ({ id: b.id, code: b.code, provinceCode: b.province_code, inScope: allowed.has(b.id) })),
    ownBranchId: scope.level === "branch" ? scope.branchId : null,
    markets: markets.map((m) => ({ id: m.id, code: m.code, name: m.name, branchId: m.branch_id, regencyCode: m.regency_code })),
    codesTakenElsewhere: outside.map((m) => m.code!.toUpperCase()),
  };
}

/** A pin marked verified in the file counts as confirmed at the desk by the importer; any other precision is unconfirmed. */
function pinProvenance(fields: Partial<MarketRowFields>, userId: number, now: string) {
  if (fields.coord_precision === undefined) return {};
  const verified = fields.coord_precision === "verified";
  return {
    location_verified_via: verified ? ("desk" as const) : null,
    location_verified_by_user_id: verified ? userId : null,
    location_verified_at: verified ? now : null,
  };
}

/** A new market starts at "identified" with its first history row; an update keeps the stage. */
async function writeMarketRow(db: DB, user: ImportUser, data: MarketRowData) {
  const now = nowIso();
  const provenance = pinProvenance(data.fields, user.id, now);
  if (data.action === "update") {
    const updated = await db
      .updateTable("markets")
      .set({ ...data.fields, ...provenance, updated_at: now })
      .where("markets.id", "=", data.marketId)
      .where(marketInScope(user.scope))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new Error(`Market ${data.marketId} vanished from the import's scope`);
    return;
  }
  const { id } = await db
    .insertInto("markets")
    .values({ ...data.fields, ...provenance, stage: "identified", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("market_stage_changes")
    .values({ market_id: id, from_stage: null, to_stage: "identified", reason: null, source: "import", visit_id: null, changed_by_user_id: user.id, changed_at: now })
    .execute();
}

export const marketImport: ImportDefinition<MarketRowData> = {
  kind: "markets",
  classify: async (db, scope, table) => classifyMarketRows(table, await loadContext(db, scope)),
  write: writeMarketRow,
};

const TEMPLATE_NAME = "template-impor-pasar";

export function marketCsvTemplate(): TemplateFile {
  return csvTemplate(TEMPLATE_NAME, MARKET_TEMPLATE_HEADERS);
}

export function marketXlsxTemplate(translate: (key: MessageKey) => string): Promise<TemplateFile> {
  // Typed as text so Excel keeps codes such as 61.10 and KC-PTK exactly as written.
  return xlsxTemplate({ fileName: TEMPLATE_NAME, sheetName: "Pasar", columns: MARKET_COLUMNS, textColumns: ["branch_code", "code", "regency_code"], translate });
}
