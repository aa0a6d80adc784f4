import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS, allowedPlaceholders, renderTemplate, unknownPlaceholders } from "../../domain/sms/templates";

describe("renderTemplate", () => {
  it("fills every known placeholder", () => {
    expect(renderTemplate("Hi {name}, #{position} at {restaurant}, {wait} min: {link}", { name: "Ana", position: 2, restaurant: "Luigi's", wait: 15, link: "https://x/w/t" })).toBe(
      "Hi Ana, #2 at Luigi's, 15 min: https://x/w/t",
    );
  });

  it("fills a placeholder every time it appears", () => {
    expect(renderTemplate("{name} {name}", { name: "Bo" })).toBe("Bo Bo");
  });

  it("leaves out values that are missing or null", () => {
    expect(renderTemplate("[{link}] [{wait}]", { wait: null })).toBe("[] []");
  });

  it("leaves unknown placeholders as written", () => {
    expect(renderTemplate("{table} for {name}", { name: "Ana" })).toBe("{table} for Ana");
  });

  it("does not expand placeholders or replacement patterns inside a value", () => {
    expect(renderTemplate("Hi {name} at {restaurant}", { name: "{restaurant} $& $1", restaurant: "R" })).toBe("Hi {restaurant} $& $1 at R");
  });
});

describe("unknownPlaceholders", () => {
  it("accepts every default template", () => {
    for (const kind of TEMPLATE_KINDS) expect(unknownPlaceholders(DEFAULT_TEMPLATES[kind].body, kind), kind).toEqual([]);
  });

  it("offers {link} only where the message carries the guest's link", () => {
    expect(allowedPlaceholders("joined")).toContain("link");
    expect(allowedPlaceholders("reservation_confirmation")).toContain("link");
    expect(allowedPlaceholders("reservation_reminder")).toContain("link");
    for (const kind of ["almost_up", "table_ready", "cancelled"] as const) {
      expect(allowedPlaceholders(kind), kind).not.toContain("link");
      expect(unknownPlaceholders("Go: {link}", kind), kind).toEqual(["{link}"]);
    }
    expect(unknownPlaceholders("Go: {link}", "joined")).toEqual([]);
  });

  it("names each placeholder it cannot fill, in order", () => {
    expect(unknownPlaceholders("{name} {table} {Name} { name } {}", "joined")).toEqual(["{table}", "{Name}", "{ name }", "{}"]);
  });

  it("accepts {name} {restaurant} {position} {wait} in every kind", () => {
    for (const kind of TEMPLATE_KINDS) expect(unknownPlaceholders("{name}{restaurant}{position}{wait}", kind), kind).toEqual([]);
  });

  it("finds nothing in plain text or unclosed braces", () => {
    expect(unknownPlaceholders("No placeholders here {name", "cancelled")).toEqual([]);
  });
});
