import { describe, expect, it } from "vitest";
import * as login from "../../app/routes/login";
import * as logout from "../../app/routes/logout";
import * as home from "../../app/routes/_index";
import * as language from "../../app/routes/language";
import * as healthz from "../../app/routes/healthz";
import * as root from "../../app/root";
import * as me from "../../app/routes/api.v1.me";
import * as marketPage from "../../app/routes/markets.$marketId";
import * as marketApi from "../../app/routes/api.v1.markets.$marketId";
import * as marketsApi from "../../app/routes/api.v1.markets";
import * as tokens from "../../app/routes/account.tokens";
import { getDb } from "../../app/utils/db.server";
import { hashToken } from "../../app/models/sessions.server";
import { BASE, TEST_CSRF, anonymous, bearerOf, bodyOf, call, getRequest, postRequest, signedInAs } from "../support/requests";
import { csrfCookie } from "../../app/utils/cookies.server";

async function csrfOnlyCaller() {
  return { cookie: (await csrfCookie().serialize(TEST_CSRF)).split(";")[0] };
}

async function signInWith(email: string, password: string, ip = "10.0.0.1") {
  const request = postRequest("/login", await csrfOnlyCaller(), { email, password, redirectTo: "/markets" });
  request.headers.set("X-Forwarded-For", ip);
  return call(login.action, request);
}

async function marketIdByName(name: string) {
  const row = await getDb().selectFrom("markets").select("id").where("name", "=", name).executeTakeFirstOrThrow();
  return String(row.id);
}

