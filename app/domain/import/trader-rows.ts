import type { Commodity, ProgrammePayerType, Role, TraderPayerType, TraderStatus } from "../../../db/schema";
import type { MessageKey } from "../../i18n";
import type { RateTable } from "../premium";
import { normalizeNik } from "../nik";
import { DEFAULT_NOMINAL, parseTraderForm, reviewTrader, type StoredIdentity, type TraderInput, type TraderReview } from "../trader-form";
import { parseCount, parseDecimal, parseYesNo } from "./cells";
import { classifyRow, previewOf, rejectedRow, type ClassifiedRow, type ImportPreview, type Reason } from "./classify";
import { mapColumns, recordsOf, type ColumnSpec } from "./headers";
import { ImportFileError, type ImportLimits, type ImportTable } from "./table";

// The trader import's columns and per-row decisions for one market. Every row goes through the same form
// schema and review as the registration form (NIK rules, nominal, coverage window); warnings do not stop a
// row (the dry run is where they are seen), errors do. Pure: the model loads the context and writes.

/** Who may import traders: the people who may register them. */
export const TRADER_IMPORT_ROLES: Role[] = ["admin", "regional_head", "branch_staff", "market_collector"];

/** A market's traders run to thousands; a whole large market fits in one file. */
export const TRADER_IMPORT_LIMITS: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000 };

/** `field` is the form's field; `header` the template's Indonesian column name. */
export const TRADER_COLUMNS = [
  { field: "nik", header: "nik", aliases: ["no_ktp", "nomor_ktp", "nomor_induk_kependudukan"], help: "imports.traderColumn.nik" },
  { field: "fullName", header: "nama_lengkap", aliases: ["nama", "nama_pedagang", "full_name", "name"], help: "imports.traderColumn.fullName" },
  { field: "sex", header: "jenis_kelamin", aliases: ["jk", "l_p", "kelamin", "sex"], help: "imports.traderColumn.sex" },
  { field: "birthDate", header: "tanggal_lahir", aliases: ["tgl_lahir", "lahir", "birth_date"], help: "imports.traderColumn.birthDate" },
  { field: "phone", header: "no_hp", aliases: ["hp", "nomor_hp", "telepon", "no_telepon", "phone"], help: "imports.traderColumn.phone" },
  { field: "whatsapp", header: "whatsapp", aliases: ["wa", "ada_whatsapp"], help: "imports.traderColumn.whatsapp" },
  { field: "stall", header: "nomor_lapak", aliases: ["lapak", "kios", "no_kios", "blok", "stall"], help: "imports.traderColumn.stall" },
  { field: "commodity", header: "komoditas", aliases: ["dagangan", "jenis_dagangan", "commodity"], help: "imports.traderColumn.commodity" },
  { field: "nominal", header: "nominal", aliases: ["penghasilan", "nominal_penghasilan", "upah", "income"], help: "imports.traderColumn.nominal" },
  { field: "jht", header: "jht", aliases: ["ikut_jht", "program_jht"], help: "imports.traderColumn.jht" },
  { field: "payerType", header: "pembayar", aliases: ["jenis_pembayar", "payer", "payer_type"], help: "imports.traderColumn.payerType" },
  { field: "programme", header: "program", aliases: ["nama_program", "program_sponsor", "sponsor", "programme"], help: "imports.traderColumn.programme" },
  { field: "kpj", header: "kpj", aliases: ["no_kpj", "nomor_kpj"], help: "imports.traderColumn.kpj" },
  { field: "status", header: "status", aliases: ["status_kepesertaan"], help: "imports.traderColumn.status" },
  { field: "coverageStartMonth", header: "mulai_bulan", aliases: ["bulan_mulai", "mulai_kepesertaan", "coverage_start"], help: "imports.traderColumn.coverageStartMonth" },
  { field: "lat", header: "lintang", aliases: ["lat", "latitude"], help: "imports.traderColumn.lat" },
  { field: "lng", header: "bujur", aliases: ["lng", "lon", "longitude"], help: "imports.traderColumn.lng" },
] as const satisfies readonly (ColumnSpec<string> & { header: string })[];

export type TraderColumn = (typeof TRADER_COLUMNS)[number]["field"];
export const TRADER_TEMPLATE_HEADERS: string[] = TRADER_COLUMNS.map((column) => column.header);

/** The form's field a review or schema error names → the column it came from. */
const COLUMN_OF_FIELD: Record<string, TraderColumn> = { programmeId: "programme", marketId: "nik" };

