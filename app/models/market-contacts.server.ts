import type { DB } from "../utils/db.server";
import type { Scope } from "../domain/scope";
import type { ContactInput } from "../domain/market-form";
import { marketInScope } from "./scope.server";

// A market's manager contacts. Every read and write goes through the market's scope.

const marketsInScope = (db: DB, scope: Scope) => db.selectFrom("markets").select("markets.id").where(marketInScope(scope));

const contactColumns = (contact: ContactInput) => ({
  name: contact.name,
  role: contact.role,
  phone: contact.phone,
  whatsapp: contact.whatsapp ? 1 : 0,
});

export async function listMarketContacts(db: DB, scope: Scope, marketId: number) {
  return db
    .selectFrom("market_contacts")
    .select(["id", "name", "role", "phone", "whatsapp"])
    .where("market_id", "=", marketId)
    .where("market_id", "in", marketsInScope(db, scope))
    .orderBy("id")
    .execute();
}

/** Inserts contacts of a market the caller already checked (inside its creating transaction). */
export async function insertContacts(db: DB, marketId: number, contacts: ContactInput[], now: string) {
  if (contacts.length === 0) return;
  await db
    .insertInto("market_contacts")
    .values(contacts.map((contact) => ({ market_id: marketId, ...contactColumns(contact), created_at: now, updated_at: now })))
    .execute();
}

/** Adds a contact (contactId null) or changes one; false when the market or contact is out of reach. */
export async function saveMarketContact(db: DB, scope: Scope, marketId: number, contactId: number | null, contact: ContactInput) {
  const now = new Date().toISOString();
  if (contactId == null) {
    const market = await marketsInScope(db, scope).where("markets.id", "=", marketId).executeTakeFirst();
    if (!market) return false;
    await insertContacts(db, marketId, [contact], now);
    return true;
  }
  const result = await db
    .updateTable("market_contacts")
    .set({ ...contactColumns(contact), updated_at: now })
    .where("id", "=", contactId)
    .where("market_id", "=", marketId)
    .where("market_id", "in", marketsInScope(db, scope))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function removeMarketContact(db: DB, scope: Scope, marketId: number, contactId: number) {
  const result = await db
    .deleteFrom("market_contacts")
    .where("id", "=", contactId)
    .where("market_id", "=", marketId)
    .where("market_id", "in", marketsInScope(db, scope))
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
