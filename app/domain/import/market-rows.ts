import { z } from "zod";
import type { CoordPrecision, Market, OperatorType, Role } from "../../../db/schema";
import { isInsideIndonesia } from "../geo";
import { REGENCY_CODE, regencyInProvince } from "../market-form";
import { KALIMANTAN_REGENCIES, regencyName } from "../regency-codes";
import { choiceCell, optionalCell, parseCount, parseDecimal, parsedCell, parseYesNo, requiredCell } from "./cells";
import { classifyRow, previewOf, reasonsFromZod, rejectedRow, type ClassifiedRow, type ImportPreview, type Reason } from "./classify";
import { mapColumns, recordsOf, type ColumnSpec } from "./headers";
import { SimilarNameIndex } from "./similar-index";
import { ImportFileError, type ImportTable } from "./table";

// The market import's columns, row schema and per-row decisions. Pure: the model loads the context
// (branches, the caller's markets) and writes what this decides.

/** Who may import markets: branch staff into their own branch, the regional head into the region, admins anywhere. */
export const MARKET_IMPORT_ROLES: Role[] = ["admin", "regional_head", "branch_staff"];

export const MARKET_COLUMNS = [
  { field: "branch_code", aliases: ["kode_cabang", "cabang", "kode_kc", "branch"], help: "imports.column.branch_code" },
  { field: "code", aliases: ["kode", "kode_pasar", "market_code"], help: "imports.column.code" },
  { field: "name", aliases: ["nama", "nama_pasar", "market_name", "pasar"], help: "imports.column.name" },
  { field: "regency_name", aliases: ["kabupaten_kota", "kab_kota", "kabupaten", "nama_kabupaten_kota", "city_regency", "regency"], help: "imports.column.regency_name" },
  { field: "regency_code", aliases: ["kode_wilayah", "kode_kabupaten_kota", "kode_kab_kota", "kode_kabupaten", "kab_code"], help: "imports.column.regency_code" },
  { field: "address", aliases: ["alamat"], help: "imports.column.address" },
  { field: "lat", aliases: ["lintang", "latitude"], help: "imports.column.lat" },
  { field: "lng", aliases: ["bujur", "longitude", "lon", "long"], help: "imports.column.lng" },
  { field: "coord_precision", aliases: ["presisi_koordinat", "ketelitian_koordinat", "presisi"], help: "imports.column.coord_precision" },
  { field: "government_run", aliases: ["dikelola_pemerintah", "pasar_pemerintah", "milik_pemerintah"], help: "imports.column.government_run" },
  { field: "operator_type", aliases: ["jenis_pengelola", "tipe_pengelola"], help: "imports.column.operator_type" },
  { field: "operator_name", aliases: ["nama_pengelola", "pengelola", "operator"], help: "imports.column.operator_name" },
  { field: "stall_estimate", aliases: ["perkiraan_kios", "jumlah_kios", "jumlah_lapak", "kios", "stalls"], help: "imports.column.stall_estimate" },
  { field: "trader_estimate", aliases: ["perkiraan_pedagang", "jumlah_pedagang", "pedagang", "traders"], help: "imports.column.trader_estimate" },
  { field: "notes", aliases: ["catatan", "keterangan"], help: "imports.column.notes" },
] as const satisfies readonly ColumnSpec<string>[];

export type MarketColumn = (typeof MARKET_COLUMNS)[number]["field"];
export const MARKET_TEMPLATE_HEADERS: MarketColumn[] = MARKET_COLUMNS.map((column) => column.field);

/** "61.71", "6171", "61,71"; "61.1" is how a spreadsheet shows the number 61.10. */
export function parseRegencyCode(text: string): string | null {
  const match = /^(\d{2})(?:[.,](\d{1,2})|(\d{2}))$/.exec(text.replace(/\s/g, ""));
  if (!match) return null;
  const code = `${match[1]}.${(match[2] ?? match[3]).padEnd(2, "0")}`;
  return REGENCY_CODE.test(code) ? code : null;
}

const upper = (text: string | undefined) => text?.toUpperCase();
const degrees = parsedCell(parseDecimal, "imports.cell.notNumber");
const count = parsedCell(parseCount, "imports.cell.notCount").refine((n) => n == null || n <= 1_000_000, "imports.cell.notCount");

