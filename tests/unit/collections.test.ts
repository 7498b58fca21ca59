import { describe, expect, it } from "vitest";
import {
  amountProblem,
  branchShortCode,
  closeDayProblem,
  collectMarketId,
  filterTraders,
  localInstant,
  marketAbbreviation,
  marketShortCodes,
  parseEntry,
  placeEntry,
  receiptNumber,
  receiptText,
  RECEIPT_PATTERN,
  reversalProblem,
  searchIndexOf,
  whatsappLink,
  type DayState,
  withPayment,
  type SheetTrader,
} from "../../app/domain/collections";

const WIB = "Asia/Pontianak";
const WITA = "Asia/Makassar";

describe("receipt numbers", () => {
  it("takes the branch letters without the office-type prefix", () => {
    expect(branchShortCode("KC-PTK")).toBe("PTK");
    expect(branchShortCode("KCP-KPS")).toBe("KPS");
    expect(branchShortCode("KC-MKS-TEST")).toBe("MKSTEST");
  });

  it("abbreviates a market's name to three letters, ignoring the word Pasar", () => {
    expect(marketAbbreviation("Pasar Flamboyan")).toBe("FLM");
    expect(marketAbbreviation("Pasar Pagi Samarinda")).toBe("PSM");
    expect(marketAbbreviation("Pasar Demo Pandansari")).toBe("PND");
    expect(marketAbbreviation("Pasar PPM (Pusat Perbelanjaan Mentaya)")).toBe("PPP");
    expect(marketAbbreviation("Pasar")).toBe("PSR");
    expect(marketAbbreviation("Pasar Ai")).toBe("AIX");
  });

  it("keeps the older market's code when two names abbreviate alike, and numbers the newer one", () => {
    const codes = marketShortCodes([
      { id: 9, name: "Pasar Flamingo" },
      { id: 3, name: "Pasar Flamboyan" },
    ]);
    expect(codes.get(3)).toBe("FLM");
    expect(codes.get(9)).toBe("FLM2");
  });

  it("formats branch, market, business date and a four-digit sequence", () => {
    const number = receiptNumber("PTK", "FLM", "2026-11-23", 42);
    expect(number).toBe("PTK-FLM-20261123-0042");
    expect(RECEIPT_PATTERN.test(number)).toBe(true);
    expect(RECEIPT_PATTERN.test("../etc/passwd")).toBe(false);
  });
});

describe("amounts", () => {
  it("accepts whole positive rupiah up to the ceiling and names what is wrong otherwise", () => {
    expect(amountProblem(300, 1_000_000)).toBeNull();
    expect(amountProblem(1_000_000, 1_000_000)).toBeNull();
    expect(amountProblem(1_000_001, 1_000_000)).toBe("overCeiling");
    expect(amountProblem(0, 1_000_000)).toBe("notPositive");
    expect(amountProblem(-300, 1_000_000)).toBe("notPositive");
    expect(amountProblem(300.5, 1_000_000)).toBe("notWhole");
    expect(amountProblem("300", 1_000_000)).toBe("notWhole");
    expect(amountProblem(Number.NaN, 1_000_000)).toBe("notWhole");
  });
});

describe("parsing a batch entry", () => {
  const good = { idempotencyKey: "2b7e1516-28ae-4d2a", traderId: 5, amount: 300, collectedAt: "2026-11-23T02:00:00Z" };

  it("reads a complete entry and keeps the device id", () => {
    const parsed = parseEntry({ ...good, deviceId: "hp-1" }, 1_000_000);
    expect(parsed).toEqual({ ok: true, entry: { idempotencyKey: good.idempotencyKey, traderId: 5, amount: 300, collectedAt: new Date(good.collectedAt), deviceId: "hp-1" } });
  });

  it("refuses missing or malformed fields, keeping the key when there is one", () => {
    expect(parseEntry({ ...good, idempotencyKey: "short" }, 1_000_000)).toEqual({ ok: false, idempotencyKey: null, reason: "invalid" });
    expect(parseEntry({ ...good, traderId: "5" }, 1_000_000)).toMatchObject({ ok: false, idempotencyKey: good.idempotencyKey, reason: "invalid" });
    expect(parseEntry({ ...good, collectedAt: "23/11/2026" }, 1_000_000)).toMatchObject({ reason: "invalid" });
    expect(parseEntry({ ...good, collectedAt: "2026-11-23" }, 1_000_000)).toMatchObject({ reason: "invalid" });
    expect(parseEntry(null, 1_000_000)).toMatchObject({ reason: "invalid" });
    expect(parseEntry([good], 1_000_000)).toMatchObject({ reason: "invalid" });
    expect(parseEntry({ ...good, amount: 2_000_000 }, 1_000_000)).toMatchObject({ reason: "overCeiling" });
  });
});

