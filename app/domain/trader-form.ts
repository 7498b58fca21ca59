import { z } from "zod";
import type { Commodity, Trader, TraderPayerType, TraderSex, TraderStatus } from "../../db/schema";
import { checkNikAgainst, parseNik, type NikMismatch, type NikWarning } from "./nik";
import { optionalPhoneField } from "./phone";
import { isInsideIndonesia } from "./geo";
import { parseRupiah } from "./money";
import {
  addMonths,
  isPremiumMonth,
  nominalError,
  PAYER_TYPES,
  quotePremium,
  type ParticipantProfile,
  type PremiumMonth,
  type PremiumQuote,
  type RateTable,
  type Sector,
} from "./premium";
import type { FieldErrors } from "./user-form";

// The trader enrolment form, read on the server and in the browser, and the checks that need the NIK:
// hard errors block a save, warnings (odd NIK, typed birth date or sex that disagree with it, a KPJ that is
// not 11 digits) are saved only once the person confirms exactly those warnings.

export const COMMODITIES: Commodity[] = ["vegetables", "fish", "meat", "groceries", "clothing", "food_stall", "other"];
export const TRADER_STATUSES: TraderStatus[] = ["prospect", "registered"];
/** Market traders are a non-transport sector for the PP 50/2025 discount. */
export const TRADER_SECTOR: Sector = "non_transport";
export const DEFAULT_NOMINAL = 1_000_000;
/** How far a coverage start may lie from the current month, either way. */
export const COVERAGE_START_WINDOW = 12;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const checkbox = z.preprocess((value) => value === "1" || value === "on" || value === true, z.boolean());
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "common.tooLong").nullable().default(null));

function isIsoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const degrees = z.preprocess(
  (value) => (blankToNull(value) == null ? null : Number(String(value).trim().replace(",", "."))),
  z.number({ message: "traders.coordInvalid" }).finite("traders.coordInvalid").nullable(),
);

export const traderSchema = z
  .object({
    marketId: z.preprocess(
      (value) => (blankToNull(value) == null ? undefined : Number(value)),
      z.number({ message: "traders.marketRequired" }).int("traders.marketRequired").positive("traders.marketRequired"),
    ),
    nik: z.string({ message: "common.required" }).trim().min(1, "common.required"),
    fullName: z.string({ message: "common.required" }).trim().min(1, "common.required").max(120, "common.tooLong"),
    sex: z.preprocess(blankToNull, z.enum(["M", "F"]).nullable().default(null)),
    birthDate: z.preprocess(blankToNull, z.string().refine(isIsoDate, "traders.birthDateFormat").nullable().default(null)),
    phone: optionalPhoneField("traders.phoneInvalid"),
    whatsapp: checkbox,
    stall: optionalText(40),
    commodity: z.enum(COMMODITIES as [Commodity, ...Commodity[]], { message: "common.required" }),
    nominal: z.preprocess(
      (value) => (typeof value === "string" ? (parseRupiah(value) ?? Number.NaN) : value),
      z.number({ message: "common.invalidNumber" }).int("common.invalidNumber"),
    ),
    jht: z.enum(["1", "0"], { message: "common.required" }).transform((value) => value === "1"),
    payerType: z.enum(PAYER_TYPES as [TraderPayerType, ...TraderPayerType[]], { message: "common.required" }),
    programmeId: z.preprocess(
      (value) => (blankToNull(value) == null ? null : Number(value)),
      z.number().int("traders.programmeInvalid").positive("traders.programmeInvalid").nullable(),
    ),
    kpj: z.preprocess(
      (value) => (typeof value === "string" ? value.replace(/[\s.-]/g, "") || null : (value ?? null)),
      z.string().max(20, "common.tooLong").nullable(),
    ),
    status: z.enum(TRADER_STATUSES as [TraderStatus, ...TraderStatus[]], { message: "common.required" }),
    coverageStartMonth: z.string({ message: "common.required" }).refine(isPremiumMonth, "premium.month"),
    lat: degrees,
    lng: degrees,
    /** The warning codes the person saw and accepted, comma-separated. */
    confirmWarnings: z.preprocess((value) => (typeof value === "string" && value ? value.split(",") : []), z.array(z.string())),
  })
  .superRefine((trader, ctx) => {
    if (trader.payerType !== "mandiri" && trader.programmeId == null) {
      ctx.addIssue({ code: "custom", path: ["programmeId"], message: "traders.programmeRequired" });
    }
    if ((trader.lat == null) !== (trader.lng == null)) ctx.addIssue({ code: "custom", path: ["lat"], message: "traders.coordsIncomplete" });
    else if (trader.lat != null && trader.lng != null && !isInsideIndonesia(trader.lat, trader.lng)) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "traders.outsideIndonesia" });
    }
  });

export type TraderInput = z.infer<typeof traderSchema>;

export function parseTraderForm(form: Record<string, unknown>) {
  return traderSchema.safeParse(form);
}

export type KpjProblem = "traders.kpjDigits" | "traders.kpjLength";

/** KPJ numbers are de facto 11 digits (not officially specified): other lengths warn, other characters block. */
export function kpjProblem(kpj: string): KpjProblem | null {
  if (!/^\d+$/.test(kpj)) return "traders.kpjDigits";
  return kpj.length === 11 ? null : "traders.kpjLength";
}

export type TraderWarning = NikWarning | NikMismatch | "traders.kpjLength";

/** What the stored trader looked like, so an edit only re-asks about what changed. */
export interface StoredIdentity {
  nik: string;
  birthDate: string;
  sex: TraderSex;
  kpj: string | null;
}

