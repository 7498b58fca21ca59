import { describe, expect, it } from "vitest";
import { DATA_AREA, mapFilterParams, parseBbox, parseMapFilters, parseZoom, requestBbox } from "../../app/domain/map-query";

describe("parseBbox", () => {
  it("reads west,south,east,north with spaces and negative values", () => {
    expect(parseBbox("108.5,-3.25, 118.0 ,4")).toEqual({ ok: true, value: [108.5, -3.25, 118, 4] });
  });

  it("asks for the box when it is missing", () => {
    for (const raw of [null, "", "  "]) {
      const parsed = parseBbox(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/bbox is required/);
    }
  });

  it("refuses anything but four decimal numbers", () => {
    for (const raw of ["1,2,3", "1,2,3,4,5", "a,b,c,d", "1,,3,4", "1e2,0,2,1", "Infinity,0,1,1", "0x10,0,20,1"]) {
      const parsed = parseBbox(raw);
      expect(parsed.ok, raw).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/four decimal numbers/);
    }
  });

  it("refuses boxes outside the world or turned inside out", () => {
    expect(parseBbox("-181,0,10,10")).toMatchObject({ ok: false, error: expect.stringMatching(/outside the world/) });
    expect(parseBbox("100,-91,110,0")).toMatchObject({ ok: false, error: expect.stringMatching(/outside the world/) });
    expect(parseBbox("110,0,100,5")).toMatchObject({ ok: false, error: expect.stringMatching(/west < east/) });
    expect(parseBbox("100,5,110,5")).toMatchObject({ ok: false, error: expect.stringMatching(/south < north/) });
  });

  it("refuses a box wider than 60 degrees or taller than 40", () => {
    expect(parseBbox("60,-10,121,10")).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    expect(parseBbox("100,-30,110,11")).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    expect(parseBbox("-180,-90,180,90").ok).toBe(false);
    expect(parseBbox("90,-15,145,10").ok).toBe(true);
  });
});

describe("parseZoom", () => {
  it("accepts whole numbers from 0 to 22", () => {
    expect(parseZoom("0")).toEqual({ ok: true, value: 0 });
    expect(parseZoom("22")).toEqual({ ok: true, value: 22 });
  });

  it("refuses missing, fractional, negative and too deep zooms with a clear message", () => {
    expect(parseZoom(null)).toMatchObject({ ok: false, error: expect.stringMatching(/zoom is required/) });
    for (const raw of ["6.5", "-1", "23", "six", "1e1"]) {
      expect(parseZoom(raw), raw).toMatchObject({ ok: false, error: expect.stringMatching(/whole number from 0 to 22/) });
    }
  });
});

describe("requestBbox", () => {
  it("cuts a wide view to the data area so requests stay within the size limit", () => {
    expect(requestBbox([20, -60, 200, 60])).toEqual(DATA_AREA);
    expect(parseBbox(DATA_AREA.join(",")).ok).toBe(true);
  });

  it("keeps a view inside the data area as it is and drops one outside it", () => {
    expect(requestBbox([108, -2, 110, 1])).toEqual([108, -2, 110, 1]);
    expect(requestBbox([-10, 40, 10, 50])).toBeNull();
  });
});

describe("map filters", () => {
  it("reads known values and ignores unknown or malformed ones", () => {
    const filters = parseMapFilters(new URLSearchParams("branch=3&market=x&stage=collecting&status=menunggak"));
    expect(filters).toEqual({ branchId: 3, marketId: undefined, stage: "collecting", status: "menunggak" });
    expect(parseMapFilters(new URLSearchParams("branch=-2&stage=sold&status=paid"))).toEqual({
      branchId: undefined,
      marketId: undefined,
      stage: undefined,
      status: undefined,
    });
  });

  it("turns filters back into the same parameters", () => {
    const filters = { branchId: 4, marketId: 9, stage: "visited" as const, status: "aktif" as const };
    expect(parseMapFilters(mapFilterParams(filters))).toEqual(filters);
    expect(mapFilterParams({}).toString()).toBe("");
  });
});
