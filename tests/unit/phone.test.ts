import { describe, expect, it } from "vitest";
import { formatIndonesianPhone, normaliseIndonesianPhone, optionalPhoneField, telHref, whatsappHref } from "../../app/domain/phone";

describe("normaliseIndonesianPhone", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 812-3456-7890", "+6281234567890"],
    ["+62 (0)812 3456 7890", "+6281234567890"],
    ["0062 812 3456 7890", "+6281234567890"],
    ["  0812345678  ", "+62812345678"],
    ["(0561) 734567", "+62561734567"],
    ["021-12345678", "+622112345678"],
  ])("reads %s as %s", (input, expected) => {
    expect(normaliseIndonesianPhone(input)).toBe(expected);
  });

  it.each([
    ["letters", "nomor saya"],
    ["letters mixed in", "0812-34AB-7890"],
    ["a foreign country code", "+6012345678"],
    ["a mobile number too short", "08123456"],
    ["a mobile number too long", "0812345678901234"],
    ["a landline too short", "0561 7345"],
    ["no trunk prefix", "81234567890"],
    ["two plus signs", "++6281234567890"],
    ["an empty string", ""],
  ])("refuses %s", (_label, input) => {
    expect(normaliseIndonesianPhone(input)).toBeNull();
  });
});

describe("phone display and links", () => {
  it("groups a mobile number for reading", () => {
    expect(formatIndonesianPhone("+6281234567890")).toBe("+62 812-3456-7890");
  });

  it("keeps a landline's area code apart", () => {
    expect(formatIndonesianPhone("+62561734567")).toBe("+62 561 734567");
    expect(formatIndonesianPhone("+622112345678")).toBe("+62 21 12345678");
  });

  it("builds tel: and wa.me links from the stored number", () => {
    expect(telHref("+6281234567890")).toBe("tel:+6281234567890");
    expect(whatsappHref("+6281234567890")).toBe("https://wa.me/6281234567890");
  });
});

describe("optionalPhoneField", () => {
  it("turns a blank into null, a number into E.164 and garbage into the given message", () => {
    const field = optionalPhoneField("markets.phoneInvalid");
    expect(field.parse(" ")).toBeNull();
    expect(field.parse(undefined)).toBeNull();
    expect(field.parse("0812 0000 1234")).toBe("+6281200001234");
    expect(field.safeParse("bukan nomor").error?.issues[0].message).toBe("markets.phoneInvalid");
  });
});
