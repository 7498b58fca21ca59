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
