import { describe, expect, it } from "vitest";
import { actionsAvailable, checkMouTransition, daysUntil, effectiveMouStatus, formatMouNumber, periodsOverlap } from "../../app/domain/mou-status";
import { detectDocumentType } from "../../app/domain/file-types";
import { mouTermsSchema } from "../../app/domain/mou-form";

const complete = {
  counterparty_signatory_name: "Drs. Hendra",
  branch_signatory_name: "Andi",
  signed_on: "2026-11-20",
  in_force_from: "2026-12-01",
  expires_on: "2028-11-30",
};

describe("effectiveMouStatus", () => {
  const signed = { status: "signed" as const, in_force_from: "2026-12-01", expires_on: "2027-11-30" };

  it("is signed before the in-force date, in force from it, expired after the expiry date", () => {
    expect(effectiveMouStatus(signed, "2026-11-30")).toBe("signed");
    expect(effectiveMouStatus(signed, "2026-12-01")).toBe("in_force");
    expect(effectiveMouStatus(signed, "2027-11-30")).toBe("in_force");
    expect(effectiveMouStatus(signed, "2027-12-01")).toBe("expired");
  });

  it("keeps drafts and terminated MoUs as they are whatever the dates say", () => {
    expect(effectiveMouStatus({ ...signed, status: "terminated" }, "2027-01-01")).toBe("terminated");
    expect(effectiveMouStatus({ status: "draft", in_force_from: null, expires_on: null }, "2027-01-01")).toBe("draft");
  });
});

describe("checkMouTransition", () => {
  it("lets a complete MoU be signed", () => {
    expect(checkMouTransition("awaiting_signature", "sign", complete, "2026-11-24")).toEqual([]);
  });

  it("says everything signing still needs", () => {
    const errors = checkMouTransition(
      "awaiting_signature",
      "sign",
      { counterparty_signatory_name: " ", branch_signatory_name: null, signed_on: null, in_force_from: null, expires_on: null },
      "2026-11-24",
    );
    expect(errors).toEqual(["mou.needsCounterpartySignatory", "mou.needsBranchSignatory", "mou.needsSignedDate", "mou.needsInForceDates"]);
  });

  it("refuses an in-force date after the expiry date and a signing date in the future", () => {
    expect(checkMouTransition("draft", "sign", { ...complete, in_force_from: "2029-01-01" }, "2026-11-24")).toEqual(["mou.inForceAfterExpiry"]);
    expect(checkMouTransition("draft", "sign", { ...complete, signed_on: "2026-11-25" }, "2026-11-24")).toEqual(["mou.signedInFuture"]);
  });

  it("needs a reason to terminate and refuses actions the status does not allow", () => {
    expect(checkMouTransition("in_force", "terminate", { ...complete, reason: "" }, "2026-11-24")).toEqual(["mou.reasonRequired"]);
    expect(checkMouTransition("expired", "terminate", { ...complete, reason: "x" }, "2026-11-24")).toEqual(["mou.notAllowedFromStatus"]);
    expect(checkMouTransition("in_force", "sign", complete, "2026-11-24")).toEqual(["mou.notAllowedFromStatus"]);
  });

  it("offers only the actions a status allows", () => {
    expect(actionsAvailable("draft")).toEqual(["submit", "sign", "terminate"]);
    expect(actionsAvailable("awaiting_signature")).toEqual(["sign", "reopen", "terminate"]);
    expect(actionsAvailable("expired")).toEqual([]);
  });
});

describe("MoU helpers", () => {
  it("numbers MoUs per branch and year with three digits", () => {
    expect(formatMouNumber("KC-PTK", 2026, 3)).toBe("MOU/KC-PTK/2026/003");
  });

  it("treats periods sharing a single day as overlapping", () => {
    expect(periodsOverlap({ from: "2026-01-01", to: "2026-12-31" }, { from: "2026-12-31", to: "2027-12-31" })).toBe(true);
    expect(periodsOverlap({ from: "2026-01-01", to: "2026-12-31" }, { from: "2027-01-01", to: "2027-12-31" })).toBe(false);
  });

  it("counts days to a date", () => {
    expect(daysUntil("2026-12-24", "2026-11-24")).toBe(30);
    expect(daysUntil("2026-11-20", "2026-11-24")).toBe(-4);
  });
});

describe("detectDocumentType", () => {
  it("recognises PDF, JPEG and PNG by their first bytes, not their names", () => {
    expect(detectDocumentType(new TextEncoder().encode("%PDF-1.7\n"))?.mime).toBe("application/pdf");
    expect(detectDocumentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe("image/jpeg");
    expect(detectDocumentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.mime).toBe("image/png");
    expect(detectDocumentType(new TextEncoder().encode("MZ executable"))).toBeNull();
  });
});

describe("mouTermsSchema", () => {
  const base = { counterpartyType: "dinas_upt", counterpartyName: "UPT Pasar", depositSchedule: "Mingguan", targetTraders: "" };

  it("reads a fee written with a decimal comma as basis points", () => {
    const parsed = mouTermsSchema.parse({ ...base, collectorFeeBasisPoints: "7,5" });
    expect(parsed.collectorFeeBasisPoints).toBe(750);
    expect(parsed.collectionFrequency).toBe("daily");
  });

  it("refuses a fee above 10% or with three decimals", () => {
    expect(mouTermsSchema.safeParse({ ...base, collectorFeeBasisPoints: "12" }).success).toBe(false);
    expect(mouTermsSchema.safeParse({ ...base, collectorFeeBasisPoints: "7,125" }).success).toBe(false);
  });
});
