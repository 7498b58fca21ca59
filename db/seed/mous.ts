import type { MarketStage, MouStoredStatus } from "../schema";
import { businessDate } from "../../app/domain/business-day";
import { formatMouNumber } from "../../app/domain/mou-status";
import { daysBefore, type DemoContext } from "./demo";

// MoUs that match each market's stage: in force where markets collect or have signed, a draft or one
// awaiting signature where they negotiate, one nearing expiry and a stale draft so "needs attention" has work.

interface Plan {
  status: MouStoredStatus;
  /** Days ago the MoU was signed (signed ones) or last touched (drafts). */
  daysAgo: number;
  /** For signed ones: how long the in-force period lasts, in days from signing. */
  lengthDays?: number;
}

function planFor(stage: MarketStage, name: string): Plan | null {
  if (name === "Pasar Kahayan") return { status: "signed", daysAgo: 320, lengthDays: 365 }; // expires within 60 days
  if (name === "Pasar Demo Klandasan") return { status: "awaiting_signature", daysAgo: 6 };
  if (name === "Pasar Rangga Sentap") return { status: "draft", daysAgo: 45 }; // untouched for over 30 days
  if (stage === "collecting") return { status: "signed", daysAgo: 60, lengthDays: 730 };
  if (stage === "mou_signed") return { status: "signed", daysAgo: 12, lengthDays: 730 };
  if (stage === "negotiating" && name === "Pasar Dahlia") return { status: "draft", daysAgo: 4 };
  return null;
}

export async function seedMous(context: DemoContext) {
  const { db, now } = context;
  const markets = await db
    .selectFrom("markets")
    .innerJoin("branches", "branches.id", "markets.branch_id")
    .select([
      "markets.id",
      "markets.name",
      "markets.stage",
      "markets.operator_type",
      "markets.operator_name",
      "branches.code as branch_code",
      "branches.time_zone",
      "branches.id as branch_id",
    ])
    .orderBy("markets.id")
    .execute();
  const sequences = new Map<string, number>();
  const staffByBranch = new Map([
    ["KC-PTK", context.userIds.get("staf.pontianak@demo.id")!],
    ["KC-BPN", context.userIds.get("staf.balikpapan@demo.id")!],
  ]);
  const admin = context.userIds.get("admin@demo.id")!;
  for (const market of markets) {
    const plan = planFor(market.stage, market.name);
    if (!plan) continue;
    const localDay = (daysAgo: number) => businessDate(new Date(daysBefore(now, daysAgo)), market.time_zone);
    const drafted = localDay(plan.daysAgo + 21);
    const year = Number(drafted.slice(0, 4));
    const key = `${market.branch_code}/${year}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const signed = plan.status === "signed";
    const signedOn = signed ? localDay(plan.daysAgo) : null;
    const expiresOn = signed ? localDay(plan.daysAgo - (plan.lengthDays ?? 730)) : null;
    const author = staffByBranch.get(market.branch_code) ?? admin;
    const { id } = await db
      .insertInto("mous")
      .values({
        market_id: market.id,
        number: formatMouNumber(market.branch_code, year, sequence),
        number_year: year,
        number_sequence: sequence,
        status: plan.status,
        previous_mou_id: null,
        counterparty_type: market.operator_type,
        counterparty_name: market.operator_name ?? `Pengelola ${market.name}`,
        counterparty_signatory_name: signed || plan.status === "awaiting_signature" ? "Drs. Hendra Saputra" : null,
        counterparty_signatory_title: signed || plan.status === "awaiting_signature" ? "Kepala UPT Pasar" : null,
        branch_signatory_name: signed ? "Andi Pratama" : null,
        branch_signatory_title: signed ? "Kepala Kantor Cabang" : null,
        drafted_on: drafted,
        signed_on: signedOn,
        in_force_from: signedOn,
        expires_on: expiresOn,
        collection_frequency: "daily",
        deposit_schedule: "Mingguan ke rekening BPJS Ketenagakerjaan (BRI)",
        collector_fee_basis_points: 750,
        target_traders: 300,
        special_terms: null,
        created_by_user_id: author,
        created_at: daysBefore(now, plan.daysAgo + 21),
        updated_at: daysBefore(now, plan.daysAgo),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const steps: [string | null, MouStoredStatus, number][] = [[null, "draft", plan.daysAgo + 21]];
    if (plan.status !== "draft") steps.push(["draft", "awaiting_signature", plan.daysAgo + 7]);
    if (signed) steps.push(["awaiting_signature", "signed", plan.daysAgo]);
    await db
      .insertInto("mou_transitions")
      .values(steps.map(([from, to, daysAgo]) => ({ mou_id: id, from_status: from, to_status: to, note: null, changed_by_user_id: author, changed_at: daysBefore(now, daysAgo) })))
      .execute();
    const collectors = await db.selectFrom("users").select("id").where("role", "=", "market_collector").where("market_id", "=", market.id).execute();
    if (collectors.length) await db.insertInto("mou_collectors").values(collectors.map((c) => ({ mou_id: id, user_id: c.id }))).execute();
  }
}