describe("signing in", () => {
  it("starts a session with a secure-by-default cookie and returns to the page asked for", async () => {
    const response = await signInWith("staf.pontianak@demo.id", "demo12345");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/markets");
    const cookie = response.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/__session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("stores passwords as argon2id hashes", async () => {
    const row = await getDb().selectFrom("users").select("password_hash").where("email", "=", "admin@demo.id").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("answers a wrong password with the same message as an unknown email", async () => {
    const wrong = await signInWith("staf.pontianak@demo.id", "salah-sekali", "10.0.0.2");
    const unknown = await signInWith("tidak.ada@demo.id", "demo12345", "10.0.0.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ formError: "login.invalid" });
    expect(await unknown.json()).toMatchObject({ formError: "login.invalid" });
  });

  it("blocks an email after five failures even with the right password", async () => {
    for (let i = 0; i < 5; i += 1) await signInWith("staf.balikpapan@demo.id", "tebakan", `10.1.0.${i}`);
    const response = await signInWith("staf.balikpapan@demo.id", "demo12345", "10.1.0.99");
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ formError: "login.rateLimited", minutes: 15 });
  });

  it("asks for both fields before checking anything", async () => {
    const response = await call(login.action, postRequest("/login", await csrfOnlyCaller(), { email: "", password: "" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      fieldErrors: { email: "login.emailRequired", password: "login.passwordRequired" },
    });
  });

  it("refuses a sign-in POST without the CSRF token with 403, not 500", async () => {
    const response = await call(
      login.action,
      postRequest("/login", anonymous, { email: "admin@demo.id", password: "demo12345" }, { withCsrf: false }),
    );
    expect(response.status).toBe(403);
  });

  it("never redirects to another site after sign-in", async () => {
    const request = postRequest("/login", await csrfOnlyCaller(), {
      email: "admin@demo.id",
      password: "demo12345",
      redirectTo: "//evil.example/phish",
    });
    const response = await call(login.action, request);
    expect(response.headers.get("Location")).toBe("/");
  });

  it("refuses a deactivated user", async () => {
    await getDb().updateTable("users").set({ active: 0 }).where("email", "=", "staf.balikpapan@demo.id").execute();
    const response = await signInWith("staf.balikpapan@demo.id", "demo12345", "10.2.0.1");
    expect([401, 429]).toContain(response.status);
    await getDb().updateTable("users").set({ active: 1 }).where("email", "=", "staf.balikpapan@demo.id").execute();
  });
});

describe("sessions", () => {
  it("ends the session on sign-out so the old cookie no longer works", async () => {
    const caller = await signedInAs("kakanwil@demo.id");
    expect((await call(home.loader, getRequest("/", caller))).status).toBe(200);
    const response = await call(logout.action, postRequest("/logout", caller));
    expect(response.headers.get("Location")).toBe("/login?signedOut=1");
    expect((await call(home.loader, getRequest("/", caller))).status).toBe(302);
  });

  it("treats an expired session as signed out", async () => {
    const caller = await signedInAs("kakanwil@demo.id");
    await getDb().updateTable("sessions").set({ expires_at: "2000-01-01T00:00:00.000Z" }).execute();
    const response = await call(home.loader, getRequest("/", caller));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2F");
  });

  it("ignores a session cookie signed with an unknown secret", async () => {
    const forged = { cookie: "__session=abc.def" };
    expect((await call(home.loader, getRequest("/", forged))).status).toBe(302);
  });
});

describe("scope by URL and API", () => {
  it("does not let Pontianak staff open a Balikpapan market by URL or API", async () => {
    const caller = await signedInAs("staf.pontianak@demo.id");
    const balikpapanMarket = await marketIdByName("Pasar Demo Pandansari");
    const page = await call(marketPage.loader, getRequest(`/markets/${balikpapanMarket}`, caller), { marketId: balikpapanMarket });
    expect(page.status).toBe(404);
    const token = await bearerOf("staf.pontianak@demo.id");
    const api = await call(marketApi.loader, getRequest(`/api/v1/markets/${balikpapanMarket}`, token), { marketId: balikpapanMarket });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
  });

  it("lets Pontianak staff open their own market", async () => {
    const caller = await signedInAs("staf.pontianak@demo.id");
    const flamboyan = await marketIdByName("Pasar Flamboyan");
    const response = await call(marketPage.loader, getRequest(`/markets/${flamboyan}`, caller), { marketId: flamboyan });
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toContain("Pasar Flamboyan");
  });

  it("gives the collector's bearer token Pasar Flamboyan and nothing else", async () => {
    const token = await bearerOf("kolektor.flamboyan@demo.id");
    const response = await call(marketsApi.loader, getRequest("/api/v1/markets", token));
    const collection = await response.json();
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(["Pasar Flamboyan"]);
    const whoami = await (await call(me.loader, getRequest("/api/v1/me", token))).json();
    expect(whoami).toMatchObject({ email: "kolektor.flamboyan@demo.id", role: "market_collector", scope: { level: "market" } });
  });

  it("returns the regional head all Kalimantan markets as GeoJSON points in lng,lat order", async () => {
    const token = await bearerOf("kakanwil@demo.id");
    const collection = await (await call(marketsApi.loader, getRequest("/api/v1/markets", token))).json();
    const flamboyan = collection.features.find((f: { properties: { name: string } }) => f.properties.name === "Pasar Flamboyan");
    expect(flamboyan.geometry).toEqual({ type: "Point", coordinates: [109.3428, -0.0391] });
    expect(flamboyan.properties).toMatchObject({ branch_code: "KC-PTK", stage: "collecting", government_run: true });
    expect(collection.features.length).toBeGreaterThan(40);
  });

  it("answers 401 to an unknown or revoked bearer token", async () => {
    expect((await call(me.loader, getRequest("/api/v1/me", { bearer: "pt_nonsense" }))).status).toBe(401);
    const token = await bearerOf("kakanwil@demo.id");
    await getDb().updateTable("api_tokens").set({ revoked_at: new Date().toISOString() }).where("token_hash", "=", hashToken(token.bearer!)).execute();
    expect((await call(me.loader, getRequest("/api/v1/me", token))).status).toBe(401);
  });

  it("does not accept bearer tokens on HTML pages", async () => {
    const token = await bearerOf("admin@demo.id");
    expect((await call(home.loader, getRequest("/", token))).status).toBe(302);
  });
});

describe("personal API tokens", () => {
  it("shows a new token once and keeps only its hash", async () => {
    const caller = await signedInAs("staf.pontianak@demo.id");
    const response = await call(tokens.action, postRequest("/account/tokens", caller, { intent: "create-token", name: "Laptop" }));
    const { newToken } = await response.json();
    expect(newToken).toMatch(/^pt_/);
    const stored = await getDb().selectFrom("api_tokens").selectAll().where("name", "=", "Laptop").executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(newToken));
    expect(JSON.stringify(stored)).not.toContain(newToken);
    const listed = await bodyOf(await call(tokens.loader, getRequest("/account/tokens", caller)));
    expect(listed).not.toContain(newToken);
  });

  it("lets a user revoke only their own tokens", async () => {
    const owner = await bearerOf("staf.balikpapan@demo.id");
    const row = await getDb().selectFrom("api_tokens").select("id").where("token_hash", "=", hashToken(owner.bearer!)).executeTakeFirstOrThrow();
    const intruder = await signedInAs("staf.pontianak@demo.id");
    await call(tokens.action, postRequest("/account/tokens", intruder, { intent: "revoke-token", tokenId: String(row.id) }));
    expect((await call(me.loader, getRequest("/api/v1/me", owner))).status).toBe(200);
  });
});

describe("shell", () => {
  it("remembers the chosen language in a cookie", async () => {
    const response = await call(language.action, postRequest("/language", await csrfOnlyCaller(), { lang: "en", redirectTo: "/markets" }));
    expect(response.headers.get("Location")).toBe("/markets");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0];
    const rootData = await (await call(root.loader, new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).json();
    expect(rootData.locale).toBe("en");
  });

  it("defaults to Indonesian and mints a CSRF cookie for a new visitor", async () => {
    const response = await call(root.loader, getRequest("/login"));
    expect((await response.json()).locale).toBe("id");
    expect(response.headers.get("Set-Cookie")).toMatch(/^csrf=/);
  });

  it("reports health with a database check", async () => {
    const response = await call(healthz.loader, getRequest("/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});
