import { Link, useLocation } from "@remix-run/react";
import { useI18n } from "../i18n/react";

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useI18n();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.pageOf", { page, pages: pageCount })}>
      {page > 1 ? <Link to={hrefFor(page - 1)} rel="prev">← {t("common.previous")}</Link> : <span />}
      <span>{t("common.pageOf", { page, pages: pageCount })}</span>
      {page < pageCount ? <Link to={hrefFor(page + 1)} rel="next">{t("common.next")} →</Link> : <span />}
    </nav>
  );
}
