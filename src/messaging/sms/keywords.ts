// What a guest's reply means. Carrier-standard opt-out and opt-in words, HELP, and the two digits the
// table-ready text offers.

const OPT_OUT = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "REVOKE", "OPTOUT"]);
const OPT_IN = new Set(["START", "UNSTOP"]);

export type InboundIntent = "opt_out" | "opt_in" | "help" | "on_my_way" | "leave" | "message";

export function classifyInbound(body: string): InboundIntent {
  const word = body.trim().toUpperCase();
  if (OPT_OUT.has(word)) return "opt_out";
  if (OPT_IN.has(word)) return "opt_in";
  if (word === "HELP" || word === "INFO") return "help";
  if (word === "1") return "on_my_way";
  if (word === "9") return "leave";
  return "message";
}
