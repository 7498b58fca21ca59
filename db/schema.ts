import type { Generated, Insertable, Selectable, Updateable } from "kysely";

// The one Database interface. Types are what SQLite and PostgreSQL both return:
// integer rupiah, ISO-8601 text for dates and instants, 0/1 for booleans.

export type Role = "admin" | "regional_head" | "branch_staff" | "market_collector";
export type CoordPrecision = "verified" | "kelurahan" | "kecamatan" | "town";
export type OperatorType = "dinas_upt" | "perumda" | "other";
export type LocationVerification = "site" | "desk";
export type StageChangeSource = "initial" | "manual" | "visit" | "mou" | "collection" | "import";
export type VisitPurpose = "socialisation" | "negotiation" | "enrolment_drive" | "collection_check" | "other";
export type VisitStatus = "planned" | "done" | "cancelled";
export type MarketStage =
  | "identified"
  | "visited"
  | "negotiating"
  | "mou_signed"
  | "collecting"
  | "declined"
  | "paused";

export interface RegionTable {
  id: Generated<number>;
  code: string;
  name: string;
  office_name: string;
  town: string;
  lat: number;
  lng: number;
  created_at: string;
}

export interface BranchTable {
  id: Generated<number>;
  region_id: number;
  code: string;
  name: string;
  office_type: string;
  town: string;
  province_code: string;
  regency_code: string | null;
  time_zone: string;
  lat: number;
  lng: number;
  verification: string;
  created_at: string;
  updated_at: string;
}

export interface MarketTable {
  id: Generated<number>;
  branch_id: number;
  code: string | null;
  name: string;
  regency_name: string;
  regency_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  coord_precision: CoordPrecision;
  government_run: number;
  operator_type: OperatorType;
  operator_name: string | null;
  stall_estimate: number | null;
  trader_estimate: number | null;
  stage: Generated<MarketStage>;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** How the pin was last confirmed: on site (GPS at the market) or at the desk; null = never confirmed. */
  location_verified_via: LocationVerification | null;
  location_verified_by_user_id: number | null;
  location_verified_at: string | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  region_id: number | null;
  branch_id: number | null;
  market_id: number | null;
  active: Generated<number>;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_hint: string;
  created_by_user_id: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: number;
  attempted_at: string;
}

