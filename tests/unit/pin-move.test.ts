import { describe, expect, it } from "vitest";
import { canEditPins, parsePinMove } from "../../app/domain/pin-move";

describe("parsePinMove", () => {
  it("reads a market or trader move from form text", () => {
    expect(parsePinMove({ intent: "moveMarket", id: "12", lat: "-0.0391", lng: "109.3428" })).toEqual({
      ok: true,
      move: { intent: "moveMarket", id: 12, lat: -0.0391, lng: 109.3428 },
    });
    expect(parsePinMove({ intent: "moveTrader", id: "3", lat: "1.5", lng: "116" }).ok).toBe(true);
  });

  it("refuses a point outside Indonesia", () => {
    expect(parsePinMove({ intent: "moveMarket", id: "1", lat: "51.5", lng: "-0.12" })).toEqual({ ok: false, error: "map.pin.outsideIndonesia" });
    expect(parsePinMove({ intent: "moveMarket", id: "1", lat: "109.3", lng: "-0.04" })).toEqual({ ok: false, error: "map.pin.outsideIndonesia" });
  });

  it("refuses unknown intents, bad ids and non-numbers", () => {
    expect(parsePinMove({ intent: "update" })).toEqual({ ok: false, error: "map.pin.invalid" });
    expect(parsePinMove({ intent: "moveMarket", id: "0", lat: "0.1", lng: "110" })).toEqual({ ok: false, error: "map.pin.invalid" });
    expect(parsePinMove({ intent: "moveMarket", id: "1", lat: "north", lng: "110" })).toEqual({ ok: false, error: "map.pin.invalid" });
  });
});

describe("canEditPins", () => {
  it("lets branch staff and admins move pins, not heads or collectors", () => {
    expect(canEditPins("branch_staff")).toBe(true);
    expect(canEditPins("admin")).toBe(true);
    expect(canEditPins("regional_head")).toBe(false);
    expect(canEditPins("market_collector")).toBe(false);
  });
});