/** Words people write, matched without case, spaces or punctuation. */
function lookup<T extends string>(spellings: Record<T, readonly string[]>) {
  const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "");
  const table = new Map<string, T>();
  for (const [choice, names] of Object.entries(spellings) as [T, readonly string[]][]) {
    for (const name of [choice, ...names]) table.set(key(name), choice);
  }
  return (text: string): T | null => table.get(key(text)) ?? null;
}

const sexOf = lookup<"M" | "F">({ M: ["l", "laki", "lakilaki", "pria", "male"], F: ["p", "perempuan", "wanita", "female"] });
const commodityOf = lookup<Commodity>({
  vegetables: ["sayur", "sayuran", "sayurmayur", "buah", "sayurdanbuah"],
  fish: ["ikan", "ikanbasah", "ikankering", "hasillaut"],
  meat: ["daging", "ayam", "dagingayam"],
  groceries: ["sembako", "kelontong", "bumbu"],
  clothing: ["pakaian", "baju", "sandang", "tekstil"],
  food_stall: ["warungmakan", "warung", "makanan", "kuliner", "foodstall"],
  other: ["lainnya", "lain", "lainlain"],
});
const payerOf = lookup<TraderPayerType>({
  mandiri: ["sendiri", "pribadi", "self"],
  apbd: ["pemda", "pemerintahdaerah", "anggarandaerah", "regionalbudget"],
  sponsor: ["csr", "donatur"],
});
const statusOf = lookup<TraderStatus>({ prospect: ["prospek", "calon"], registered: ["terdaftar", "daftar", "aktif"] });

/** "1985-07-24", "24/07/1985", "24-07-1985", "24.07.1985" → ISO; null for anything else. */
export function parseBirthDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  return parts && `${parts[0]}-${parts[1].padStart(2, "0")}-${parts[2].padStart(2, "0")}`;
}

/** "2026-11", "11/2026", "11-2026", and a date in the month ("2026-11-01", as Excel stores a typed month). */
export function parseMonth(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
  const local = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2]] : local ? [local[2], local[1]] : null;
  return parts && `${parts[0]}-${parts[1].padStart(2, "0")}`;
}

/** "1.000.000", "1,000,000", "Rp 1.000.000", "1000000" → 1000000. */
export function parseNominal(text: string): number | null {
  return parseCount(text.replace(/^\s*rp\.?\s*/i, ""));
}

export interface ImportProgramme {
  id: number;
  name: string;
  payerType: ProgrammePayerType;
}

/** A trader of the import's market that a row may update, with what the form's review compares against. */
export interface ImportExistingTrader {
  id: number;
  fullName: string;
  identity: StoredIdentity;
  /** The stored trader as the registration form's values: an update's empty cells keep these. */
  formValues: Record<string, string>;
}

export type NikHolder = { id: number; name: string; marketName: string } | "elsewhere";

export interface TraderImportContext {
  marketId: number;
  /** The market's local date. */
  today: string;
  table: RateTable;
  /** The programmes of the market's branch. */
  programmes: ImportProgramme[];
  /** The market's own traders by NIK: a row with one of these NIKs updates it. */
  existing: Map<string, ImportExistingTrader>;
  /** Holders of the file's NIKs at other markets (named when in the caller's scope). */
  nikElsewhere: Map<string, NikHolder>;
  /** Trader id holding each of the file's KPJ numbers. */
  kpjOwners: Map<string, number>;
}

/** The NIK as stored and the birth date and sex to store (typed, else read from the NIK). */
export type ResolvedIdentity = NonNullable<TraderReview["resolved"]>;

export type TraderRowData =
  | { action: "create"; input: TraderInput; identity: ResolvedIdentity }
  | { action: "update"; traderId: number; input: TraderInput; identity: ResolvedIdentity };

interface Converted {
  form: Record<string, string>;
  errors: Reason[];
  warnings: Reason[];
}

/**
 * The row's cells as the registration form would receive them, or the reasons a cell cannot be read. An empty
 * cell (or a missing column) keeps what `stored` holds for an update, and takes the form's default for a new
 * trader: an update changes only what the file says.
 */
type Labels = Partial<Record<TraderColumn, string>>;

/** A column as the file names it (its template header when the file has no such column). */
const columnLabel = (column: TraderColumn, labelOf: Labels) => labelOf[column] ?? TRADER_COLUMNS.find((c) => c.field === column)?.header ?? column;

