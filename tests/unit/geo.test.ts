import { describe, expect, it } from "vitest";
import { distanceMetres, isInsideIndonesia, parseDegrees, pinFromText } from "../../app/domain/geo";

describe("isInsideIndonesia", () => {
  it("accepts Kalimantan markets and the far corners of the country", () => {
    expect(isInsideIndonesia(-0.0391, 109.3428)).toBe(true); // Pasar Flamboyan, Pontianak
    expect(isInsideIndonesia(5.89, 95.32)).toBe(true); // Sabang
    expect(isInsideIndonesia(-8.5, 140.4)).toBe(true); // Merauke
  });

  it("refuses swapped, sign-flipped and empty coordinates", () => {
    expect(isInsideIndonesia(109.3428, -0.0391)).toBe(false);
    expect(isInsideIndonesia(-0.0391, -109.3428)).toBe(false);
    expect(isInsideIndonesia(0, 0)).toBe(false);
    expect(isInsideIndonesia(Number.NaN, 109)).toBe(false);
  });

  it("treats the bounds themselves as inside", () => {
    expect(isInsideIndonesia(-11, 94.5)).toBe(true);
    expect(isInsideIndonesia(6.5, 141.5)).toBe(true);
    expect(isInsideIndonesia(6.51, 120)).toBe(false);
    expect(isInsideIndonesia(-2, 141.6)).toBe(false);
  });
});

describe("distanceMetres", () => {
  it("is zero for the same point and symmetric", () => {
    const flamboyan = { lat: -0.0391, lng: 109.3428 };
    const dahlia = { lat: -0.0366, lng: 109.3135 };
    expect(distanceMetres(flamboyan, flamboyan)).toBe(0);
    expect(distanceMetres(flamboyan, dahlia)).toBeCloseTo(distanceMetres(dahlia, flamboyan), 6);
  });

  it("measures about 111 km per degree of latitude", () => {
    expect(distanceMetres({ lat: 0, lng: 110 }, { lat: 1, lng: 110 })).toBeCloseTo(111_195, -1);
  });

  it("measures short distances across town in metres", () => {
    // Pasar Flamboyan to the Pontianak branch area centroid: about 3.3 km.
    const metres = distanceMetres({ lat: -0.0391, lng: 109.3428 }, { lat: -0.0366, lng: 109.3135 });
    expect(metres).toBeGreaterThan(3200);
    expect(metres).toBeLessThan(3350);
  });

  it("measures Pontianak to Balikpapan as roughly 840 km", () => {
    const metres = distanceMetres({ lat: -0.0366, lng: 109.3135 }, { lat: -1.2684, lng: 116.8319 });
    expect(metres / 1000).toBeGreaterThan(830);
    expect(metres / 1000).toBeLessThan(860);
  });
});

describe("typed coordinates", () => {
  it("reads a decimal comma and refuses text", () => {
    expect(parseDegrees(" -0,0391 ")).toBe(-0.0391);
    expect(parseDegrees("utara")).toBeNaN();
    expect(parseDegrees("")).toBeNaN();
  });

  it("makes a pin only of a complete point inside Indonesia", () => {
    expect(pinFromText("-0.0391", "109.3428")).toEqual({ lat: -0.0391, lng: 109.3428 });
    expect(pinFromText("-0.0391", "")).toBeNull();
    expect(pinFromText("109.3428", "-0.0391")).toBeNull();
  });
});
