// The SMS cost shown under each template (web/src/host/settings/sms-cost.ts): counted on the text as
// sent, with the real link length, and placeholders offered only where the server fills them.
import { describe, expect, it } from "vitest";
import { segmentInfo } from "../../domain/sms/segments";
import { allowedPlaceholders, DEFAULT_TEMPLATES, TEMPLATE_KINDS } from "../../domain/sms/templates";
import { emptyPlaceholders, offeredPlaceholders, sampleLink, sampleTime, smsCost, TOKEN_LENGTH } from "../../web/src/host/settings/sms-cost";

const ctx = { origin: "https://seatline.example.com", restaurant: "Trattoria da Enzo", locationId: "3f2b9c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b", timeZone: "Europe/Rome" };

describe("SMS cost as sent", () => {
  it("counts the default joined text with its status link: 2 segments, where the template as written is 1", () => {
    const cost = smsCost(DEFAULT_TEMPLATES.joined.body, "joined", ctx);
    expect(segmentInfo(DEFAULT_TEMPLATES.joined.body).segments).toBe(1);
    expect(cost.asWritten.segments).toBe(1);
    expect(cost.sent).toEqual(segmentInfo(cost.rendered));
    expect(cost.sent.segments).toBe(2);
    expect(cost.linkLength).toBe(`${ctx.origin}/w/`.length + TOKEN_LENGTH);
    expect(cost.rendered).not.toMatch(/\{\w+\}/);
  });

  it("uses a link of the guest token's real shape: the location id, then 43 base64url characters", () => {
    const token = sampleLink("joined", ctx).split("/w/")[1]!;
    expect(token).toHaveLength(TOKEN_LENGTH);
    // The shape the Worker routes by (locationIdFromLinkToken in domain/links.ts).
    expect(token).toMatch(/^[0-9a-f]{32}[A-Za-z0-9_-]{43}$/);
    expect(token.slice(0, 32)).toBe(ctx.locationId.replace(/-/g, ""));
    expect(sampleLink("reservation_confirmation", ctx)).toMatch(new RegExp(`^${ctx.origin}/book/[0-9a-f]{32}[A-Za-z0-9_-]{43}$`));
  });

  it("prints a booking's time as the reservation texts do, in the location's zone", () => {
    expect(sampleTime("Europe/Rome")).toBe("Wed 30 Sept, 21:30");
    expect(sampleTime("America/Los_Angeles")).toBe("Wed 30 Sept, 12:30");
  });

  it("shows the UCS-2 cost of a guest whose name is outside GSM-7", () => {
    const cost = smsCost("{name}, your table at {restaurant} is ready!", "table_ready", ctx);
    expect(cost.sent.encoding).toBe("GSM-7");
    expect(cost.nonGsmName.encoding).toBe("UCS-2");
  });
});

describe("placeholders per kind", () => {
  it("offers only what the server allows for every kind", () => {
    for (const kind of TEMPLATE_KINDS) expect(allowedPlaceholders(kind)).toEqual(expect.arrayContaining(offeredPlaceholders(kind)));
  });

  it("offers {position} and {wait} only in the waitlist texts that know them, {link} and {time} where they exist", () => {
    expect(offeredPlaceholders("joined")).toEqual(["name", "restaurant", "position", "wait", "link"]);
    expect(offeredPlaceholders("almost_up")).toEqual(["name", "restaurant", "position", "wait"]);
    expect(offeredPlaceholders("table_ready")).toEqual(["name", "restaurant"]);
    expect(offeredPlaceholders("cancelled")).toEqual(["name", "restaurant"]);
    expect(offeredPlaceholders("reservation_confirmation")).toEqual(["name", "restaurant", "link", "time"]);
    expect(offeredPlaceholders("reservation_reminder")).toEqual(["name", "restaurant", "link", "time"]);
  });

  it("warns about a placeholder the server accepts but sends empty", () => {
    expect(emptyPlaceholders("Ready {name}! About {wait} min, #{position}", "table_ready")).toEqual(["{wait}", "{position}"]);
    expect(emptyPlaceholders("Ready {name}!", "table_ready")).toEqual([]);
    expect(smsCost("#{position} at {time}", "reservation_reminder", ctx).empty).toEqual(["{position}"]);
  });
});