function toForm(values: Record<TraderColumn, string>, context: TraderImportContext, labelOf: Labels, stored?: Record<string, string>): Converted {
  const errors: Reason[] = [];
  const warnings: Reason[] = [];
  const cellError = (column: TraderColumn, code: MessageKey) => errors.push({ code, column: columnLabel(column, labelOf), params: { value: values[column] } });
  const keep = (field: string, fallback: string) => stored?.[field] ?? fallback;
  /** The cell read by `parse`, as form text; when empty, what is kept. */
  function read<T>(column: TraderColumn, parse: (text: string) => T | null, code: MessageKey, toText: (value: T) => string, kept: string): string {
    if (values[column] === "") return kept;
    const parsed = parse(values[column]);
    if (parsed === null) cellError(column, code);
    return parsed === null ? kept : toText(parsed);
  }
  const text = (column: TraderColumn, field: string) => values[column] || keep(field, "");
  const asIs = (value: string) => value;
  const yesNo = (column: "whatsapp" | "jht", yes: string, no: string, kept: string) =>
    read(column, parseYesNo, "imports.trader.yesNoInvalid", (value) => (value ? yes : no), kept);
  const decimal = (column: "lat" | "lng") => read(column, parseDecimal, "imports.trader.numberInvalid", String, keep(column, ""));
  // Excel shows a 16-digit number as 6,17105E+15 and keeps only 15 digits: the NIK cannot be recovered.
  if (/^\d([.,]\d+)?e\+?\d+$/i.test(values.nik)) cellError("nik", "imports.trader.nikScientific");

  const programmeText = values.programme.toLowerCase();
  const programme = programmeText
    ? context.programmes.find((p) => p.name.toLowerCase() === programmeText || String(p.id) === programmeText)
    : undefined;
  if (programmeText && !programme) cellError("programme", "imports.trader.programmeUnknown");
  const payerType = read("payerType", payerOf, "imports.trader.payerInvalid", asIs, programme?.payerType ?? keep("payerType", "mandiri"));
  // As on the form: a programme pays for its own kind of payer only, and a self-paying trader has none.
  if (programme && payerType !== programme.payerType) cellError("programme", "traders.programmeInvalid");
  if (values.nominal === "" && !stored) warnings.push({ code: "imports.trader.nominalDefaulted" });

  const form = {
    marketId: String(context.marketId),
    nik: values.nik,
    fullName: text("fullName", "fullName"),
    sex: read("sex", sexOf, "imports.trader.sexInvalid", asIs, keep("sex", "")),
    birthDate: read("birthDate", parseBirthDate, "imports.trader.dateInvalid", asIs, keep("birthDate", "")),
    phone: text("phone", "phone"),
    whatsapp: yesNo("whatsapp", "1", "", keep("whatsapp", "")),
    stall: text("stall", "stall"),
    commodity: read("commodity", commodityOf, "imports.trader.commodityInvalid", asIs, keep("commodity", "other")),
    nominal: read("nominal", parseNominal, "imports.trader.nominalInvalid", String, keep("nominal", String(DEFAULT_NOMINAL))),
    jht: yesNo("jht", "1", "0", keep("jht", "0")),
    payerType,
    programmeId: programme ? String(programme.id) : payerType === "mandiri" ? "" : keep("programmeId", ""),
    kpj: text("kpj", "kpj"),
    status: read("status", statusOf, "imports.trader.statusInvalid", asIs, keep("status", "registered")),
    coverageStartMonth: read("coverageStartMonth", parseMonth, "imports.trader.monthInvalid", asIs, keep("coverageStartMonth", context.today.slice(0, 7))),
    lat: decimal("lat"),
    lng: decimal("lng"),
  };
  return { form, errors, warnings };
}

/** The columns (as the file names them) whose form value differs from the stored trader's. */
function changedColumns(form: Record<string, string>, stored: Record<string, string>, labelOf: Labels): string[] {
  return TRADER_COLUMNS.filter(({ field }) => {
    const key = field === "programme" ? "programmeId" : field;
    return key !== "nik" && (form[key] ?? "") !== (stored[key] ?? "");
  }).map(({ field }) => columnLabel(field, labelOf));
}

const columnOf = (field: string): TraderColumn => COLUMN_OF_FIELD[field] ?? (field as TraderColumn);

