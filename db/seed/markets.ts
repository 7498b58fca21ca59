import type { OperatorType } from "../schema";
import { daysBefore, type DemoContext } from "./demo";
import { seededRandom } from "./random";

// Invented manager contacts for the demo markets. Names are common Indonesian names, not real officials;
// phone numbers all carry a 0000 block so nobody mistakes them for (or dials) a real number.

const NAMES = [
  "Hendra Gunawan", "Siti Rahmawati", "Yohanes Andi", "Abdul Rahman", "Fransiska Lia", "Muhammad Syahrani",
  "Nurhayati", "Agustinus Jalung", "Herlina Sari", "Gusti Randa", "Yuliana Ningsih", "Ahmad Fauzi",
  "Rusdiansyah", "Maria Goreti", "Budi Santoso", "Wahyuni", "Dedi Kurniawan", "Rini Handayani",
  "Samsul Bahri", "Theresia Uli", "Joko Susilo", "Halimah", "Stefanus Ding", "Ratna Dewi",
];

const MANAGER_ROLE: Record<OperatorType, string[]> = {
  dinas_upt: ["Kepala UPT Pasar", "Kepala Pasar", "Kepala Seksi Pengelolaan Pasar"],
  perumda: ["Manajer Unit Perumda Pasar", "Kepala Cabang Perumda Pasar"],
  other: ["Pengelola Pasar", "Ketua Pengurus Pasar"],
};

const SECOND_ROLES = ["Koordinator Pedagang", "Ketua Paguyuban Pedagang", "Petugas Retribusi", "Bendahara UPT Pasar"];

const MOBILE_PREFIXES = ["811", "812", "813", "821", "852", "853", "857", "877", "878", "895", "896"];

/** One or two manager contacts for most markets, and Pasar Flamboyan's pin confirmed on site. */
export async function seedMarketContacts(context: DemoContext) {
  const { db, now } = context;
  // Its own sequence, so adding steps before this one does not change these contacts.
  const random = seededRandom(61710001);
  const phone = () => `+62${random.pick(MOBILE_PREFIXES)}0000${String(random.int(0, 9999)).padStart(4, "0")}`;
  const markets = await db.selectFrom("markets").select(["id", "operator_type"]).orderBy("id").execute();
  const created = daysBefore(now, 120);
  const rows = markets.flatMap((market) => {
    if (random.next() < 0.15) return [];
    const contacts = [
      { name: random.pick(NAMES), role: random.pick(MANAGER_ROLE[market.operator_type]), phone: phone(), whatsapp: random.next() < 0.8 ? 1 : 0 },
    ];
    if (random.next() < 0.5) contacts.push({ name: random.pick(NAMES), role: random.pick(SECOND_ROLES), phone: phone(), whatsapp: 1 });
    return contacts.map((contact) => ({ market_id: market.id, ...contact, created_at: created, updated_at: created }));
  });
  if (rows.length > 0) await db.insertInto("market_contacts").values(rows).execute();

  const flamboyan = context.marketIds.get("MKT001");
  const staff = context.userIds.get("staf.pontianak@demo.id");
  if (flamboyan != null && staff != null) {
    await db
      .updateTable("markets")
      .set({ coord_precision: "verified", location_verified_via: "site", location_verified_by_user_id: staff, location_verified_at: daysBefore(now, 24, 3) })
      .where("id", "=", flamboyan)
      .execute();
  }
}
