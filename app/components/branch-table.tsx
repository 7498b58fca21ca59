import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/react";
import { KALIMANTAN_PROVINCES, zoneAbbreviation } from "../domain/business-day";

export interface BranchRow {
  id: number;
  code: string;
  name: string;
  town: string;
  province_code: string;
  time_zone: string;
  market_count: number;
  government_run_count: number;
}

export function BranchTable({ branches }: { branches: BranchRow[] }) {
  const { t, integer } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("branches.code")}</th>
            <th scope="col">{t("branches.town")}</th>
            <th scope="col">{t("branches.province")}</th>
            <th scope="col">{t("branches.timeZone")}</th>
            <th scope="col" className="num">{t("branches.markets")}</th>
            <th scope="col" className="num">{t("home.governmentRun")}</th>
          </tr>
        </thead>
        <tbody>
          {branches.map((branch) => (
            <tr key={branch.id}>
              <th scope="row">
                <Link to={`/markets?branch=${branch.id}`} title={branch.name}>{branch.code}</Link>
              </th>
              <td>{branch.town}</td>
              <td>{KALIMANTAN_PROVINCES[branch.province_code] ?? branch.province_code}</td>
              <td>{zoneAbbreviation(branch.time_zone)}</td>
              <td className="num">{integer(branch.market_count)}</td>
              <td className="num">{integer(branch.government_run_count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
