import { describe, expect, it } from "vitest";
import { classifyInbound } from "../../src/messaging/sms/keywords";

describe("classifyInbound", () => {
  it.each(["STOP", "stopall", " Unsubscribe ", "END", "quit", "Cancel", "REVOKE", "optout", "OptOut\n", "\tstop  "])("%j opts out", (text) => {
    expect(classifyInbound(text)).toBe("opt_out");
  });

  it.each(["START", "unstop", " Start "])("%j opts back in", (text) => {
    expect(classifyInbound(text)).toBe("opt_in");
  });

  it.each(["HELP", "help", " Help "])("%j asks for help", (text) => {
    expect(classifyInbound(text)).toBe("help");
  });

  it("reads 1 as on my way and 9 as leaving the line", () => {
    expect(classifyInbound("1")).toBe("on_my_way");
    expect(classifyInbound(" 1 ")).toBe("on_my_way");
    expect(classifyInbound("9")).toBe("leave");
    expect(classifyInbound("9\n")).toBe("leave");
  });

  it.each(["Please stop texting me", "stop it", "STOP.", "11", "19", "running 5 min late", "", "STARTER"])("%j is an ordinary message", (text) => {
    expect(classifyInbound(text)).toBe("message");
  });
});
