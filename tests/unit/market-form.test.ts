import { describe, expect, it } from "vitest";
import { contactEntries, formErrorsOf, parseContactForm, parseMarketForm, regencyInProvince } from "../../app/domain/market-form";

const valid = {
  name: " Pasar Sungai Jawi ",
  branchId: "3",
  regencyName: "Kota Pontianak",
  regencyCode: "61.71",
  address: "",
  lat: "-0,0301",
  lng: "109.3187",
  coordPrecision: "kelurahan",
  locationVerifiedVia: "",
  governmentRun: "1",
  operatorType: "dinas_upt",
  operatorName: "UPT Pasar Kota Pontianak",
  stallEstimate: "240",
  traderEstimate: "",
  notes: "",
};

function errorsOf(form: Record<string, unknown>) {
  const result = parseMarketForm(form);
  if (result.success) throw new Error("expected the form to be refused");
  return formErrorsOf(result.error);
}

describe("parseMarketForm", () => {
  it("reads a complete form into typed values, blanks as null and a decimal comma as a point", () => {
    const result = parseMarketForm(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      name: "Pasar Sungai Jawi",
      branchId: 3,
      lat: -0.0301,
      lng: 109.3187,
      locationVerifiedVia: null,
      governmentRun: true,
      address: null,
      stallEstimate: 240,
      traderEstimate: null,
      confirmSimilar: false,
      contacts: {},
    });
  });

  it("names every missing required field", () => {
    expect(errorsOf({})).toMatchObject({
      name: "common.required",
      branchId: "markets.branchRequired",
      regencyName: "common.required",
      regencyCode: "common.required",
      coordPrecision: "common.required",
      governmentRun: "common.required",
      operatorType: "common.required",
    });
  });

  it("wants the regency code as NN.NN", () => {
    expect(errorsOf({ ...valid, regencyCode: "6171" }).regencyCode).toBe("markets.regencyCodeFormat");
    expect(errorsOf({ ...valid, regencyCode: "61.7" }).regencyCode).toBe("markets.regencyCodeFormat");
  });

  it("refuses negative, fractional and non-numeric estimates", () => {
    const errors = errorsOf({ ...valid, stallEstimate: "-1", traderEstimate: "12.5" });
    expect(errors.stallEstimate).toBe("markets.countNegative");
    expect(errors.traderEstimate).toBe("common.invalidNumber");
    expect(errorsOf({ ...valid, traderEstimate: "banyak" }).traderEstimate).toBe("common.invalidNumber");
  });

  it("refuses coordinates outside Indonesia and half a coordinate pair", () => {
    expect(errorsOf({ ...valid, lat: "0.0301", lng: "-109.3187" }).location).toBe("markets.outsideIndonesia");
    expect(errorsOf({ ...valid, lng: "" }).location).toBe("markets.coordsIncomplete");
    expect(errorsOf({ ...valid, lat: "utara" }).lat).toBe("markets.coordInvalid");
  });

  it("needs a pin before a location can be marked verified", () => {
    expect(errorsOf({ ...valid, lat: "", lng: "", locationVerifiedVia: "site" }).location).toBe("markets.verifyNeedsPin");
    expect(parseMarketForm({ ...valid, locationVerifiedVia: "desk" }).data?.locationVerifiedVia).toBe("desk");
  });

  it("reads the similar-name confirmation checkbox", () => {
    expect(parseMarketForm({ ...valid, confirmSimilar: "1" }).data?.confirmSimilar).toBe(true);
  });

  it("normalises contact phones and reports a bad one next to its field", () => {
    const result = parseMarketForm({
      ...valid,
      "contacts.0.name": "Hendra Gunawan",
      "contacts.0.role": "Kepala UPT Pasar",
      "contacts.0.phone": "0812-5678-1234",
      "contacts.0.whatsapp": "1",
    });
    expect(result.data?.contacts).toEqual({
      "0": { name: "Hendra Gunawan", role: "Kepala UPT Pasar", phone: "+6281256781234", whatsapp: true },
    });
    const errors = errorsOf({ ...valid, "contacts.0.name": "Hendra", "contacts.0.phone": "telepon kantor" });
    expect(errors["contacts.0.phone"]).toBe("markets.phoneInvalid");
  });

  it("needs a phone for a WhatsApp contact and a name for any contact", () => {
    expect(errorsOf({ ...valid, "contacts.0.role": "Koordinator Pedagang" })["contacts.0.name"]).toBe("common.required");
    const errors = errorsOf({ ...valid, "contacts.0.name": "Rina", "contacts.0.whatsapp": "1" });
    expect(errors["contacts.0.phone"]).toBe("markets.whatsappNeedsPhone");
  });
});

describe("contact blocks", () => {
  it("leaves out blocks where nothing was typed", () => {
    expect(contactEntries({ "contacts.0.name": " ", "contacts.0.whatsapp": "1", "contacts.1.name": "Rina" })).toEqual({
      "1": { name: "Rina" },
    });
  });

  it("parses one block of a page with several and prefixes its errors", () => {
    const form = { "contacts.7.name": "Rina", "contacts.new.name": "", "contacts.new.phone": "12" };
    expect(parseContactForm(form, "7").data).toEqual({ name: "Rina", role: null, phone: null, whatsapp: false });
    const result = parseContactForm(form, "new");
    expect(result.success).toBe(false);
    expect(formErrorsOf(result.error!, "contacts.new.")).toEqual({
      "contacts.new.name": "common.required",
      "contacts.new.phone": "markets.phoneInvalid",
    });
  });
});

describe("regencyInProvince", () => {
  it("compares the regency code's first two digits with the branch's province", () => {
    expect(regencyInProvince("61.71", "61")).toBe(true);
    expect(regencyInProvince("64.71", "61")).toBe(false);
  });
});
