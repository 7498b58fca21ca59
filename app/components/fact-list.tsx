import type { ReactNode } from "react";

/** Label–value pairs as a definition list (`.facts`): one line each on wide screens, stacked on phones. */
export function FactList({ rows, className = "facts" }: { rows: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={className}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