describe("business-date placement", () => {
  const now = new Date("2026-11-24T03:00:00Z"); // 10:00 WIB, 11:00 WITA on 24 Nov
  const days = (states: Record<string, DayState>) => (date: string) => states[date];

  it("puts an entry on the market-local date of when the cash was taken", () => {
    expect(placeEntry({ collectedAt: new Date("2026-11-23T15:30:00Z"), now, timeZone: WITA, dayState: days({}) })).toEqual({ businessDate: "2026-11-23" });
    expect(placeEntry({ collectedAt: new Date("2026-11-23T16:30:00Z"), now, timeZone: WITA, dayState: days({}) })).toEqual({ businessDate: "2026-11-24" });
    expect(placeEntry({ collectedAt: new Date("2026-11-23T16:30:00Z"), now, timeZone: WIB, dayState: days({}) })).toEqual({ businessDate: "2026-11-23" });
  });

  it("tolerates five minutes of clock skew and refuses anything further ahead", () => {
    expect(placeEntry({ collectedAt: new Date(now.getTime() + 4 * 60_000), now, timeZone: WIB, dayState: days({}) })).toEqual({ businessDate: "2026-11-24" });
    expect(placeEntry({ collectedAt: new Date(now.getTime() + 6 * 60_000), now, timeZone: WIB, dayState: days({}) })).toEqual({ refused: "future" });
  });

  it("keeps a skewed entry from just after midnight on today rather than tomorrow", () => {
    const nearMidnight = new Date("2026-11-24T16:58:00Z"); // 23:58 WIB
    expect(placeEntry({ collectedAt: new Date("2026-11-24T17:02:00Z"), now: nearMidnight, timeZone: WIB, dayState: days({}) })).toEqual({ businessDate: "2026-11-24" });
  });

  it("moves cash taken after a day's close to today, and refuses cash from before the close", () => {
    const closed = { "2026-11-23": { status: "closed" as const, closedAt: "2026-11-23T07:00:00.000Z" } };
    expect(placeEntry({ collectedAt: new Date("2026-11-23T09:00:00Z"), now, timeZone: WIB, dayState: days(closed) })).toEqual({ businessDate: "2026-11-24" });
    expect(placeEntry({ collectedAt: new Date("2026-11-23T05:00:00Z"), now, timeZone: WIB, dayState: days(closed) })).toEqual({ refused: "dayClosed" });
  });

  it("refuses an entry when today is closed too", () => {
    const closed = {
      "2026-11-23": { status: "closed" as const, closedAt: "2026-11-23T07:00:00.000Z" },
      "2026-11-24": { status: "closed" as const, closedAt: "2026-11-24T02:00:00.000Z" },
    };
    expect(placeEntry({ collectedAt: new Date("2026-11-23T09:00:00Z"), now, timeZone: WIB, dayState: days(closed) })).toEqual({ refused: "dayClosed" });
    expect(placeEntry({ collectedAt: new Date("2026-11-24T02:30:00Z"), now, timeZone: WIB, dayState: days(closed) })).toEqual({ refused: "dayClosed" });
  });

  it("accepts an entry for an earlier day that is still open (a phone syncing late)", () => {
    const reopened = { "2026-11-20": { status: "open" as const, closedAt: "2026-11-20T07:00:00.000Z" } };
    expect(placeEntry({ collectedAt: new Date("2026-11-20T03:00:00Z"), now, timeZone: WIB, dayState: days(reopened) })).toEqual({ businessDate: "2026-11-20" });
  });
});

