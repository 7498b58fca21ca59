import { describe, expect, it } from "vitest";
import { areNamesSimilar, editDistance, findSimilarNames, nameTokens } from "../../app/domain/similar-names";

describe("nameTokens", () => {
  it("drops the word pasar, case, accents and punctuation", () => {
    expect(nameTokens("Pasar Masuka (Mesuka) Sayur")).toEqual(["masuka", "mesuka", "sayur"]);
    expect(nameTokens("PS. Flamboyán")).toEqual(["flamboyan"]);
  });
});

describe("areNamesSimilar", () => {
  it("treats the same market written differently as similar", () => {
    expect(areNamesSimilar("Pasar Flamboyan", "flamboyan")).toBe(true);
    expect(areNamesSimilar("Pasar Flamboyan", "Pasar Flamboyan Baru")).toBe(true);
    expect(areNamesSimilar("flamboyan", "Pasar Flamboyan Baru")).toBe(true);
    expect(areNamesSimilar("Pasar Flamboyan", "PASAR FLAMBOYAN!")).toBe(true);
  });

  it("forgives a typo in a long word and a missing space", () => {
    expect(areNamesSimilar("Pasar Flamboyan", "Pasar Flamboyen")).toBe(true);
    expect(areNamesSimilar("Pasar Kenanga Anggrek", "Pasar KenangaAnggrek")).toBe(true);
  });

  it("sees a market named inside a longer name", () => {
    expect(areNamesSimilar("Pasar Kenanga", "Pasar Kenanga Anggrek")).toBe(true);
    expect(areNamesSimilar("Pasar Induk Tanjung Selor", "Pasar Tanjung Selor")).toBe(true);
  });

  it("keeps different markets apart", () => {
    expect(areNamesSimilar("Pasar Flamboyan", "Pasar Dahlia")).toBe(false);
    expect(areNamesSimilar("Pasar Tengah", "Pasar Kenanga")).toBe(false);
    expect(areNamesSimilar("Pasar Besar", "Pasar Kapuas Besar")).toBe(false);
    expect(areNamesSimilar("Pasar Demo Pagi", "Pasar Demo Segiri")).toBe(false);
    expect(areNamesSimilar("Pasar Batu", "Pasar Baru")).toBe(false);
  });

  it("lets a name made only of qualifiers match the same qualifiers", () => {
    expect(areNamesSimilar("Pasar Besar", "Pasar Besar Baru")).toBe(true);
  });

  it("does not call a name made only of the word pasar similar to anything", () => {
    expect(areNamesSimilar("Pasar", "Pasar Flamboyan")).toBe(false);
  });
});

describe("findSimilarNames", () => {
  it("returns the similar candidates in their order", () => {
    const candidates = [{ name: "Pasar Dahlia" }, { name: "Pasar Flamboyan Baru" }, { name: "Pasar Flamboyan" }];
    expect(findSimilarNames("flamboyan", candidates).map((c) => c.name)).toEqual(["Pasar Flamboyan Baru", "Pasar Flamboyan"]);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
