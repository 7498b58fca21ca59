import { describe, expect, it } from "vitest";
import { SimilarNameIndex } from "../../app/domain/import/similar-index";

describe("SimilarNameIndex", () => {
  const index = new SimilarNameIndex<{ id: number; name: string }>();
  index.add("61.71", { id: 1, name: "Pasar Flamboyan" });
  index.add("61.71", { id: 2, name: "Pasar Kenanga Anggrek" });
  index.add("61.72", { id: 3, name: "Pasar Beringin" });

  it("finds names that look alike within the same group, typos and spacing included", () => {
    expect(index.similarTo("61.71", "Ps. Flamboyan Baru").map((m) => m.id)).toEqual([1]);
    expect(index.similarTo("61.71", "Pasar Flamboyn").map((m) => m.id)).toEqual([1]);
    expect(index.similarTo("61.71", "KenangaAnggrek").map((m) => m.id)).toEqual([2]);
  });

  it("does not compare across groups or with excluded items", () => {
    expect(index.similarTo("61.72", "Pasar Flamboyan")).toEqual([]);
    expect(index.similarTo("61.71", "Pasar Flamboyan", (m) => m.id === 1)).toEqual([]);
  });

  it("returns nothing for a different market", () => {
    expect(index.similarTo("61.71", "Pasar Sungai Jawi")).toEqual([]);
  });

  // Comparing every row with every other took minutes; the bound only catches that coming back.
  it("stays fast on a file of 5,000 rows that all look alike", { timeout: 30_000 }, () => {
    const big = new SimilarNameIndex<{ row: number; name: string }>();
    const start = Date.now();
    for (let row = 2; row < 5002; row += 1) {
      big.similarTo("61.71", `Pasar Sungai Jawi ${row}`);
      big.add("61.71", { row, name: `Pasar Sungai Jawi ${row}` });
    }
    expect(Date.now() - start).toBeLessThan(15_000);
  });
});
