import type { Insertable } from "kysely";
import type { Commodity, TraderPayerType, TraderStatus, TraderTable } from "../schema";
import type { DemoContext } from "./demo";
import { daysBefore } from "./demo";
import { seededRandom } from "./random";
import { businessDate } from "../../app/domain/business-day";
import { addMonths } from "../../app/domain/premium";

// Demo traders: Pasar Flamboyan (~300, a regional-budget programme paying for 40 of them), the other markets
// that collect or have signed an MoU (50–150 each, a CSR sponsor in Balikpapan), and a few prospects where
// outreach is still going on. NIKs are structurally valid for the market's city and unique; people are
// invented. One batched insert per market keeps the seed fast.

interface MarketPlan {
  name: string;
  count: number;
  /** Share of traders already registered; the rest are prospects. */
  registered: number;
  enrolledBy: string;
  programme?: { key: "apbd" | "csr"; count: number };
}

const PLANS: MarketPlan[] = [
  { name: "Pasar Flamboyan", count: 300, registered: 0.92, enrolledBy: "kolektor.flamboyan@demo.id", programme: { key: "apbd", count: 40 } },
  { name: "Pasar Beringin", count: 80, registered: 0.6, enrolledBy: "admin@demo.id" },
  { name: "Pasar Kahayan", count: 150, registered: 0.9, enrolledBy: "admin@demo.id" },
  { name: "Pasar PPM (Pusat Perbelanjaan Mentaya)", count: 60, registered: 0.55, enrolledBy: "admin@demo.id" },
  { name: "Pasar Demo Pandansari", count: 120, registered: 0.9, enrolledBy: "staf.balikpapan@demo.id", programme: { key: "csr", count: 25 } },
  { name: "Pasar Demo Segiri", count: 50, registered: 0.5, enrolledBy: "admin@demo.id" },
  { name: "Pasar Kenanga", count: 4, registered: 0, enrolledBy: "staf.pontianak@demo.id" },
  { name: "Pasar Demo Klandasan", count: 3, registered: 0, enrolledBy: "staf.balikpapan@demo.id" },
  { name: "Pasar Tenguyun", count: 3, registered: 0, enrolledBy: "admin@demo.id" },
];

const PROGRAMMES = {
  apbd: {
    branch: "KC-PTK",
    staff: "staf.pontianak@demo.id",
    name: "Bantuan Iuran APBD Kota Pontianak",
    payer_type: "apbd" as const,
    sponsor_name: "Pemerintah Kota Pontianak (Disperindagkop, APBD)",
    budget: 10_000_000,
    months_covered: 12,
    monthsAgo: 4,
  },
  csr: {
    branch: "KC-BPN",
    staff: "staf.balikpapan@demo.id",
    name: "CSR Sahabat Pedagang Balikpapan",
    payer_type: "sponsor" as const,
    sponsor_name: "PT Teluk Energi Balikpapan (CSR, data demo)",
    budget: 6_000_000,
    months_covered: 12,
    monthsAgo: 2,
  },
};

