import { lazy, Suspense, type ReactNode } from "react";
import { ClientOnly } from "remix-utils/client-only";
import type { MarketStage } from "../../db/schema";
import type { FunnelStep } from "../domain/dashboard";
import { formatMonth } from "../domain/month-format";
import { useI18n } from "../i18n/react";

// Each chart: a heading, a sentence with what it shows, the chart (browser only, behind a same-size placeholder
// so nothing jumps) and the same numbers as a table. recharts never loads on the server.

const charts = () => import("./charts/dashboard-charts.client");
const DailyCollectionsChart = lazy(() => charts().then((m) => ({ default: m.DailyCollectionsChart })));
const FunnelChart = lazy(() => charts().then((m) => ({ default: m.FunnelChart })));
const MouTargetChart = lazy(() => charts().then((m) => ({ default: m.MouTargetChart })));
const EnrolmentChart = lazy(() => charts().then((m) => ({ default: m.EnrolmentChart })));

const HEIGHT = 240;

type Series = { key: string; value: number }[];

export interface DashboardChartData {
  daily: Series;
  funnel: FunnelStep[];
  sideStages: { declined: number; paused: number };
  mouByBranch: { key: string; achieved: number; target: number }[];
  enrolments: Series;
}

function ChartCard(props: { id: string; title: string; summary: string; height?: number; chart: () => ReactNode; table: ReactNode }) {
  const { t } = useI18n();
  const height = props.height ?? HEIGHT;
  const placeholder = <div className="chart-placeholder" style={{ height }} />;
  return (
    <section className="card chart-card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p className="chart-summary">{props.summary}</p>
      <div className="chart-frame" aria-hidden="true" style={{ minHeight: height }}>
        <ClientOnly fallback={placeholder}>{() => <Suspense fallback={placeholder}>{props.chart()}</Suspense>}</ClientOnly>
      </div>
      <details className="chart-table">
        <summary>{t("dashboard.chart.asTable")}</summary>
        <div className="table-wrap">{props.table}</div>
      </details>
    </section>
  );
}

function SeriesTable({ rows, headers, format }: { rows: Series; headers: [string, string]; format: { key: (key: string) => string; value: (value: number) => string } }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{headers[0]}</th>
          <th scope="col" className="num">{headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{format.key(row.key)}</th>
            <td className="num">{format.value(row.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DailyCollectionsCard({ data, title }: { data: Series; title: string }) {
  const { t, rupiah, date, locale } = useI18n();
  const total = data.reduce((sum, day) => sum + day.value, 0);
  const best = data.reduce<Series[number] | null>((top, day) => (top === null || day.value > top.value ? day : top), null);
  const summary =
    total === 0 || !best
      ? t("dashboard.chart.noCollections")
      : t("dashboard.chart.dailySummary", { total: rupiah(total), days: data.length, max: rupiah(best.value), date: date(best.key) });
  return (
    <ChartCard
      id="chart-daily"
      title={title}
      summary={summary}
      chart={() => <DailyCollectionsChart data={data} label={t("dashboard.chart.amount")} locale={locale} height={HEIGHT} />}
      table={<SeriesTable rows={[...data].reverse()} headers={[t("dashboard.chart.date"), t("dashboard.chart.amount")]} format={{ key: date, value: rupiah }} />}
    />
  );
}

function FunnelCard({ steps, side }: { steps: FunnelStep[]; side: DashboardChartData["sideStages"] }) {
  const { t, integer, locale } = useI18n();
  const reached = (stage: MarketStage) => steps.find((step) => step.stage === stage)?.reached ?? 0;
  const total = reached("identified") + side.declined + side.paused;
  const summary = `${t("dashboard.chart.funnelSummary", { collecting: integer(reached("collecting")), total: integer(total), signed: integer(reached("mou_signed")) })} ${t("dashboard.chart.sideStages", { declined: integer(side.declined), paused: integer(side.paused) })}`;
  return (
    <ChartCard
      id="chart-funnel"
      title={t("dashboard.chart.funnel")}
      summary={summary}
      chart={() => <FunnelChart data={steps.map((step) => ({ name: t(`stage.${step.stage}`), reached: step.reached }))} label={t("dashboard.chart.reached")} locale={locale} height={HEIGHT} />}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.chart.stage")}</th>
              <th scope="col" className="num">{t("dashboard.chart.atStage")}</th>
              <th scope="col" className="num">{t("dashboard.chart.reached")}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.stage}>
                <th scope="row">{t(`stage.${step.stage}`)}</th>
                <td className="num">{integer(step.at)}</td>
                <td className="num">{integer(step.reached)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function MouByBranchCard({ rows }: { rows: DashboardChartData["mouByBranch"] }) {
  const { t, integer, locale } = useI18n();
  const met = rows.filter((row) => row.achieved >= row.target).length;
  const labels = { achieved: t("dashboard.chart.achieved"), target: t("dashboard.chart.target") };
  return (
    <ChartCard
      id="chart-mou"
      title={t("dashboard.chart.mouByBranch")}
      summary={t("dashboard.chart.mouSummary", { met: integer(met), total: integer(rows.length) })}
      height={HEIGHT + 40}
      chart={() => <MouTargetChart data={rows} labels={labels} locale={locale} height={HEIGHT + 40} />}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.chart.branch")}</th>
              <th scope="col" className="num">{labels.achieved}</th>
              <th scope="col" className="num">{labels.target}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                <td className="num">{integer(row.achieved)}</td>
                <td className="num">{integer(row.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function EnrolmentCard({ data }: { data: Series }) {
  const { t, integer, locale } = useI18n();
  return (
    <ChartCard
      id="chart-enrolment"
      title={t("dashboard.chart.enrolment")}
      summary={t("dashboard.chart.enrolmentSummary", { total: integer(data.reduce((sum, month) => sum + month.value, 0)) })}
      chart={() => <EnrolmentChart data={data} label={t("dashboard.chart.enrolled")} locale={locale} height={HEIGHT} />}
      table={
        <SeriesTable
          rows={data}
          headers={[t("dashboard.chart.month"), t("dashboard.chart.enrolled")]}
          format={{ key: (month) => formatMonth(month, locale), value: integer }}
        />
      }
    />
  );
}

/** The four charts of the regional and branch dashboards; the branch leaves out MoUs per branch. */
export function DashboardCharts({ charts, perBranch }: { charts: DashboardChartData; perBranch: boolean }) {
  const { t } = useI18n();
  return (
    <div className="chart-grid">
      <DailyCollectionsCard data={charts.daily} title={t("dashboard.chart.daily")} />
      <FunnelCard steps={charts.funnel} side={charts.sideStages} />
      {perBranch ? <MouByBranchCard rows={charts.mouByBranch} /> : null}
      <EnrolmentCard data={charts.enrolments} />
    </div>
  );
}
