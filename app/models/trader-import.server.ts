import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import type { MessageKey } from "../i18n";
import { businessDate } from "../domain/business-day";
import { traderFormValues } from "../domain/trader-form";
import {
  classifyTraderRows,
  identifiersOf,
  TRADER_COLUMNS,
  TRADER_IMPORT_LIMITS,
  TRADER_TEMPLATE_HEADERS,
  type ImportExistingTrader,
  type NikHolder,
  type TraderImportContext,
  type TraderRowData,
} from "../domain/import/trader-rows";
import type { ImportTable } from "../domain/import/table";
import { applyTraderUpdate, insertTrader, nikOwners, traderColumns } from "./trader-enrolment.server";
import { loadRateTable } from "./rates.server";
import { invalidateTraderIndex } from "./trader-index.server";
import { marketInScope } from "./scope.server";
import { chunks } from "./query-helpers.server";
import type { ImportDefinition, ImportUser } from "./imports.server";
import { csvTemplate, xlsxTemplate, type TemplateFile } from "./import-templates.server";

// The trader import of one market: what the generic pipeline needs to decide and write trader rows.
// The holders of the file's NIKs and KPJ numbers are read in batches, not row by row, so a 20,000-row
// file is decided in a handful of queries.

export interface ImportMarket {
  id: number;
  name: string;
  branchId: number;
  timeZone: string;
}

/** The market to import into, when the caller's scope holds it. */
export async function findImportMarket(db: DB, scope: Scope, marketId: number): Promise<ImportMarket | null> {
  const market = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .where(marketInScope(scope))
    .where("markets.id", "=", marketId)
    .select(["markets.id", "markets.name", "markets.branch_id", "branches.time_zone"])
    .executeTakeFirst();
  return market ? { id: market.id, name: market.name, branchId: market.branch_id, timeZone: market.time_zone } : null;
}

async function existingAtMarket(db: DB, marketId: number, niks: string[]): Promise<Map<string, ImportExistingTrader>> {
  const existing = new Map<string, ImportExistingTrader>();
  for (const part of chunks(niks, 1000)) {
    const rows = await db.selectFrom("traders").selectAll().where("market_id", "=", marketId).where("nik", "in", part).execute();
    for (const row of rows) {
      existing.set(row.nik, {
        id: row.id,
        fullName: row.full_name,
        identity: { nik: row.nik, birthDate: row.birth_date, sex: row.sex, kpj: row.kpj },
        formValues: traderFormValues(row),
      });
    }
  }
  return existing;
}

async function holders(db: DB, scope: Scope, niks: string[]): Promise<Map<string, NikHolder>> {
  const all = new Map<string, NikHolder>();
  for (const part of chunks(niks, 1000)) for (const [nik, holder] of await nikOwners(db, scope, part)) all.set(nik, holder);
  return all;
}

async function kpjOwners(db: DB, kpjs: string[]): Promise<Map<string, number>> {
  const owners = new Map<string, number>();
  for (const part of chunks(kpjs, 1000)) {
    for (const row of await db.selectFrom("traders").select(["id", "kpj"]).where("kpj", "in", part).execute()) owners.set(row.kpj!, row.id);
  }
  return owners;
}

async function loadContext(db: DB, scope: Scope, market: ImportMarket, table: ImportTable, now: Date): Promise<TraderImportContext> {
  const { niks, kpjs } = identifiersOf(table);
  const [rateTable, programmes, existing, nikElsewhere, kpjHolders] = await Promise.all([
    loadRateTable(db),
    db.selectFrom("sponsor_programmes").select(["id", "name", "payer_type"]).where("branch_id", "=", market.branchId).execute(),
    existingAtMarket(db, market.id, niks),
    holders(db, scope, niks),
    kpjOwners(db, kpjs),
  ]);
  return {
    marketId: market.id,
    today: businessDate(now, market.timeZone),
    table: rateTable,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, payerType: p.payer_type })),
    existing,
    nikElsewhere,
    kpjOwners: kpjHolders,
  };
}

async function writeTraderRow(db: DB, user: ImportUser, data: TraderRowData) {
  const now = new Date();
  const columns = traderColumns(data.input, data.identity);
  if (data.action === "create") {
    await insertTrader(db, user.id, columns, now);
    return;
  }
  const before = await db.selectFrom("traders").selectAll().where("id", "=", data.traderId).executeTakeFirstOrThrow();
  await applyTraderUpdate(db, user.id, before, columns, now);
}

/** The import into one market the caller may see (find it with findImportMarket first). */
export function traderImport(market: ImportMarket, now = () => new Date()): ImportDefinition<TraderRowData> {
  return {
    kind: "traders",
    target: market.id,
    limits: TRADER_IMPORT_LIMITS,
    classify: async (db, scope, table) => classifyTraderRows(table, await loadContext(db, scope, market, table, now())),
    write: writeTraderRow,
    // The map shows every onboarded trader: the new ones at once, not at the index's next refresh.
    afterCommit: invalidateTraderIndex,
  };
}

const TEMPLATE_NAME = "template-impor-pedagang";

export function traderCsvTemplate(): TemplateFile {
  return csvTemplate(TEMPLATE_NAME, TRADER_TEMPLATE_HEADERS);
}

export function traderXlsxTemplate(translate: (key: MessageKey) => string): Promise<TemplateFile> {
  // Typed as text so Excel keeps NIKs, KPJ numbers and phone numbers digit for digit, and months as months.
  return xlsxTemplate({ fileName: TEMPLATE_NAME, sheetName: "Pedagang", columns: TRADER_COLUMNS, textColumns: ["nik", "kpj", "no_hp", "nomor_lapak", "mulai_bulan"], translate });
}
