import { describe, expect, it } from "vitest";
import { depositFormValues, depositProblems, depositSchema, mayReview, verificationProblem } from "../../app/domain/deposit-form";
import { fieldErrorsOf } from "../../app/domain/user-form";

const coverable = [
  { date: "2026-11-20", counted: 30_000 },
  { date: "2026-11-21", counted: 12_000 },
];

describe("depositSchema", () => {
  it("reads a typed amount, the channel and every ticked day", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ marketId: "4", channel: "BRI", reference: " 00123 ", amount: "Rp 42.000", depositDate: "2026-11-22" })) {
      form.set(name, value);
    }
    form.append("days", "2026-11-20");
    form.append("days", "2026-11-21");
    const parsed = depositSchema.parse(depositFormValues(form));
    expect(parsed).toEqual({
      marketId: 4,
      channel: "BRI",
      reference: "00123",
      amount: 42_000,
      depositDate: "2026-11-22",
      days: ["2026-11-20", "2026-11-21"],
      note: null,
    });
  });

  it("refuses zero, fractional and impossible input with message keys", () => {
    const result = depositSchema.safeParse({ marketId: "1", channel: "cash", reference: "", amount: "0", depositDate: "2026-02-30", days: [] });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toMatchObject({
      channel: "common.required",
      reference: "common.required",
      amount: "deposits.amountPositive",
      depositDate: "deposits.dateInvalid",
      days: "deposits.daysRequired",
    });
  });
});

describe("depositProblems", () => {
  const base = { amount: 42_000, depositDate: "2026-11-22", days: ["2026-11-20", "2026-11-21"], note: null };

  it("accepts a deposit that matches the counted cash of coverable days", () => {
    expect(depositProblems(base, coverable, "2026-11-22")).toEqual({});
  });

  it("allows a mismatch only with a note", () => {
    expect(depositProblems({ ...base, amount: 41_000 }, coverable, "2026-11-22")).toEqual({ note: "deposits.differenceNeedsNote" });
    expect(depositProblems({ ...base, amount: 41_000, note: "Uang robek ditukar bank" }, coverable, "2026-11-22")).toEqual({});
  });

  it("refuses a day that is open, already covered or repeated", () => {
    expect(depositProblems({ ...base, days: ["2026-11-23"] }, coverable, "2026-11-23")).toMatchObject({ days: "deposits.dayNotCoverable" });
    expect(depositProblems({ ...base, days: ["2026-11-20", "2026-11-20"] }, coverable, "2026-11-22").days).toBe("deposits.dayNotCoverable");
  });

  it("refuses a deposit dated in the future or before a day it covers", () => {
    expect(depositProblems({ ...base, depositDate: "2026-11-23" }, coverable, "2026-11-22").depositDate).toBe("deposits.dateFuture");
    expect(depositProblems({ ...base, depositDate: "2026-11-20" }, coverable, "2026-11-22").depositDate).toBe("deposits.dateBeforeDays");
  });
});

describe("verificationProblem", () => {
  const deposit = { status: "recorded", recordedByUserId: 7 };

  it("lets another person verify or reject with a reason", () => {
    expect(verificationProblem(deposit, 8, { verdict: "verify", reason: null })).toBeNull();
    expect(verificationProblem(deposit, 8, { verdict: "reject", reason: "Referensi tidak ditemukan" })).toBeNull();
  });

  it("stops the recorder verifying their own deposit", () => {
    expect(verificationProblem(deposit, 7, { verdict: "verify", reason: null })).toBe("deposits.ownDeposit");
  });

  it("needs a reason to reject and a deposit still awaiting a decision", () => {
    expect(verificationProblem(deposit, 8, { verdict: "reject", reason: " " })).toBe("deposits.reasonRequired");
    expect(verificationProblem({ ...deposit, status: "verified" }, 8, { verdict: "verify", reason: null })).toBe("deposits.notAwaiting");
  });
});

describe("mayReview", () => {
  it("offers the review to branch staff other than the recorder, never to a collector", () => {
    const deposit = { status: "recorded", recordedByUserId: 7 };
    expect(mayReview(deposit, { id: 8, role: "branch_staff" })).toBe(true);
    expect(mayReview(deposit, { id: 7, role: "branch_staff" })).toBe(false);
    expect(mayReview(deposit, { id: 9, role: "market_collector" })).toBe(false);
    expect(mayReview({ ...deposit, status: "rejected" }, { id: 8, role: "branch_staff" })).toBe(false);
  });
});
