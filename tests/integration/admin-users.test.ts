import { describe, expect, it } from "vitest";
import * as newUser from "../../app/routes/admin.users.new";
import * as editUser from "../../app/routes/admin.users.$userId";
import * as users from "../../app/routes/admin.users._index";
import * as me from "../../app/routes/api.v1.me";
import * as home from "../../app/routes/_index";
import { getDb } from "../../app/utils/db.server";
import { attemptSignIn } from "../../app/models/sign-in.server";
import { bearerOf, bodyOf, call, getRequest, postRequest, signedInAs } from "../support/requests";

async function idOf(table: "branches" | "markets", column: "code" | "name", value: string) {
  const row = await getDb().selectFrom(table).select("id").where(column, "=", value).executeTakeFirstOrThrow();
  return String(row.id);
}

async function userIdOf(email: string) {
  const row = await getDb().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return String(row.id);
}

describe("user management", () => {
  it("lets an admin create branch staff who can then sign in within that branch", async () => {
    const admin = await signedInAs("admin@demo.id");
    const branchId = await idOf("branches", "code", "KC-SMD");
    const response = await call(
      newUser.action,
      postRequest("/admin/users/new", admin, {
        name: "Dewi Samarinda",
        email: "Dewi.Samarinda@Demo.id ",
        role: "branch_staff",
        branchId,
        password: "rahasia123",
      }),
    );
    expect(response.status).toBe(302);
    const outcome = await attemptSignIn({ email: "dewi.samarinda@demo.id", password: "rahasia123", ip: "10.9.0.1" });
    expect(outcome.kind).toBe("ok");
    const token = await bearerOf("dewi.samarinda@demo.id");
    const whoami = await (await call(me.loader, getRequest("/api/v1/me", token))).json();
    expect(whoami.scope).toMatchObject({ level: "branch", branchId: Number(branchId) });
  });

  it("explains what is missing instead of saving a half-made user", async () => {
    const admin = await signedInAs("admin@demo.id");
    const response = await call(
      newUser.action,
      postRequest("/admin/users/new", admin, { name: "", email: "bukan-email", role: "market_collector", password: "123" }),
    );
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors).toEqual({
      name: "common.required",
      email: "users.emailInvalid",
      marketId: "users.scopeRequired",
      password: "users.passwordTooShort",
    });
    const count = await getDb().selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", "bukan-email").executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const admin = await signedInAs("admin@demo.id");
    const response = await call(
      newUser.action,
      postRequest("/admin/users/new", admin, { name: "Dobel", email: "KAKANWIL@demo.id", role: "admin", password: "rahasia123" }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ email: "users.emailTaken" });
  });

  it("moves a user to another market and ends their sessions so the new scope applies at once", async () => {
    const admin = await signedInAs("admin@demo.id");
    const collector = await signedInAs("kolektor.flamboyan@demo.id");
    const userId = await userIdOf("kolektor.flamboyan@demo.id");
    const marketId = await idOf("markets", "name", "Pasar Dahlia");
    const response = await call(
      editUser.action,
      postRequest(`/admin/users/${userId}`, admin, {
        intent: "update",
        name: "Rahmat Kolektor",
        email: "kolektor.flamboyan@demo.id",
        role: "market_collector",
        marketId,
      }),
      { userId },
    );
    expect(await response.json()).toEqual({ notice: "common.saved" });
    expect((await call(home.loader, getRequest("/", collector))).status).toBe(302);
    const token = await bearerOf("kolektor.flamboyan@demo.id");
    expect((await (await call(me.loader, getRequest("/api/v1/me", token))).json()).scope.marketId).toBe(Number(marketId));
  });

  it("resets a password and deactivates a user, which also stops their tokens", async () => {
    const admin = await signedInAs("admin@demo.id");
    const userId = await userIdOf("staf.balikpapan@demo.id");
    const token = await bearerOf("staf.balikpapan@demo.id");
    const reset = await call(editUser.action, postRequest(`/admin/users/${userId}`, admin, { intent: "reset-password", password: "baru12345" }), { userId });
    expect(await reset.json()).toEqual({ notice: "users.passwordReset" });
    expect((await attemptSignIn({ email: "staf.balikpapan@demo.id", password: "baru12345", ip: "10.9.0.2" })).kind).toBe("ok");
    await call(editUser.action, postRequest(`/admin/users/${userId}`, admin, { intent: "deactivate" }), { userId });
    expect((await call(me.loader, getRequest("/api/v1/me", token))).status).toBe(401);
    expect((await attemptSignIn({ email: "staf.balikpapan@demo.id", password: "baru12345", ip: "10.9.0.3" })).kind).toBe("invalid");
  });

  it("does not let an admin deactivate themselves", async () => {
    const admin = await signedInAs("admin@demo.id");
    const userId = await userIdOf("admin@demo.id");
    const response = await call(editUser.action, postRequest(`/admin/users/${userId}`, admin, { intent: "deactivate" }), { userId });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("users.cannotDeactivateSelf");
  });

  it("searches users by name or email", async () => {
    const admin = await signedInAs("admin@demo.id");
    const body = await bodyOf(await call(users.loader, getRequest("/admin/users?q=PONTIANAK", admin)));
    expect(body).toContain("staf.pontianak@demo.id");
    expect(body).not.toContain("kakanwil@demo.id");
  });

  it("keeps user management to admins", async () => {
    const head = await signedInAs("kakanwil@demo.id");
    expect((await call(users.loader, getRequest("/admin/users", head))).status).toBe(403);
  });
});
