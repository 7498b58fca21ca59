import { json, redirect } from "@remix-run/node";
import { parseTraderForm, type TraderInput } from "../domain/trader-form";
import { fieldErrorsOf } from "../domain/user-form";
import type { TraderSaveResult } from "../models/trader-enrolment.server";
import { notFound } from "./auth.server";

// The request/response side of the trader form, shared by the registration and edit routes.

/** The parsed form, or the 400 answer to give; `values` refill the form either way. */
export async function readTraderForm(request: Request): Promise<{ input: TraderInput; values: Record<string, string> } | { response: Response }> {
  const form = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(
    Object.entries(form).filter(([name, value]) => name !== "csrf" && name !== "confirmWarnings" && typeof value === "string"),
  ) as Record<string, string>;
  const parsed = parseTraderForm(form);
  if (!parsed.success) return { response: json({ errors: fieldErrorsOf(parsed.error), values }, { status: 400 }) };
  return { input: parsed.data, values };
}

/** Saved → the trader page; otherwise the form again with errors, warnings to confirm or the duplicate. */
export function traderSaveResponse(request: Request, result: TraderSaveResult, values: Record<string, string>, savedNotice: "created" | "saved") {
  switch (result.kind) {
    case "not_found":
      throw notFound(request);
    case "invalid":
      return json({ errors: result.errors, values }, { status: 400 });
    case "warnings":
      return json({ warnings: result.warnings, values }, { status: 409 });
    case "duplicate":
      return json({ duplicate: result.trader, values }, { status: 409 });
    case "saved":
      return redirect(`/traders/${result.traderId}?${savedNotice}=1`);
  }
}
