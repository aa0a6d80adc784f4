// SMS are counted per calendar month in the location's time zone: in Los Angeles (UTC-8 in winter)
// a text at 23:30 on 31 January is January's even though it is 1 February 07:30 in UTC.
import { afterEach, describe, expect, it, vi } from "vitest";
import { localMonth } from "../../src/billing/usage";
import { deliver, freshPhone, insertQueued, messageRow } from "../sms/helpers";
import { seedUsage, setTimezone, subscribedOwner, usageRow } from "./helpers";

const JAN_31_2330_LA = Date.parse("2027-02-01T07:30:00Z");
const FEB_1_0030_LA = Date.parse("2027-02-01T08:30:00Z");

afterEach(() => {
  vi.useRealTimers();
});

async function textAt(o: { accountId: string; locationId: string }, at: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  const id = await insertQueued(o, freshPhone());
  await deliver("seatline-outbound", [{ messageId: id }]);
  return (await messageRow(id))!;
}

describe("localMonth", () => {
  it("uses the location's wall clock, not UTC's", () => {
    expect(localMonth(JAN_31_2330_LA, "America/Los_Angeles")).toBe("2027-01");
    expect(localMonth(FEB_1_0030_LA, "America/Los_Angeles")).toBe("2027-02");
    expect(localMonth(JAN_31_2330_LA, "UTC")).toBe("2027-02");
    // East of UTC the other way round: 00:30 on 1 March in Tokyo is still February in UTC.
    expect(localMonth(Date.parse("2027-02-28T15:30:00Z"), "Asia/Tokyo")).toBe("2027-03");
  });
});

describe("the monthly count across the boundary", () => {
  it("counts 23:30 on the 31st in January and 00:30 on the 1st in February", async () => {
    const o = await subscribedOwner("starter");
    await setTimezone(o, "America/Los_Angeles");
    expect((await textAt(o, JAN_31_2330_LA)).status).toBe("sent");
    expect((await textAt(o, FEB_1_0030_LA)).status).toBe("sent");
    expect(await usageRow(o.locationId, "2027-01")).toMatchObject({ count: 1 });
    expect(await usageRow(o.locationId, "2027-02")).toMatchObject({ count: 1 });
  });

  it("January's used-up allowance holds the 23:30 text but not the 00:30 one", async () => {
    const o = await subscribedOwner("starter");
    await setTimezone(o, "America/Los_Angeles");
    await seedUsage(o, "2027-01", 500);
    const late = await textAt(o, JAN_31_2330_LA);
    expect(late).toMatchObject({ status: "failed", error_code: "sms_allowance_exhausted" });
    const early = await textAt(o, FEB_1_0030_LA);
    expect(early.status).toBe("sent");
    expect(await usageRow(o.locationId, "2027-01")).toMatchObject({ count: 500 });
    expect(await usageRow(o.locationId, "2027-02")).toMatchObject({ count: 1 });
  });
});