export interface TraderReview {
  errors: FieldErrors;
  warnings: TraderWarning[];
  /** Warnings not yet confirmed: the save waits for them. */
  unconfirmed: TraderWarning[];
  /** The normalised NIK and the birth date and sex to store (typed, else read from the NIK). */
  resolved: { nik: string; birthDate: string; sex: TraderSex } | null;
}

/**
 * Checks a parsed form against the NIK rules, the KPJ rule, the rate table (nominal for the current month)
 * and the coverage window. `today` is the market's local date.
 */
export function reviewTrader(
  input: TraderInput,
  options: { today: string; table: RateTable; previous?: StoredIdentity },
): TraderReview {
  const { today, table, previous } = options;
  const errors: FieldErrors = {};
  const warnings: TraderWarning[] = [];
  const currentMonth = today.slice(0, 7);

  const nik = parseNik(input.nik, today);
  let resolved: TraderReview["resolved"] = null;
  if (!nik.ok) errors.nik = nik.errors[0];
  else {
    resolved = { nik: nik.nik, birthDate: input.birthDate ?? nik.birthDate, sex: input.sex ?? nik.sex };
    const identityChanged =
      !previous || previous.nik !== nik.nik || previous.birthDate !== resolved.birthDate || previous.sex !== resolved.sex;
    if (!previous || previous.nik !== nik.nik) warnings.push(...nik.warnings);
    if (identityChanged) warnings.push(...checkNikAgainst(nik, { birthDate: input.birthDate, sex: input.sex }));
  }

  if (input.kpj != null) {
    const problem = kpjProblem(input.kpj);
    if (problem === "traders.kpjDigits") errors.kpj = problem;
    else if (problem && previous?.kpj !== input.kpj) warnings.push(problem);
  }

  const nominalProblem = nominalError(input.nominal, currentMonth, table);
  if (nominalProblem) errors.nominal = nominalProblem;

  const earliest = addMonths(currentMonth, -COVERAGE_START_WINDOW);
  const latest = addMonths(currentMonth, COVERAGE_START_WINDOW);
  if (input.coverageStartMonth < earliest || input.coverageStartMonth > latest) errors.coverageStartMonth = "traders.coverageStartRange";

  const confirmed = new Set(input.confirmWarnings);
  return { errors, warnings, unconfirmed: warnings.filter((warning) => !confirmed.has(warning)), resolved };
}

/** The premium profile of a stored or typed trader. */
export function traderProfile(trader: { nominal: number; jht: boolean | number; payerType: TraderPayerType }): ParticipantProfile {
  return { nominal: trader.nominal, jht: Boolean(trader.jht), payerType: trader.payerType, sector: TRADER_SECTOR };
}

/**
 * A trader's premium for one month, or null when it cannot be quoted (no rate period, or a nominal below a
 * later minimum). Stored traders are quoted without the allowed-nominal list: that list governs new
 * declarations, and a trader keeps the nominal they declared.
 */
export function quoteTrader(
  trader: { nominal: number; jht: boolean | number; payerType: TraderPayerType },
  month: PremiumMonth,
  table: RateTable,
): PremiumQuote | null {
  const ratesOnly = { periods: table.periods, discounts: table.discounts };
  return nominalError(trader.nominal, month, ratesOnly) ? null : quotePremium(traderProfile(trader), month, ratesOnly);
}

export interface TraderFilters {
  marketId?: number;
  q?: string;
  status?: TraderStatus;
  payer?: TraderPayerType;
  page?: number;
  pageSize?: number;
}

/** The list's and the API's query string: `market`, `q`, `status`, `payer`, `page`. */
export function traderFiltersOf(params: URLSearchParams): TraderFilters {
  const market = Number(params.get("market"));
  const status = params.get("status") as TraderStatus;
  const payer = params.get("payer") as TraderPayerType;
  return {
    marketId: Number.isSafeInteger(market) && market > 0 ? market : undefined,
    q: params.get("q")?.trim() || undefined,
    status: TRADER_STATUSES.includes(status) ? status : undefined,
    payer: PAYER_TYPES.includes(payer) ? payer : undefined,
    page: Number(params.get("page")) || 1,
  };
}

/** The columns of a stored trader that the form and the exports show. */
export type StoredTraderFields = Pick<
  Trader,
  | "market_id"
  | "nik"
  | "full_name"
  | "sex"
  | "birth_date"
  | "phone"
  | "whatsapp"
  | "stall"
  | "commodity"
  | "nominal"
  | "jht"
  | "payer_type"
  | "sponsor_programme_id"
  | "kpj"
  | "status"
  | "coverage_start_month"
  | "lat"
  | "lng"
>;

/** A stored trader as the edit form's initial values. */
export function traderFormValues(trader: StoredTraderFields): Record<string, string> {
  const text = (value: string | number | null) => (value == null ? "" : String(value));
  return {
    marketId: text(trader.market_id),
    nik: trader.nik,
    fullName: trader.full_name,
    sex: trader.sex,
    birthDate: trader.birth_date,
    phone: text(trader.phone),
    whatsapp: trader.whatsapp ? "1" : "",
    stall: text(trader.stall),
    commodity: trader.commodity,
    nominal: text(trader.nominal),
    jht: trader.jht ? "1" : "0",
    payerType: trader.payer_type,
    programmeId: text(trader.sponsor_programme_id),
    kpj: text(trader.kpj),
    status: trader.status,
    coverageStartMonth: trader.coverage_start_month,
    lat: text(trader.lat),
    lng: text(trader.lng),
  };
}

/** A market's traders at a glance (models/traders.server.ts summariseMarketTraders). */
export interface MarketTradersSummaryData {
  marketId: number;
  month: string;
  total: number;
  registered: number;
  prospects: number;
  withKpj: number;
  sponsored: number;
  monthlyDueMandiri: number;
}
