import { describe, expect, it } from "vitest";
import { formatInteger, formatRupiah, parseRupiah } from "../../app/domain/money";

describe("formatRupiah", () => {
  it("formats the minimum premium the Indonesian way, without a space", () => {
    expect(formatRupiah(16800)).toBe("Rp16.800");
    expect(formatRupiah(1_000_000)).toBe("Rp1.000.000");
    expect(formatRupiah(0)).toBe("Rp0");
  });

  it("uses commas in English and a leading minus for reversals", () => {
    expect(formatRupiah(36800, "en")).toBe("Rp36,800");
    expect(formatRupiah(-8400)).toBe("-Rp8.400");
  });

  it("refuses fractional rupiah rather than rounding silently", () => {
    expect(() => formatRupiah(16800.5)).toThrow(RangeError);
  });
});

describe("parseRupiah", () => {
  it("reads what collectors type", () => {
    expect(parseRupiah("16.800")).toBe(16800);
    expect(parseRupiah("Rp 16.800")).toBe(16800);
    expect(parseRupiah("600")).toBe(600);
  });

  it("rejects decimals, negatives and words", () => {
    expect(parseRupiah("16,5")).toBeNull();
    expect(parseRupiah("-600")).toBeNull();
    expect(parseRupiah("enam ratus")).toBeNull();
    expect(parseRupiah("")).toBeNull();
  });
});

describe("formatInteger", () => {
  it("groups thousands per language", () => {
    expect(formatInteger(200000)).toBe("200.000");
    expect(formatInteger(200000, "en")).toBe("200,000");
  });
});
