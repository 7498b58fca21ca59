import { describe, expect, it } from "vitest";
import { checkInSchema, formValues, outcomeSchema, parseVisitCommand, planVisitSchema } from "../../app/domain/visit-form";
import { fieldErrorsOf } from "../../app/domain/user-form";

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) => (result.error ? fieldErrorsOf(result.error) : {});

describe("planVisitSchema", () => {
  it("reads a complete plan, with one or several people going", () => {
    const parsed = planVisitSchema.parse({ marketId: "7", plannedDate: "2026-11-24", plannedTime: "09:30", purpose: "negotiation", staffIds: ["3", "4"], notes: " Bawa draf MoU " });
    expect(parsed).toEqual({ marketId: 7, plannedDate: "2026-11-24", plannedTime: "09:30", purpose: "negotiation", staffIds: [3, 4], notes: "Bawa draf MoU" });
    expect(planVisitSchema.parse({ marketId: "7", plannedDate: "2026-11-24", purpose: "other", staffIds: "3" })).toMatchObject({ staffIds: [3], plannedTime: null, notes: null });
  });

  it("names every missing or malformed field with a message key", () => {
    const result = planVisitSchema.safeParse({ marketId: "", plannedDate: "2026-02-30", plannedTime: "25:00", purpose: "party", staffIds: [] });
    expect(errorsOf(result)).toEqual({
      marketId: "visits.marketRequired",
      plannedDate: "visits.dateInvalid",
      plannedTime: "visits.timeInvalid",
      purpose: "common.required",
      staffIds: "visits.staffRequired",
    });
    expect(errorsOf(planVisitSchema.safeParse({ marketId: "1", purpose: "other", staffIds: ["1"] }))).toEqual({ plannedDate: "common.required" });
  });
});

describe("outcomeSchema", () => {
  const base = { outcomeNotes: "Diterima pengelola" };

  it("treats blank counts as none and defaults the follow-up purpose to negotiation", () => {
    expect(outcomeSchema.parse({ ...base, tradersSocialised: "", peopleMet: "  " })).toMatchObject({
      tradersSocialised: 0,
      tradersEnrolled: 0,
      peopleMet: null,
      stage: null,
      followUpDate: null,
      followUpPurpose: "negotiation",
    });
  });

  it("accepts only whole counts from zero", () => {
    const result = outcomeSchema.safeParse({ ...base, tradersSocialised: "-1", tradersEnrolled: "2.5" });
    expect(errorsOf(result)).toEqual({ tradersSocialised: "visits.notNegative", tradersEnrolled: "common.invalidNumber" });
    expect(errorsOf(outcomeSchema.safeParse({ ...base, tradersSocialised: "banyak" }))).toEqual({ tradersSocialised: "common.invalidNumber" });
  });

  it("needs a summary, a real stage and a date for a follow-up time", () => {
    expect(errorsOf(outcomeSchema.safeParse({ stage: "signed" }))).toEqual({ outcomeNotes: "common.required", stage: "visits.stageNotOpen" });
    expect(errorsOf(outcomeSchema.safeParse({ ...base, followUpTime: "10:00" }))).toEqual({ followUpDate: "visits.followUpDateRequired" });
  });

  it("reads a stage change with its reason and a follow-up visit", () => {
    const parsed = outcomeSchema.parse({ ...base, stage: "declined", stageReason: "Belum bersedia", followUpDate: "2026-12-01", followUpTime: "10:00", followUpPurpose: "socialisation" });
    expect(parsed).toMatchObject({ stage: "declined", stageReason: "Belum bersedia", followUpDate: "2026-12-01", followUpTime: "10:00", followUpPurpose: "socialisation" });
  });
});

describe("checkInSchema", () => {
  it("takes both coordinates or neither", () => {
    expect(checkInSchema.parse({ lat: "", lng: "", accuracy: "" })).toEqual({ lat: null, lng: null, accuracy: null });
    expect(checkInSchema.parse({ lat: "-0.0374", lng: "109.3671", accuracy: "12" })).toEqual({ lat: -0.0374, lng: 109.3671, accuracy: 12 });
    expect(errorsOf(checkInSchema.safeParse({ lat: "-0.03", lng: "" }))).toEqual({ lat: "visits.coordsInvalid" });
    expect(errorsOf(checkInSchema.safeParse({ lat: "123", lng: "109" }))).toEqual({ lat: "visits.coordsInvalid" });
  });
});

describe("parseVisitCommand", () => {
  it("turns a form's intent and fields into a command", () => {
    expect(parseVisitCommand("cancel", { reason: " Pasar tutup " })).toEqual({ ok: true, command: { kind: "cancel", reason: "Pasar tutup" } });
    expect(parseVisitCommand("reschedule", { plannedDate: "2026-12-02", reason: "" })).toEqual({ ok: false, errors: { reason: "common.required" } });
  });

  it("refuses unknown intents and intents the page does not offer", () => {
    expect(parseVisitCommand("update", {})).toEqual({ ok: false, errors: { form: "visits.unknownAction" } });
    expect(parseVisitCommand("outcome", { outcomeNotes: "x" }, ["checkIn", "cancel"])).toEqual({ ok: false, errors: { form: "visits.unknownAction" } });
  });
});

describe("formValues", () => {
  it("keeps every value of a checkbox group and leaves out the CSRF token", () => {
    const form = new FormData();
    form.append("csrf", "token");
    form.append("staffIds", "3");
    form.append("staffIds", "4");
    form.append("purpose", "other");
    expect(formValues(form, ["staffIds"])).toEqual({ staffIds: ["3", "4"], purpose: "other" });
  });
});
