import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate } from "../../domain/business-day";
import { formatInteger, formatRupiah } from "../../domain/money";
import { formatMonth } from "../../domain/month-format";
import type { Locale } from "../../i18n";

// The dashboard charts, drawn in the browser only (recharts measures the page). Each is aria-hidden by its
// frame: the summary sentence and the table next to it carry the same numbers for everyone.

const BRAND = "#0b6b3a";
const ACCENT = "#0a58ca";
const TARGET = "#f5b301";

interface Common {
  locale: Locale;
  height: number;
}

const style = (height: number) => ({ width: "100%", height });
const compact = (locale: Locale) => new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { notation: "compact", maximumFractionDigits: 1 });
const dayMonth = (date: string, locale: Locale) => formatDate(date, locale).replace(/ \d{4}$/, "");

export function DailyCollectionsChart({ data, label, locale, height }: Common & { data: { key: string; value: number }[]; label: string }) {
  const short = compact(locale);
  return (
    <BarChart responsive accessibilityLayer={false} style={style(height)} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="key" tickFormatter={(date: string) => dayMonth(date, locale)} minTickGap={24} fontSize={12} />
      <YAxis tickFormatter={(value: number) => short.format(value)} width={48} fontSize={12} />
      <Tooltip labelFormatter={(date) => formatDate(String(date), locale)} formatter={(value) => [formatRupiah(Number(value), locale), label]} />
      <Bar dataKey="value" name={label} fill={BRAND} isAnimationActive={false} />
    </BarChart>
  );
}

export function FunnelChart({ data, label, locale, height }: Common & { data: { name: string; reached: number }[]; label: string }) {
  return (
    <BarChart responsive accessibilityLayer={false} style={style(height)} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} fontSize={12} />
      <YAxis type="category" dataKey="name" width={130} fontSize={12} interval={0} />
      <Tooltip formatter={(value) => [formatInteger(Number(value), locale), label]} />
      <Bar dataKey="reached" name={label} fill={ACCENT} isAnimationActive={false} />
    </BarChart>
  );
}

export function MouTargetChart({
  data,
  labels,
  locale,
  height,
}: Common & { data: { key: string; achieved: number; target: number }[]; labels: { achieved: string; target: string } }) {
  return (
    <BarChart responsive accessibilityLayer={false} style={style(height)} data={data} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="key" interval={0} angle={-45} textAnchor="end" height={56} fontSize={11} />
      <YAxis allowDecimals={false} width={32} fontSize={12} />
      <Tooltip formatter={(value, name) => [formatInteger(Number(value), locale), String(name)]} />
      <Legend verticalAlign="top" height={28} />
      <Bar dataKey="achieved" name={labels.achieved} fill={BRAND} isAnimationActive={false} />
      <Bar dataKey="target" name={labels.target} fill={TARGET} isAnimationActive={false} />
    </BarChart>
  );
}

export function EnrolmentChart({ data, label, locale, height }: Common & { data: { key: string; value: number }[]; label: string }) {
  return (
    <BarChart responsive accessibilityLayer={false} style={style(height)} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="key" tickFormatter={(month: string) => formatMonth(month, locale).slice(0, 3)} interval={0} fontSize={12} />
      <YAxis allowDecimals={false} width={40} fontSize={12} />
      <Tooltip labelFormatter={(month) => formatMonth(String(month), locale)} formatter={(value) => [formatInteger(Number(value), locale), label]} />
      <Bar dataKey="value" name={label} fill={ACCENT} isAnimationActive={false} />
    </BarChart>
  );
}