const WOMEN = ["Siti", "Nur", "Sri", "Dewi", "Rina", "Yuliani", "Aminah", "Fatimah", "Rahmawati", "Sulastri", "Suryani", "Endang", "Lina", "Mariam", "Salmah", "Hasanah", "Nur'aini", "Mei Ling", "Dayang", "Galuh", "Maria", "Theresia", "Wahyuni", "Kartini"];
const MEN = ["Ahmad", "Muhammad", "Budi", "Slamet", "Agus", "Hendra", "Rudi", "Syahrul", "Abdul", "Joko", "Bambang", "Iwan", "Usman", "Hasan", "Andi", "Yohanes", "Markus", "Gusti", "Anang", "Utuh", "Akiong", "Ma'ruf", "Darmawan", "Yusuf"];
const SECOND_WOMEN = ["Aminah", "Rahayu", "Lestari", "Wahyuni", "Handayani", "Marlina", "Zubaidah", "Fitriani", "Nurhayati", "Rosmawati", "Purnama", "Sari"];
const SECOND_MEN = ["Saputra", "Hidayat", "Rahman", "Hamid", "Pratama", "Setiawan", "Kurniawan", "Gunawan", "Syahputra", "Ngabut", "Lawing", "Firdaus", "Wijaya", "Hakim"];
const COMMODITY_WEIGHTS: [Commodity, number][] = [
  ["vegetables", 30],
  ["groceries", 20],
  ["fish", 12],
  ["clothing", 12],
  ["meat", 10],
  ["food_stall", 10],
  ["other", 6],
];
const NOMINAL_WEIGHTS: [number, number][] = [
  [1_000_000, 80],
  [1_500_000, 10],
  [2_000_000, 6],
  [3_000_000, 4],
];
const MOBILE_PREFIXES = ["811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896"];

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export async function seedTraders(context: DemoContext) {
  const { db, now, userIds } = context;
  const random = seededRandom(20261105);
  const weighted = <T>(choices: [T, number][]): T => {
    let roll = random.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
    return choices[0][0];
  };

  const markets = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .select(["markets.id", "markets.name", "markets.regency_code", "markets.lat", "markets.lng", "branches.code as branch_code", "branches.time_zone"])
    .where("markets.name", "in", PLANS.map((plan) => plan.name))
    .execute();

  const programmeIds = new Map<string, number>();
  for (const [key, programme] of Object.entries(PROGRAMMES)) {
    const month = addMonths(businessDate(now, "Asia/Pontianak").slice(0, 7), -programme.monthsAgo);
    const { id } = await db
      .insertInto("sponsor_programmes")
      .values({
        branch_id: context.branchIds.get(programme.branch)!,
        name: `${programme.name} ${month.slice(0, 4)}`,
        payer_type: programme.payer_type,
        sponsor_name: programme.sponsor_name,
        budget: programme.budget,
        months_covered: programme.months_covered,
        start_month: month,
        created_by_user_id: userIds.get(programme.staff)!,
        created_at: daysBefore(now, programme.monthsAgo * 30 + 10),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    programmeIds.set(key, id);
  }

  const usedNiks = new Set<string>();
  /** PP KK CC DDMMYY SSSS for the market's city, district 01–15, women's day + 40, a serial unused so far. */
  const nikFor = (regencyCode: string, sex: "M" | "F") => {
    const year = random.int(1962, 2002);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const prefix = `${regencyCode.replace(".", "")}${pad(random.int(1, 15))}${pad(sex === "F" ? day + 40 : day)}${pad(month)}${pad(year % 100)}`;
    let nik: string;
    do nik = `${prefix}${pad(random.int(1, 999), 4)}`;
    while (usedNiks.has(nik));
    usedNiks.add(nik);
    return { nik, birthDate: `${year}-${pad(month)}-${pad(day)}` };
  };

  for (const plan of PLANS) {
    const market = markets.find((m) => m.name === plan.name);
    if (!market) continue;
    const rows: Insertable<TraderTable>[] = [];
    for (let index = 0; index < plan.count; index += 1) {
      const sex = random.next() < 0.58 ? "F" : "M";
      const { nik, birthDate } = nikFor(market.regency_code, sex);
      const first = random.pick(sex === "F" ? WOMEN : MEN);
      const fullName = random.next() < 0.15 ? first : `${first} ${random.pick(sex === "F" ? SECOND_WOMEN : SECOND_MEN)}`;
      const status: TraderStatus = random.next() < plan.registered ? "registered" : "prospect";
      const daysAgo = status === "registered" ? random.int(5, 240) : random.int(1, 30);
      const enrolledAt = daysBefore(now, daysAgo, random.int(1, 8));
      const sponsored = plan.programme && index < plan.programme.count ? plan.programme : null;
      const payerType: TraderPayerType = sponsored ? PROGRAMMES[sponsored.key].payer_type : "mandiri";
      const hasPhone = random.next() < 0.75;
      const pinned = plan.name === "Pasar Flamboyan" && market.lat != null && market.lng != null && random.next() < 0.2;
      rows.push({
        market_id: market.id,
        nik,
        full_name: fullName,
        sex,
        birth_date: birthDate,
        phone: hasPhone ? `+62${random.pick(MOBILE_PREFIXES)}${pad(random.int(0, 99_999_999), 8)}` : null,
        whatsapp: hasPhone && random.next() < 0.85 ? 1 : 0,
        stall: `${random.pick(["Blok", "Blok", "Los", "Kios"])} ${String.fromCharCode(65 + random.int(0, 5))}-${pad(random.int(1, 60))}`,
        commodity: weighted(COMMODITY_WEIGHTS),
        nominal: sponsored ? 1_000_000 : weighted(NOMINAL_WEIGHTS),
        jht: !sponsored && random.next() < 0.15 ? 1 : 0,
        payer_type: payerType,
        sponsor_programme_id: sponsored ? programmeIds.get(sponsored.key)! : null,
        kpj: null,
        status: sponsored ? "registered" : status,
        lat: pinned ? Number((market.lat! + (random.next() - 0.5) * 0.0016).toFixed(6)) : null,
        lng: pinned ? Number((market.lng! + (random.next() - 0.5) * 0.0016).toFixed(6)) : null,
        enrolled_by_user_id: userIds.get(plan.enrolledBy)!,
        enrolled_at: enrolledAt,
        coverage_start_month: businessDate(new Date(enrolledAt), market.time_zone).slice(0, 7),
        created_at: enrolledAt,
        updated_at: enrolledAt,
      });
    }
    // The first two Flamboyan traders already have their KPJ numbers from BPJS.
    if (plan.name === "Pasar Flamboyan") {
      rows[0] = { ...rows[0], kpj: "26110012345", status: "registered" };
      rows[1] = { ...rows[1], kpj: "26110012346", status: "registered" };
    }
    await db.insertInto("traders").values(rows).execute();
  }

  await seedOneEdit(context);
}

/** One trader raised their declared income and added a phone: the trader page shows it in the history. */
async function seedOneEdit({ db, now, userIds }: DemoContext) {
  const trader = await db
    .selectFrom("traders")
    .innerJoin("markets", "markets.id", "traders.market_id")
    .select(["traders.id", "traders.nominal", "traders.phone"])
    .where("markets.name", "=", "Pasar Flamboyan")
    .where("traders.payer_type", "=", "mandiri")
    .where("traders.kpj", "is", null)
    .orderBy("traders.id")
    .executeTakeFirstOrThrow();
  const at = daysBefore(now, 3);
  const newPhone = trader.phone ? {} : { phone: "+6281345678901", whatsapp: 1 };
  await db.updateTable("traders").set({ nominal: 1_500_000, ...newPhone, updated_at: at }).where("id", "=", trader.id).execute();
  await db
    .insertInto("trader_changes")
    .values({
      trader_id: trader.id,
      changes: JSON.stringify({ nominal: [trader.nominal, 1_500_000], ...(trader.phone ? {} : { phone: [null, newPhone.phone], whatsapp: [0, 1] }) }),
      changed_by_user_id: userIds.get("kolektor.flamboyan@demo.id")!,
      changed_at: at,
    })
    .execute();
}
