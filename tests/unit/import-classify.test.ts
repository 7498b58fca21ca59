import { describe, expect, it } from "vitest";
import { classifyRow, countByStatus, previewOf, publicRows, rejectedRow, sortForReview } from "../../app/domain/import/classify";

const values = { name: "Pasar A" };

describe("classifyRow", () => {
  it("gives a clean row its action as status and keeps its data", () => {
    const row = classifyRow(2, values, { errors: [], warnings: [], action: "create", data: { id: 1 } });
    expect(row).toMatchObject({ row: 2, status: "create", action: "create", data: { id: 1 }, reasons: [] });
  });

  it("marks a row with warnings but still imports it", () => {
    const warning = { code: "imports.market.similarRow" as const, params: { name: "Pasar B", row: 3 } };
    const row = classifyRow(4, values, { errors: [], warnings: [warning], action: "update", data: { id: 1 } });
    expect(row).toMatchObject({ status: "warning", action: "update", data: { id: 1 }, reasons: [warning] });
  });

  it("drops the data and the action of a row with errors, errors listed before warnings and notes", () => {
    const row = classifyRow(5, values, {
      errors: [{ code: "imports.market.branchRequired" }],
      warnings: [{ code: "imports.market.governmentRunUnknown" }],
      notes: [{ code: "imports.market.updatesExisting", params: { code: "MKT001", name: "Pasar Flamboyan" } }],
      action: "update",
      data: { id: 1 },
    });
    expect(row.status).toBe("error");
    expect(row.action).toBeNull();
    expect(row.data).toBeNull();
    expect(row.reasons.map((reason) => reason.code)).toEqual([
      "imports.market.branchRequired",
      "imports.market.governmentRunUnknown",
      "imports.market.updatesExisting",
    ]);
  });

  it("rejects a row outright with no data", () => {
    expect(rejectedRow(6, values, [{ code: "imports.market.branchRequired" }])).toMatchObject({ status: "error", action: null, data: null });
  });
});

describe("counts and order", () => {
  const rows = [
    { row: 2, status: "create" as const },
    { row: 3, status: "error" as const },
    { row: 4, status: "warning" as const },
    { row: 5, status: "update" as const },
    { row: 6, status: "error" as const },
  ];

  it("counts every status, the total and the rows that can be saved", () => {
    expect(countByStatus(rows)).toEqual({ error: 2, warning: 1, update: 1, create: 1, total: 5, valid: 3 });
  });

  it("lists errors first, then warnings, updates and new rows, in file order within each", () => {
    expect(sortForReview(rows).map((row) => row.row)).toEqual([3, 6, 4, 5, 2]);
  });

  it("builds a preview whose public rows carry no parsed data", () => {
    const preview = previewOf([classifyRow(2, values, { errors: [], warnings: [], action: "create", data: { secret: 1 } })], ["warna"]);
    expect(preview.ignoredColumns).toEqual(["warna"]);
    expect(publicRows(preview.rows)[0]).not.toHaveProperty("data");
  });
});