const rowSchema = z
  .object({
    branch_code: optionalCell(40).transform(upper),
    code: optionalCell(40)
      .refine((code) => code == null || /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(code), "imports.market.codeFormat")
      .transform(upper),
    name: requiredCell(120),
    regency_name: optionalCell(120),
    regency_code: parsedCell(parseRegencyCode, "imports.market.regencyCodeFormat"),
    address: optionalCell(300),
    lat: degrees,
    lng: degrees,
    coord_precision: choiceCell<CoordPrecision>(
      { verified: ["terverifikasi", "tepat"], kelurahan: ["desa", "kelurahan_desa"], kecamatan: [], town: ["kota", "kabupaten"] },
      "imports.market.precisionInvalid",
    ),
    government_run: parsedCell(parseYesNo, "imports.cell.notYesNo"),
    operator_type: choiceCell<OperatorType>(
      { dinas_upt: ["dinas", "upt", "dinas/upt", "upt pasar", "dinas pasar"], perumda: ["perusda", "pd pasar", "bumd"], other: ["lainnya", "lain", "swasta"] },
      "imports.market.operatorTypeInvalid",
    ),
    operator_name: optionalCell(200),
    stall_estimate: count,
    trader_estimate: count,
    notes: optionalCell(2000),
  })
  .superRefine((row, ctx) => {
    if ((row.lat == null) !== (row.lng == null)) ctx.addIssue({ code: "custom", path: ["lat"], message: "imports.market.coordsIncomplete" });
    else if (row.lat != null && row.lng != null && !isInsideIndonesia(row.lat, row.lng)) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "imports.market.outsideIndonesia" });
    } else if (row.coord_precision === "verified" && row.lat == null) {
      ctx.addIssue({ code: "custom", path: ["coord_precision"], message: "imports.market.verifiedNeedsCoords" });
    }
  });

type ParsedRow = z.infer<typeof rowSchema>;

export interface ImportBranch {
  id: number;
  code: string;
  provinceCode: string;
  inScope: boolean;
}

export interface ImportExistingMarket {
  id: number;
  code: string | null;
  name: string;
  branchId: number;
  regencyCode: string;
}

export interface MarketImportContext {
  /** Every branch, so a code outside the caller's area is told apart from a typo. */
  branches: ImportBranch[];
  /** The caller's own branch when their scope is one branch: a blank branch_code means it. */
  ownBranchId: number | null;
  /** The markets in the caller's scope. */
  markets: ImportExistingMarket[];
  /** Market codes (upper case) already used outside the caller's scope. */
  codesTakenElsewhere: string[];
}

/** The columns a market row writes, named as in the markets table. */
export type MarketRowFields = Pick<
  Market,
  | "branch_id"
  | "code"
  | "name"
  | "regency_name"
  | "regency_code"
  | "address"
  | "lat"
  | "lng"
  | "coord_precision"
  | "government_run"
  | "operator_type"
  | "operator_name"
  | "stall_estimate"
  | "trader_estimate"
  | "notes"
>;

/** A new market gets every column; an update only the cells that were filled in. */
export type MarketRowData =
  | { action: "create"; fields: MarketRowFields }
  | { action: "update"; marketId: number; fields: Partial<MarketRowFields> };

/** Cells copied as they are when filled in (the rest need a decision). */
const PLAIN_FIELDS = ["name", "address", "lat", "lng", "coord_precision", "operator_type", "operator_name", "stall_estimate", "trader_estimate", "notes"] as const;

function filledFields(row: ParsedRow): Partial<MarketRowFields> {
  const fields: Partial<MarketRowFields> = {};
  for (const key of PLAIN_FIELDS) if (row[key] !== undefined) Object.assign(fields, { [key]: row[key] });
  // A new pin without a stated precision is taken as roughly placed, never as still verified.
  if (row.lat !== undefined && row.coord_precision === undefined) fields.coord_precision = "town";
  if (row.regency_code !== undefined) fields.regency_code = row.regency_code;
  if (row.regency_name !== undefined) fields.regency_name = row.regency_name;
  if (row.government_run !== undefined) fields.government_run = row.government_run ? 1 : 0;
  return fields;
}

function newMarketFields(row: ParsedRow, branchId: number, warnings: Reason[]): MarketRowFields {
  if (row.government_run === undefined) warnings.push({ code: "imports.market.governmentRunUnknown" });
  return {
    branch_id: branchId,
    code: row.code ?? null,
    name: row.name,
    regency_name: row.regency_name ?? regencyName(row.regency_code ?? "") ?? "",
    regency_code: row.regency_code ?? "",
    address: row.address ?? null,
    lat: row.lat ?? null,
    lng: row.lng ?? null,
    coord_precision: row.coord_precision ?? "town",
    government_run: row.government_run ? 1 : 0,
    operator_type: row.operator_type ?? "other",
    operator_name: row.operator_name ?? null,
    stall_estimate: row.stall_estimate ?? null,
    trader_estimate: row.trader_estimate ?? null,
    notes: row.notes ?? null,
  };
}

const KALIMANTAN_PROVINCES = new Set(Object.keys(KALIMANTAN_REGENCIES).map((code) => code.slice(0, 2)));

