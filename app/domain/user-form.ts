import { z } from "zod";
import type { Role } from "../../db/schema";
import { ROLES } from "./scope";

// One schema for the admin's user form, read on the server and usable in the browser.
// Messages are i18n keys so the page shows them in the reader's language.

const optionalId = z.preprocess(
  (value) => (value === "" || value == null ? null : Number(value)),
  z.number().int().positive().nullable(),
);

export const userAssignmentSchema = z
  .object({
    name: z.string().trim().min(1, "common.required").max(120, "common.tooLong"),
    email: z.string().trim().min(1, "common.required").email("users.emailInvalid").max(200, "common.tooLong"),
    role: z.enum(ROLES as [Role, ...Role[]], { message: "common.required" }),
    regionId: optionalId,
    branchId: optionalId,
    marketId: optionalId,
  })
  .superRefine((value, ctx) => {
    const needs: Record<Role, "regionId" | "branchId" | "marketId" | null> = {
      admin: null,
      regional_head: "regionId",
      branch_staff: "branchId",
      market_collector: "marketId",
    };
    const field = needs[value.role];
    if (field && value[field] == null) ctx.addIssue({ code: "custom", path: [field], message: "users.scopeRequired" });
  });

export const passwordSchema = z.string().min(8, "users.passwordTooShort").max(200, "common.tooLong");

export const newUserSchema = userAssignmentSchema.and(z.object({ password: passwordSchema }));

export type FieldErrors = Record<string, string>;

/** Flattens zod issues to the first message per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
