// Public booking is rate limited per client IP and per phone number, like self check-in.
import { describe, expect, it } from "vitest";
import { bookPlace, dayFromNow, freshPhone, localIso, publicBook } from "./support";

describe("public booking rate limits", () => {
  it("an IP gets 429 with Retry-After after 10 bookings in an hour", async () => {
    const p = await bookPlace({ tables: [["A", 1, 2], ["B", 1, 2], ["C", 1, 2], ["D", 1, 2], ["E", 1, 2], ["F", 1, 2]] });
    const date = dayFromNow(2, p.timezone);
    const ip = "192.0.2.77";
    const times = ["12:00", "13:30", "15:00", "16:30", "18:00", "19:30"];
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await publicBook(p, { start: localIso(date, times[i % 6]!, p.timezone) }, ip));
    expect(answers.slice(0, 10).every((a) => a.status === 201)).toBe(true);
    expect(answers[10]!.status).toBe(429);
    expect(answers[10]!.json.error.code).toBe("rate_limited");
    expect(Number(answers[10]!.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("a phone gets 429 after 5 bookings in an hour, from any IP", async () => {
    const p = await bookPlace({ tables: [["A", 1, 2], ["B", 1, 2], ["C", 1, 2]] });
    const date = dayFromNow(2, p.timezone);
    const phone = freshPhone();
    const times = ["12:00", "13:30", "15:00", "16:30", "18:00", "19:30"];
    const answers = [];
    for (const t of times) answers.push(await publicBook(p, { phone, start: localIso(date, t, p.timezone) }));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers[5]!.status).toBe(429);
  });
});
