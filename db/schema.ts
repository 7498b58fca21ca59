import type { Generated, Insertable, Selectable, Updateable } from "kysely";

// The one Database interface. Types are what SQLite and PostgreSQL both return:
// integer rupiah, ISO-8601 text for dates and instants, 0/1 for booleans.

export type Role = "admin" | "regional_head" | "branch_staff" | "market_collector";
export type CoordPrecision = "verified" | "kelurahan" | "kecamatan" | "town";
export type OperatorType = "dinas_upt" | "perumda" | "other";
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

export interface Database {
  regions: RegionTable;
  branches: BranchTable;
  markets: MarketTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
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