/** One reason per field the form's rules rejected, naming the column as the file wrote it. */
function fieldReasons(errors: Record<string, string>, values: Record<TraderColumn, string>, labelOf: Labels): Reason[] {
  return Object.entries(errors).map(([field, code]) => {
    const column = columnOf(field);
    return { code: code as MessageKey, column: columnLabel(column, labelOf), params: { value: values[column] ?? "" } };
  });
}

/** Decides every row of a file for the context's market. */
export function classifyTraderRows(table: ImportTable, context: TraderImportContext): ImportPreview<TraderRowData> {
  const mapping = mapColumns(table.headers, TRADER_COLUMNS);
  const missing = (["nik", "fullName"] as const).filter((field) => mapping.indexOf[field] == null);
  if (missing.length > 0) {
    throw new ImportFileError("unreadable", "imports.file.missingColumns", { columns: missing.map((f) => TRADER_COLUMNS.find((c) => c.field === f)!.header).join(", ") });
  }
  if (mapping.repeated.length > 0) throw new ImportFileError("unreadable", "imports.file.repeatedColumns", { columns: mapping.repeated.join(", ") });
  const labelOf = mapping.labelOf;
  const firstRowOfNik = new Map<string, number>();
  const firstRowOfKpj = new Map<string, number>();

  const rows = recordsOf(table, TRADER_COLUMNS, mapping).map(({ row, values }): ClassifiedRow<TraderRowData> => {
    const existing = context.existing.get(normalizeNik(values.nik));
    const converted = toForm(values, context, labelOf, existing?.formValues);
    const cellErrors = converted.errors;
    const parsed = parseTraderForm(converted.form);
    if (!parsed.success) {
      const formErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) formErrors[String(issue.path[0])] ??= issue.message;
      return rejectedRow(row, values, [...cellErrors, ...fieldReasons(formErrors, values, labelOf)], converted.warnings);
    }
    const input = parsed.data;
    const review = reviewTrader(input, { today: context.today, table: context.table, previous: existing?.identity });
    const errors = [...cellErrors, ...fieldReasons(review.errors, values, labelOf)];
    const warnings = [...converted.warnings, ...review.warnings.map((code): Reason => ({ code: code as MessageKey }))];

    const nik = review.resolved?.nik;
    if (nik) {
      const first = firstRowOfNik.get(nik);
      if (first != null) errors.push({ code: "imports.trader.nikRepeated", params: { row: first } });
      else firstRowOfNik.set(nik, row);
      const holder = existing ? undefined : context.nikElsewhere.get(nik);
      if (holder === "elsewhere") errors.push({ code: "traders.nikElsewhere" });
      else if (holder) errors.push({ code: "imports.trader.nikInRegion", params: { name: holder.name, market: holder.marketName } });
    }
    if (input.kpj != null && !review.errors.kpj) {
      const first = firstRowOfKpj.get(input.kpj);
      if (first != null) errors.push({ code: "imports.trader.kpjRepeated", params: { row: first } });
      else firstRowOfKpj.set(input.kpj, row);
      const owner = context.kpjOwners.get(input.kpj);
      if (owner != null && owner !== existing?.id) errors.push({ code: "traders.kpjTaken" });
    }

    const identity = review.resolved;
    if (errors.length > 0 || !identity) return rejectedRow(row, values, errors, warnings);
    if (existing) {
      const changed = changedColumns(converted.form, existing.formValues, labelOf);
      const notes: Reason[] = [
        changed.length > 0
          ? { code: "imports.trader.updatesExisting", params: { name: existing.fullName, columns: changed.join(", ") } }
          : { code: "imports.trader.unchanged", params: { name: existing.fullName } },
      ];
      const data: TraderRowData = { action: "update", traderId: existing.id, input, identity };
      return classifyRow(row, values, { errors, warnings, notes, action: "update", data });
    }
    return classifyRow(row, values, { errors, warnings, action: "create", data: { action: "create", input, identity } });
  });
  return previewOf(rows, mapping.ignored);
}

/** The NIKs and KPJ numbers a file names, as stored, so the model can look their holders up in one go. */
export function identifiersOf(table: ImportTable): { niks: string[]; kpjs: string[] } {
  const mapping = mapColumns(table.headers, TRADER_COLUMNS);
  const niks = new Set<string>();
  const kpjs = new Set<string>();
  for (const { values } of recordsOf(table, TRADER_COLUMNS, mapping)) {
    if (values.nik) niks.add(normalizeNik(values.nik));
    if (values.kpj) kpjs.add(values.kpj.replace(/[\s.-]/g, ""));
  }
  return { niks: [...niks], kpjs: [...kpjs] };
}
