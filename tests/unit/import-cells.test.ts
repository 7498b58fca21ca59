import { describe, expect, it } from "vitest";
import { z } from "zod";
import { choiceCell, optionalCell, parseCount, parseDecimal, parsedCell, parseYesNo } from "../../app/domain/import/cells";

describe("parseDecimal", () => {
  it("reads a decimal point or a decimal comma", () => {
    expect(parseDecimal("-0.0391")).toBe(-0.0391);
    expect(parseDecimal("-0,0391")).toBe(-0.0391);
    expect(parseDecimal("109,3428")).toBe(109.3428);
    expect(parseDecimal("117")).toBe(117);
  });

  it("rejects text, two decimal marks and thousands grouping", () => {
    for (const text of ["abc", "1.2.3", "1,234.5", "-", "0x10", "1e5"]) expect(parseDecimal(text), text).toBeNull();
  });
});

describe("parseCount", () => {
  it("reads plain and grouped whole numbers", () => {
    expect(parseCount("1500")).toBe(1500);
    expect(parseCount("1.500")).toBe(1500);
    expect(parseCount("1,500")).toBe(1500);
    expect(parseCount("1 236")).toBe(1236);
  });

  it("rejects fractions, negatives and misplaced grouping", () => {
    for (const text of ["1.5", "-3", "12.34", "1,50", "dua"]) expect(parseCount(text), text).toBeNull();
  });
});

describe("parseYesNo", () => {
  it("reads Indonesian and English yes/no and 1/0", () => {
    for (const text of ["ya", "Ya", "YES", "1", "true"]) expect(parseYesNo(text), text).toBe(true);
    for (const text of ["tidak", "Tidak", "no", "0", "FALSE"]) expect(parseYesNo(text), text).toBe(false);
    expect(parseYesNo("mungkin")).toBeNull();
  });
});

describe("cell schemas", () => {
  const schema = z.object({
    notes: optionalCell(5),
    count: parsedCell(parseCount, "imports.cell.notCount"),
    kind: choiceCell({ dinas_upt: ["dinas", "upt"], perumda: ["pd pasar"] }, "imports.market.operatorTypeInvalid"),
  });

  it("turns empty cells into undefined so an update leaves the stored value", () => {
    expect(schema.parse({ notes: "", count: "", kind: "" })).toEqual({ notes: undefined, count: undefined, kind: undefined });
  });

  it("reads choices by any spelling, without case or punctuation", () => {
    expect(schema.parse({ notes: "", count: "1.200", kind: "PD Pasar" })).toEqual({ notes: undefined, count: 1200, kind: "perumda" });
    expect(schema.parse({ notes: "", count: "", kind: "Dinas_UPT" }).kind).toBe("dinas_upt");
  });

  it("reports unreadable cells with the schema's message key", () => {
    const result = schema.safeParse({ notes: "too long", count: "x", kind: "swasta" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["notes", "imports.cell.tooLong"],
      ["count", "imports.cell.notCount"],
      ["kind", "imports.market.operatorTypeInvalid"],
    ]);
  });
});
