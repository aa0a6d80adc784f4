// Webhook receivers: endpoints that answer like a customer's server would (2xx, 5xx, slow, hanging),
// recording what they got. Each test uses its own receiver name, so files running at once do not mix.
// POST /receiver/:name records and answers; control: POST /__control/receiver/:name {answers: [...]}
// sets the next answers ({status, delayMs?, body?}), GET/DELETE /__control/receiver/:name reads/clears.
import type { IncomingMessage, ServerResponse } from "node:http";

interface Answer {
  status: number;
  delayMs?: number;
  body?: string;
}
interface Got {
  at: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function createReceivers() {
  const got = new Map<string, Got[]>();
  const answers = new Map<string, Answer[]>();

  async function handle(name: string, req: IncomingMessage, res: ServerResponse, body: string) {
    const list = got.get(name) ?? [];
    list.push({ at: Date.now(), headers: req.headers, body });
    got.set(name, list);
    const next = answers.get(name)?.shift() ?? { status: 204 };
    if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
    if (res.destroyed) return;
    res.writeHead(next.status, { "Content-Type": "text/plain" });
    res.end(next.body ?? "");
  }

  function control(name: string, method: string, raw: string, res: ServerResponse) {
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (method === "GET") return reply(200, got.get(name) ?? []);
    if (method === "DELETE") return got.delete(name), answers.delete(name), reply(200, {});
    const { answers: next } = JSON.parse(raw || "{}") as { answers: Answer[] };
    answers.set(name, [...next]);
    return reply(200, {});
  }

  return { handle, control };
}