describe("local wall-clock instants", () => {
  it("turns a market-local time into the instant, WIB and WITA alike", () => {
    expect(localInstant("2026-11-23", 23 * 60 + 30, WITA).toISOString()).toBe("2026-11-23T15:30:00.000Z");
    expect(localInstant("2026-11-23", 7 * 60, WIB).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(localInstant("2026-11-23", 0, WIB).toISOString()).toBe("2026-11-22T17:00:00.000Z");
  });
});

describe("who may reverse an entry", () => {
  const base = {
    role: "market_collector" as const,
    userId: 7,
    entry: { kind: "payment" as const, collectorUserId: 7, businessDate: "2026-11-24", reversed: false },
    dayClosed: false,
    today: "2026-11-24",
    reason: "Salah ketik",
  };

  it("lets a collector reverse their own entry on the same open day", () => {
    expect(reversalProblem(base)).toBeNull();
  });

  it("stops a collector once the day is closed, on another day, or for someone else's entry", () => {
    expect(reversalProblem({ ...base, dayClosed: true })).toBe("notAllowed");
    expect(reversalProblem({ ...base, today: "2026-11-25" })).toBe("notAllowed");
    expect(reversalProblem({ ...base, entry: { ...base.entry, collectorUserId: 8 } })).toBe("notAllowed");
  });

  it("lets branch staff reverse after the close, but always with a reason", () => {
    const staff = { ...base, role: "branch_staff" as const, userId: 3, dayClosed: true, today: "2026-11-30" };
    expect(reversalProblem(staff)).toBeNull();
    expect(reversalProblem({ ...staff, reason: "  " })).toBe("reasonRequired");
    expect(reversalProblem({ ...staff, reason: "x".repeat(201) })).toBe("reasonRequired");
  });

  it("never reverses a reversal or an entry twice", () => {
    expect(reversalProblem({ ...base, entry: { ...base.entry, kind: "reversal" } })).toBe("reversal");
    expect(reversalProblem({ ...base, role: "admin", entry: { ...base.entry, reversed: true } })).toBe("alreadyReversed");
  });
});

describe("closing a day", () => {
  const base = { date: "2026-11-24", today: "2026-11-24", status: "open" as const, countedCash: 50_000, recordedTotal: 50_000, note: "" };

  it("closes without a note when the counted cash matches", () => {
    expect(closeDayProblem(base)).toBeNull();
  });

  it("needs a note for a variance, and sensible counted cash", () => {
    expect(closeDayProblem({ ...base, countedCash: 49_500 })).toBe("noteRequired");
    expect(closeDayProblem({ ...base, countedCash: 49_500, note: "Kembalian kurang" })).toBeNull();
    expect(closeDayProblem({ ...base, countedCash: null })).toBe("countedCash");
    expect(closeDayProblem({ ...base, countedCash: -1 })).toBe("countedCash");
  });

  it("refuses a future day or one already closed", () => {
    expect(closeDayProblem({ ...base, date: "2026-11-25" })).toBe("future");
    expect(closeDayProblem({ ...base, status: "closed" })).toBe("alreadyClosed");
  });
});

describe("the sheet's search", () => {
  const traders: SheetTrader[] = [
    [1, "Siti Aminah", "Blok A-12", "120001", 300, 8400, 0, 0, 0],
    [2, "Budi Hidayat", "Los C-03", "450077", 300, 8400, 0, 0, 0],
    [3, "Rina", "Kios B-40", "987612", 300, 8400, 0, 0, 0],
  ];
  const index = searchIndexOf(traders);
  const ids = (query: string) => filterTraders(traders, index, query).map((trader) => trader[0]);

  it("matches names and stalls regardless of case", () => {
    expect(ids("siti")).toEqual([1]);
    expect(ids("blok a")).toEqual([1]);
    expect(ids("")).toEqual([1, 2, 3]);
  });

  it("matches the last digits of the NIK, or digits in a stall", () => {
    expect(ids("0077")).toEqual([2]);
    expect(ids("12")).toEqual([1, 3]);
  });
});

describe("the sheet's row after a payment", () => {
  it("pays earlier months owed first, then this month up to its premium, the rest as credit", () => {
    const owing: SheetTrader = [1, "Siti", "", "120001", 300, 8400, 0, 0, 1000];
    expect(withPayment(owing, 600)).toEqual([1, "Siti", "", "120001", 300, 8400, 0, 600, 400]);
    expect(withPayment(owing, 1500)).toEqual([1, "Siti", "", "120001", 300, 8400, 500, 1500, 0]);
    const current: SheetTrader = [2, "Budi", "", "450077", 300, 8400, 8200, 0, 0];
    expect(withPayment(current, 600)[6]).toBe(8400);
  });
});

describe("sharing and choosing", () => {
  it("builds a wa.me link to the trader's number, or one where the sender picks the chat", () => {
    const text = receiptText([{ label: "Jumlah", value: "Rp300" }], "Kuitansi");
    expect(text).toBe("Kuitansi\nJumlah: Rp300");
    expect(whatsappLink("+6281234567890", text)).toBe("https://wa.me/6281234567890?text=Kuitansi%0AJumlah%3A%20Rp300");
    expect(whatsappLink(null, "a b")).toBe("https://wa.me/?text=a%20b");
  });

  it("uses a collector's own market and lets others name one", () => {
    expect(collectMarketId({ level: "market", regionId: 1, branchId: 2, marketId: 3 }, "99")).toBe(3);
    expect(collectMarketId({ level: "branch", regionId: 1, branchId: 2 }, "99")).toBe(99);
    expect(collectMarketId({ level: "all" }, "abc")).toBeNull();
    expect(collectMarketId({ level: "all" }, null)).toBeNull();
  });
});
