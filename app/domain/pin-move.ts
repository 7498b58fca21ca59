import { z } from "zod";
import type { Role } from "../../db/schema";
import { isInsideIndonesia } from "./geo";

// Moving a market's or a trader's pin on the map. Staff correct pins at their desk; the pin becomes
// "verified" with who and when. Messages are i18n keys.

/** Who may drag pins (in their own scope): branch staff, and an admin fixing data. */
export const PIN_EDITOR_ROLES: Role[] = ["admin", "branch_staff"];

export const canEditPins = (role: Role) => PIN_EDITOR_ROLES.includes(role);

const coordinate = z.coerce.number({ invalid_type_error: "map.pin.invalid" }).finite("map.pin.invalid");

export const pinMoveSchema = z
  .object({
    intent: z.enum(["moveMarket", "moveTrader"], { errorMap: () => ({ message: "map.pin.invalid" }) }),
    id: z.coerce.number().int().positive("map.pin.invalid"),
    lat: coordinate,
    lng: coordinate,
  })
  .refine((pin) => isInsideIndonesia(pin.lat, pin.lng), { message: "map.pin.outsideIndonesia", path: ["lat"] });

export type PinMove = z.infer<typeof pinMoveSchema>;

/** The pin move in a submitted form, or the message key of the first problem. */
export function parsePinMove(form: Record<string, unknown>): { ok: true; move: PinMove } | { ok: false; error: string } {
  const parsed = pinMoveSchema.safeParse(form);
  return parsed.success ? { ok: true, move: parsed.data } : { ok: false, error: parsed.error.issues[0].message };
}
