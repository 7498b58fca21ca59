import type { Role } from "../../db/schema";
import type { MessageKey } from "../i18n";

export interface NavItem {
  to: string;
  label: MessageKey;
}

// What each role's menu offers; the server still checks access on every route behind these links.
const MENU: Record<Role, NavItem[]> = {
  admin: [
    { to: "/", label: "nav.home" },
    { to: "/progress", label: "nav.progress" },
    { to: "/markets", label: "nav.markets" },
    { to: "/map", label: "nav.map" },
    { to: "/mous", label: "nav.mous" },
    { to: "/traders", label: "nav.traders" },
    { to: "/branches", label: "nav.branches" },
    { to: "/admin/users", label: "nav.users" },
    { to: "/admin/rates", label: "nav.rates" },
    { to: "/deposits", label: "nav.deposits" },
    { to: "/reconciliation", label: "nav.reconciliation" },
    { to: "/arrears", label: "nav.arrears" },
    { to: "/reports", label: "nav.reports" },
    { to: "/account/tokens", label: "nav.tokens" },
  ],
  regional_head: [
    { to: "/", label: "nav.home" },
    { to: "/progress", label: "nav.progress" },
    { to: "/markets", label: "nav.markets" },
    { to: "/map", label: "nav.map" },
    { to: "/mous", label: "nav.mous" },
    { to: "/traders", label: "nav.traders" },
    { to: "/branches", label: "nav.branches" },
    { to: "/deposits", label: "nav.deposits" },
    { to: "/reconciliation", label: "nav.reconciliation" },
    { to: "/arrears", label: "nav.arrears" },
    { to: "/reports", label: "nav.reports" },
    { to: "/account/tokens", label: "nav.tokens" },
  ],
  branch_staff: [
    { to: "/", label: "nav.home" },
    { to: "/agenda", label: "nav.agenda" },
    { to: "/collect", label: "nav.collect" },
    { to: "/markets", label: "nav.markets" },
    { to: "/map", label: "nav.map" },
    { to: "/mous", label: "nav.mous" },
    { to: "/traders", label: "nav.traders" },
    { to: "/progress", label: "nav.progress" },
    { to: "/deposits", label: "nav.deposits" },
    { to: "/reconciliation", label: "nav.reconciliation" },
    { to: "/arrears", label: "nav.arrears" },
    { to: "/reports", label: "nav.reports" },
    { to: "/account/tokens", label: "nav.tokens" },
  ],
  market_collector: [
    { to: "/", label: "nav.home" },
    { to: "/collect", label: "nav.collect" },
    { to: "/map", label: "nav.map" },
    { to: "/traders", label: "nav.traders" },
    { to: "/deposits", label: "nav.deposits" },
    { to: "/reconciliation", label: "nav.reconciliation" },
    { to: "/arrears", label: "nav.arrears" },
    { to: "/reports", label: "nav.reports" },
    { to: "/account/tokens", label: "nav.tokens" },
  ],
};

export function navigationFor(role: Role): NavItem[] {
  return MENU[role];
}
