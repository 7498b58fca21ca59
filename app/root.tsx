import { json } from "@remix-run/node";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesHref from "./styles/app.css";
import { getOptionalUser } from "./utils/auth.server";
import { ensureCsrfToken } from "./utils/csrf.server";
import { env } from "./utils/env.server";
import { localeFromRequest } from "./utils/locale.server";
import { navigationFor } from "./domain/navigation";
import { useI18n, useRootData, type RootData } from "./i18n/react";
import { PostForm } from "./components/forms";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Pasar Terlindungi" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, csrf] = await Promise.all([getOptionalUser(request), ensureCsrfToken(request)]);
  const data: RootData = {
    locale: await localeFromRequest(request),
    csrfToken: csrf.token,
    user: user && { name: user.name, email: user.email, role: user.role, homeLabel: user.homeLabel },
    map: { tileUrl: env().TILE_URL, tileAttribution: env().TILE_ATTRIBUTION },
  };
  return json(data, { headers: csrf.setCookie ? { "Set-Cookie": csrf.setCookie } : undefined });
}

function LanguageSwitch() {
  const { t, locale } = useI18n();
  const location = useLocation();
  return (
    <PostForm action="/language" className="language-switch">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <span className="visually-hidden">{t("nav.language")}</span>
      {(["id", "en"] as const).map((code) => (
        <button key={code} type="submit" name="lang" value={code} aria-pressed={locale === code} className="link-button">
          {code.toUpperCase()}
        </button>
      ))}
    </PostForm>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const user = useRootData()?.user;
  const navigation = useNavigation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <header className="top-bar">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        {user ? (
          <nav aria-label={t("nav.menu")} className="main-nav">
            {navigationFor(user.role).map((item) => (
              <NavLink key={item.to} to={item.to} end={item.to === "/"}>
                {t(item.label)}
              </NavLink>
            ))}
          </nav>
        ) : null}
        <div className="top-bar-end">
          <LanguageSwitch />
          {user ? (
            <PostForm action="/logout" className="sign-out">
              <span className="who" title={t("nav.signedInAs", { name: user.name })}>
                {user.name} · {t(`role.${user.role}`)}
              </span>
              <button type="submit" className="link-button">
                {t("nav.signOut")}
              </button>
            </PostForm>
          ) : null}
        </div>
      </header>
      {navigation.state !== "idle" ? <div className="progress-bar" role="progressbar" aria-label="…" /> : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useRootData()?.locale ?? "id";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Shell>{children}</Shell>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = status === 403 || status === 404 || status === 500;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{known ? t(`error.${status}.title`) : t("error.title")}</h1>
      <p>{known ? t(`error.${status}.body`) : t("error.other.body", { status })}</p>
      <p>
        <Link to="/">{t("error.goHome")}</Link>
      </p>
    </section>
  );
}
