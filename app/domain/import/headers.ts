import type { MessageKey } from "../../i18n";
import type { ImportTable } from "./table";

// Matching a file's header row to an import's fields, forgiving the ways people write headers:
// "Kode Cabang", "kode-cabang", "KODE_CABANG *", "Lintang (desimal)" all mean the same column.

export interface ColumnSpec<F extends string> {
  field: F;
  /** The template's name for the column, when it differs from the field. */
  header?: string;
  /** Other names people use for the column (Indonesian, English), written any way: they are normalised. */
  aliases: readonly string[];
  /** What goes in the column, for the page's column guide and the template's guide sheet. */
  help: MessageKey;
}

/** Lower case, accents and parenthesised hints dropped, every run of other characters one underscore. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export interface ColumnMapping<F extends string> {
  /** Column index of each field found in the file. */
  indexOf: Partial<Record<F, number>>;
  /** The header as written in the file, to name the column in messages. */
  labelOf: Partial<Record<F, string>>;
  /** Headers that match no field: their cells are ignored. */
  ignored: string[];
  /** Fields named by more than one column. */
  repeated: F[];
}

export function mapColumns<F extends string>(headers: string[], specs: readonly ColumnSpec<F>[]): ColumnMapping<F> {
  const fieldByName = new Map<string, F>();
  for (const spec of specs) {
    for (const name of [spec.field, spec.header ?? spec.field, ...spec.aliases]) fieldByName.set(normaliseHeader(name), spec.field);
  }
  const mapping: ColumnMapping<F> = { indexOf: {}, labelOf: {}, ignored: [], repeated: [] };
  headers.forEach((header, index) => {
    const field = fieldByName.get(normaliseHeader(header));
    if (!field) {
      if (header.trim()) mapping.ignored.push(header.trim());
    } else if (mapping.indexOf[field] != null) {
      if (!mapping.repeated.includes(field)) mapping.repeated.push(field);
    } else {
      mapping.indexOf[field] = index;
      mapping.labelOf[field] = header.trim();
    }
  });
  return mapping;
}

export interface ImportRecord<F extends string> {
  row: number;
  /** Trimmed cell text per field; "" where the cell is empty or the column is absent. */
  values: Record<F, string>;
}

export function recordsOf<F extends string>(table: ImportTable, specs: readonly ColumnSpec<F>[], mapping: ColumnMapping<F>): ImportRecord<F>[] {
  return table.rows.map(({ row, cells }) => {
    const values = {} as Record<F, string>;
    for (const { field } of specs) {
      const index = mapping.indexOf[field];
      values[field] = index == null ? "" : (cells[index] ?? "").trim();
    }
    return { row, values };
  });
}