export interface MarketContactTable {
  id: Generated<number>;
  market_id: number;
  name: string;
  role: string | null;
  /** E.164 without spaces, e.g. +6281234567890. */
  phone: string | null;
  whatsapp: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MarketStageChangeTable {
  id: Generated<number>;
  market_id: number;
  from_stage: MarketStage | null;
  to_stage: MarketStage;
  reason: string | null;
  source: StageChangeSource;
  visit_id: number | null;
  /** Null when the system moved the stage because of a fact (MoU signed, first collection). */
  changed_by_user_id: number | null;
  changed_at: string;
}

export interface BranchTargetTable {
  id: Generated<number>;
  branch_id: number;
  year: number;
  /** Government-run markets with an MoU in force. */
  markets_with_mou: number;
  traders_enrolled: number | null;
  /** Integer rupiah per month. */
  monthly_collections: number | null;
  set_by_user_id: number;
  updated_at: string;
}

export interface VisitTable {
  id: Generated<number>;
  market_id: number;
  /** The market's local date (YYYY-MM-DD) and time (HH:MM), WIB or WITA. */
  planned_date: string;
  planned_time: string | null;
  purpose: VisitPurpose;
  notes: string | null;
  status: VisitStatus;
  previous_visit_id: number | null;
  created_by_user_id: number;
  created_at: string;
  updated_at: string;
  checked_in_at: string | null;
  checked_in_by_user_id: number | null;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_in_accuracy_m: number | null;
  check_in_distance_m: number | null;
  outcome_recorded_at: string | null;
  outcome_by_user_id: number | null;
  people_met: string | null;
  traders_socialised: number | null;
  traders_enrolled: number | null;
  outcome_notes: string | null;
  next_step: string | null;
  cancel_reason: string | null;
}

export interface VisitStaffTable {
  visit_id: number;
  user_id: number;
}

export interface VisitChangeTable {
  id: Generated<number>;
  visit_id: number;
  kind: "rescheduled" | "cancelled";
  from_date: string | null;
  from_time: string | null;
  to_date: string | null;
  to_time: string | null;
  reason: string;
  changed_by_user_id: number;
  changed_at: string;
}

/** Stored lifecycle; "in_force" and "expired" are computed from the dates (app/domain/mou-status.ts). */
export type MouStoredStatus = "draft" | "awaiting_signature" | "signed" | "terminated";
export type CollectionFrequency = "daily" | "weekly" | "monthly";

export interface MouTable {
  id: Generated<number>;
  market_id: number;
  /** e.g. MOU/KC-PTK/2026/003: sequence per branch and year. */
  number: string;
  number_year: number;
  number_sequence: number;
  status: MouStoredStatus;
  previous_mou_id: number | null;
  counterparty_type: OperatorType;
  counterparty_name: string;
  counterparty_signatory_name: string | null;
  counterparty_signatory_title: string | null;
  branch_signatory_name: string | null;
  branch_signatory_title: string | null;
  drafted_on: string;
  signed_on: string | null;
  in_force_from: string | null;
  expires_on: string | null;
  collection_frequency: CollectionFrequency;
  /** Free text such as "mingguan ke rekening BPJS" (weekly to BPJS's account). */
  deposit_schedule: string;
  /** 750 = 7.5%; integer so fee arithmetic stays exact. */
  collector_fee_basis_points: number;
  target_traders: number | null;
  special_terms: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  scan_path: string | null;
  scan_sha256: string | null;
  scan_mime: string | null;
  scan_size: number | null;
  scan_uploaded_at: string | null;
  scan_uploaded_by_user_id: number | null;
  created_by_user_id: number;
  created_at: string;
  updated_at: string;
}

export interface MouCollectorTable {
  mou_id: number;
  user_id: number;
}

export interface MouTransitionTable {
  id: Generated<number>;
  mou_id: number;
  from_status: string | null;
  to_status: string;
  note: string | null;
  changed_by_user_id: number;
  changed_at: string;
}

export type ImportKind = "markets" | "traders";

/** An uploaded import file kept between its dry run and its one commit (by the same user). */
export interface ImportRunTable {
  id: Generated<number>;
  kind: ImportKind;
  user_id: number;
  file_name: string;
  /** The file's bytes, base64, exactly as uploaded (CSV text or an XLSX workbook). */
  content_base64: string;
  created_at: string;
  committed_at: string | null;
  /** JSON summary of the commit (counts created/updated/skipped). */
  result: string | null;
  /** The record the import writes into, for kinds that have one (a trader import's market); null otherwise. */
  target_id: number | null;
}

export type Commodity = "vegetables" | "fish" | "meat" | "groceries" | "clothing" | "food_stall" | "other";
/** Stored on enrolment; later statuses (aktif, menunggak, …) are computed from payments. */
export type TraderStatus = "prospect" | "registered";
export type TraderPayerType = "mandiri" | "apbd" | "sponsor";
export type ProgrammePayerType = Exclude<TraderPayerType, "mandiri">;
export type TraderSex = "M" | "F";

/** An effective-dated base rate; a newer period supersedes an open-ended older one from its own start. */
export interface RatePeriodTable {
  id: Generated<number>;
  /** Premium months, YYYY-MM, both inclusive; valid_to null = open-ended. */
  valid_from: string;
  valid_to: string | null;
  /** 100 = 1% of the nominal. */
  jkk_basis_points: number;
  jkm_flat: number;
  jht_basis_points: number;
  minimum_nominal: number;
  label: string;
  created_by_user_id: number | null;
  created_at: string;
}

export interface DiscountPeriodTable {
  id: Generated<number>;
  valid_from: string;
  valid_to: string | null;
  label: string;
  jkk_percent_off: number;
  jkm_percent_off: number;
  jht_percent_off: number;
  /** Comma-separated Sector values. */
  sectors: string;
  /** Comma-separated TraderPayerType values. */
  payer_types: string;
  created_by_user_id: number | null;
  created_at: string;
}

/** The declared monthly incomes a participant may choose (configuration: no official list was found). */
export interface AllowedNominalTable {
  nominal: number;
}

/** A regional-budget (APBD) or sponsor (CSR) programme that pays the premiums of the traders attached to it. */
export interface SponsorProgrammeTable {
  id: Generated<number>;
  branch_id: number;
  name: string;
  payer_type: ProgrammePayerType;
  sponsor_name: string;
  /** Integer rupiah. */
  budget: number;
  months_covered: number;
  start_month: string;
  created_by_user_id: number;
  created_at: string;
}

export interface TraderTable {
  id: Generated<number>;
  market_id: number;
  nik: string;
  full_name: string;
  sex: TraderSex;
  birth_date: string;
  /** E.164, e.g. +6281234567890. */
  phone: string | null;
  whatsapp: Generated<number>;
  /** Block and number as the market writes it, e.g. "Blok A-12". */
  stall: string | null;
  commodity: Commodity;
  /** Declared monthly income, integer rupiah. */
  nominal: number;
  /** 1 = JHT chosen; JKK and JKM are always included. */
  jht: Generated<number>;
  payer_type: TraderPayerType;
  sponsor_programme_id: number | null;
  kpj: string | null;
  status: TraderStatus;
  lat: number | null;
  lng: number | null;
  enrolled_by_user_id: number;
  enrolled_at: string;
  coverage_start_month: string;
  created_at: string;
  updated_at: string;
  /** Who last confirmed the stall pin (lat/lng) on the map, and when; null = never confirmed. */
  location_verified_by_user_id: number | null;
  location_verified_at: string | null;
}

export interface TraderChangeTable {
  id: Generated<number>;
  trader_id: number;
  /** JSON object: field name → [old value, new value]. */
  changes: string;
  changed_by_user_id: number;
  changed_at: string;
}

export type CollectionEntryKind = "payment" | "reversal";
export type CollectionDayStatus = "open" | "closed";
export type CollectionDayEventKind = "closed" | "reopened";
export type DepositChannel = "BRI" | "BNI" | "Mandiri" | "Pos" | "other";
export type DepositStatus = "recorded" | "verified" | "rejected";
export type TraderCoverageStatus = "aktif" | "menunggak" | "nonaktif" | "belum_bayar";

/** The append-only collection ledger: never updated or deleted; a reversal is a new negative row. */
export interface CollectionEntryTable {
  id: Generated<number>;
  trader_id: number;
  market_id: number;
  collector_user_id: number;
  /** The market's local date (YYYY-MM-DD) the entry counts toward. */
  business_date: string;
  /** Integer rupiah; negative for a reversal. */
  amount: number;
  /** e.g. PTK-FLB-20261123-0042 (branch, market, business date, per-market-per-day sequence). */
  receipt_number: string;
  receipt_sequence: number;
  /** Client-chosen for payments, "reversal:<entry id>" for reversals; unique. */
  idempotency_key: string;
  kind: CollectionEntryKind;
  /** Unique: an entry is reversed at most once. */
  reverses_entry_id: number | null;
  reason: string | null;
  /** The instant the cash changed hands (ISO). */
  collected_at: string;
  created_at: string;
  device_id: string | null;
}

/** A market's business day: open while entries come in, closed with the counted cash. */
export interface CollectionDayTable {
  id: Generated<number>;
  market_id: number;
  business_date: string;
  status: CollectionDayStatus;
  /** The receipt counter for this market and day. */
  last_receipt_sequence: Generated<number>;
  counted_cash: number | null;
  recorded_total: number | null;
  /** counted_cash - recorded_total (negative = cash short). */
  variance: number | null;
  note: string | null;
  closed_by_user_id: number | null;
  closed_at: string | null;
  reopened_by_user_id: number | null;
  reopened_at: string | null;
  reopen_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Every close and reopen of a business day (the day row keeps only the latest). */
export interface CollectionDayEventTable {
  id: Generated<number>;
  collection_day_id: number;
  kind: CollectionDayEventKind;
  counted_cash: number | null;
  recorded_total: number | null;
  variance: number | null;
  /** Variance note on a close, reason on a reopen. */
  note: string | null;
  user_id: number;
  created_at: string;
}

export interface DepositTable {
  id: Generated<number>;
  market_id: number;
  channel: DepositChannel;
  reference: string;
  /** Integer rupiah. */
  amount: number;
  /** The market's local date of the deposit. */
  deposit_date: string;
  status: DepositStatus;
  note: string | null;
  recorded_by_user_id: number;
  recorded_at: string;
  /** Who verified or rejected it (never the recorder). */
  verified_by_user_id: number | null;
  verified_at: string | null;
  rejection_reason: string | null;
}

/** The closed business days a deposit covers. */
export interface DepositDayTable {
  deposit_id: number;
  market_id: number;
  business_date: string;
}

/** Net collections per market and business day, updated in the same transaction as each ledger write. */
export interface DailyMarketCollectionTable {
  market_id: number;
  business_date: string;
  entries_count: number;
  total_amount: number;
  updated_at: string;
}

/** Each trader's coverage as of computed_on, refreshed in the same transaction as their ledger writes. */
export interface TraderCoverageTable {
  trader_id: number;
  market_id: number;
  status: TraderCoverageStatus;
  /** YYYY-MM, the last fully paid premium month. */
  paid_through: string | null;
  months_behind: number;
  /** Rupiah owed for months already due. */
  amount_owed: number;
  total_paid: number;
  /** Rupiah paid beyond the current month. */
  credit: number;
  current_month: string;
  current_premium: number;
  current_paid: number;
  /** Business date of the latest payment. */
  last_paid_on: string | null;
  /** The market-local date the row was computed for; status can change as days pass. */
  computed_on: string;
  computed_at: string;
}

export interface Database {
  regions: RegionTable;
  branches: BranchTable;
  markets: MarketTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  market_contacts: MarketContactTable;
  market_stage_changes: MarketStageChangeTable;
  branch_targets: BranchTargetTable;
  visits: VisitTable;
  visit_staff: VisitStaffTable;
  visit_changes: VisitChangeTable;
  mous: MouTable;
  mou_collectors: MouCollectorTable;
  mou_transitions: MouTransitionTable;
  import_runs: ImportRunTable;
  rate_periods: RatePeriodTable;
  discount_periods: DiscountPeriodTable;
  allowed_nominals: AllowedNominalTable;
  sponsor_programmes: SponsorProgrammeTable;
  traders: TraderTable;
  trader_changes: TraderChangeTable;
  collection_entries: CollectionEntryTable;
  collection_days: CollectionDayTable;
  collection_day_events: CollectionDayEventTable;
  deposits: DepositTable;
  deposit_days: DepositDayTable;
  daily_market_collections: DailyMarketCollectionTable;
  trader_coverage: TraderCoverageTable;
  boundary_layers: BoundaryLayerTable;
}

export type Region = Selectable<RegionTable>;
export type Branch = Selectable<BranchTable>;
export type NewBranch = Insertable<BranchTable>;
export type Market = Selectable<MarketTable>;
export type NewMarket = Insertable<MarketTable>;
export type MarketUpdate = Updateable<MarketTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type Visit = Selectable<VisitTable>;
export type BranchTarget = Selectable<BranchTargetTable>;
export type MarketContact = Selectable<MarketContactTable>;
export type Mou = Selectable<MouTable>;
export type ImportRun = Selectable<ImportRunTable>;
export type Trader = Selectable<TraderTable>;
export type SponsorProgramme = Selectable<SponsorProgrammeTable>;
export type CollectionEntry = Selectable<CollectionEntryTable>;
export type CollectionDay = Selectable<CollectionDayTable>;
export type Deposit = Selectable<DepositTable>;
export type TraderCoverage = Selectable<TraderCoverageTable>;

export type BoundaryLevel = "province" | "regency";

/** An admin-uploaded boundary file for the map's choropleth; the newest one is shown. */
export interface BoundaryLayerTable {
  id: Generated<number>;
  level: BoundaryLevel;
  file_name: string;
  /** The feature property the Kemendagri codes were read from, e.g. "kode". */
  code_property: string;
  feature_count: number;
  byte_size: number;
  /** Normalised FeatureCollection JSON: properties reduced to { code, name }, codes as "61" or "61.71". */
  geojson: string;
  uploaded_by_user_id: number;
  uploaded_at: string;
}