function regencyErrors(code: string | undefined, name: string | undefined, branch: ImportBranch, creating: boolean): Reason[] {
  if (code === undefined) return creating ? [{ code: "imports.market.regencyCodeRequired" }] : [];
  if (KALIMANTAN_PROVINCES.has(code.slice(0, 2)) && !regencyName(code)) return [{ code: "imports.market.regencyUnknown", params: { code } }];
  if (!regencyInProvince(code, branch.provinceCode)) {
    return [{ code: "imports.market.regencyOutsideProvince", params: { code, branch: branch.code } }];
  }
  if (creating && name === undefined && !regencyName(code)) return [{ code: "imports.market.regencyNameRequired" }];
  return [];
}

/** Decides every row: the caller may only touch branches and markets in their scope. */
export function classifyMarketRows(table: ImportTable, context: MarketImportContext): ImportPreview<MarketRowData> {
  const mapping = mapColumns(table.headers, MARKET_COLUMNS);
  if (mapping.indexOf.name == null) throw new ImportFileError("unreadable", "imports.file.missingColumns", { columns: "name" });
  if (mapping.repeated.length > 0) throw new ImportFileError("unreadable", "imports.file.repeatedColumns", { columns: mapping.repeated.join(", ") });

  const branchByCode = new Map(context.branches.map((branch) => [branch.code.toUpperCase(), branch]));
  const branchById = new Map(context.branches.map((branch) => [branch.id, branch]));
  const marketByCode = new Map(context.markets.filter((m) => m.code).map((market) => [market.code!.toUpperCase(), market]));
  const takenElsewhere = new Set(context.codesTakenElsewhere);
  const firstRowOfCode = new Map<string, number>();
  const known = new SimilarNameIndex<ImportExistingMarket>();
  for (const market of context.markets) known.add(market.regencyCode, market);
  const earlier = new SimilarNameIndex<{ row: number; name: string }>();

  const rows = recordsOf(table, MARKET_COLUMNS, mapping).map(({ row, values }): ClassifiedRow<MarketRowData> => {
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      return rejectedRow(row, values, reasonsFromZod(parsed.error, values, mapping.labelOf));
    }
    const data = parsed.data;
    const errors: Reason[] = [];
    const warnings: Reason[] = [];

    const existing = data.code ? marketByCode.get(data.code) : undefined;
    if (data.code) {
      const first = firstRowOfCode.get(data.code);
      if (first != null) errors.push({ code: "imports.market.codeRepeated", params: { code: data.code, row: first } });
      else firstRowOfCode.set(data.code, row);
      if (!existing && takenElsewhere.has(data.code)) errors.push({ code: "imports.market.codeTaken", params: { code: data.code } });
    }

    const branch = data.branch_code ? branchByCode.get(data.branch_code) : branchById.get(existing?.branchId ?? context.ownBranchId ?? 0);
    if (!branch) {
      errors.push(data.branch_code ? { code: "imports.market.branchUnknown", params: { branch: data.branch_code } } : { code: "imports.market.branchRequired" });
    } else if (!branch.inScope) {
      errors.push({ code: "imports.market.branchOutsideScope", params: { branch: branch.code } });
    } else if (existing && existing.branchId !== branch.id) {
      errors.push({ code: "imports.market.branchChange", params: { code: data.code!, branch: branchById.get(existing.branchId)?.code ?? "" } });
    }
    if (branch) errors.push(...regencyErrors(data.regency_code, data.regency_name, branch, !existing));

    const regencyCode = data.regency_code ?? existing?.regencyCode ?? "";
    for (const similar of known.similarTo(regencyCode, data.name, (market) => market.id === existing?.id).slice(0, 3)) {
      warnings.push({ code: "imports.market.similarExisting", params: { name: similar.name, code: similar.code ?? "—" } });
    }
    for (const similar of earlier.similarTo(regencyCode, data.name).slice(0, 3)) {
      warnings.push({ code: "imports.market.similarRow", params: { name: similar.name, row: similar.row } });
    }
    earlier.add(regencyCode, { row, name: data.name });

    if (errors.length > 0 || !branch) return rejectedRow(row, values, errors, warnings);
    if (existing) {
      const notes: Reason[] = [{ code: "imports.market.updatesExisting", params: { code: data.code!, name: existing.name } }];
      const update: MarketRowData = { action: "update", marketId: existing.id, fields: filledFields(data) };
      return classifyRow(row, values, { errors, warnings, notes, action: "update", data: update });
    }
    const create: MarketRowData = { action: "create", fields: newMarketFields(data, branch.id, warnings) };
    return classifyRow(row, values, { errors, warnings, action: "create", data: create });
  });
  return previewOf(rows, mapping.ignored);
}
