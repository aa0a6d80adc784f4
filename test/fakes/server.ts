// Local fakes of the outside world's HTTP APIs, answering as the real ones do. Tests read what a
// fake received, or tell it how to behave next, through its /__control endpoints.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createReceivers } from "./receivers";
import { createRecurlyFake } from "./recurly";
import { createSmsFakes } from "./sms";

interface Recorded {
  id: string;
  at: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export async function startFakes() {
  const received: Record<string, Recorded[]> = { resend: [] };
  // Status codes the next requests to a provider will get, in order (then back to normal). A failure
  // with `to` only hits messages to that address, so test files running in parallel cannot take
  // each other's failures.
  const failures: Record<string, { status: number; to?: string }[]> = { resend: [] };
  let seq = 0;
  const sms = createSmsFakes();
  const recurly = createRecurlyFake();
  const receivers = createReceivers();

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  }

  async function resend(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== "POST" || path !== "/emails") return json(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
    const auth = req.headers.authorization ?? "";
    if (!/^Bearer re_\w+$/.test(auth)) {
      return json(res, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header." });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return json(res, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON." });
    }
    const recipients = ([] as unknown[]).concat(body.to ?? []);
    const queue = failures.resend!;
    const at = queue.findIndex((f) => f.to === undefined || recipients.includes(f.to));
    if (at >= 0) {
      const [forced] = queue.splice(at, 1);
      return json(res, forced!.status, { statusCode: forced!.status, name: "application_error", message: "Forced failure." });
    }
    for (const field of ["from", "to", "subject"]) {
      if (!body[field]) return json(res, 422, { statusCode: 422, name: "missing_required_field", message: `Missing \`${field}\` field.` });
    }
    const id = `fake-${++seq}`;
    received.resend!.push({ id, at: Date.now(), headers: req.headers, body });
    return json(res, 200, { id });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, provider, ...rest] = url.pathname.split("/");
    const path = "/" + rest.join("/");
    try {
      if (provider === "twilio" || provider === "telnyx") return await sms.handle(provider, req, res, path + url.search, await readBody(req));
      if (provider === "recurly") return await recurly.handle(req, res, path, await readBody(req));
      if (provider === "receiver" && rest[0] && req.method === "POST") return await receivers.handle(rest[0], req, res, await readBody(req));
      if (provider === "__control" && rest[0] === "receiver" && rest[1]) return receivers.control(rest[1], req.method ?? "GET", await readBody(req), res);
      if (provider === "__control" && rest[0] === "recurly" && rest[1] && req.method === "POST") {
        const raw = await readBody(req);
        return recurly.control(rest[1], raw ? JSON.parse(raw) : {}, res);
      }
      if (provider === "__control" && rest[0] === "sms" && rest[1] && req.method === "POST") {
        const raw = await readBody(req);
        return sms.control(rest[1], raw ? JSON.parse(raw) : {}, res);
      }
      if (provider === "__control") {
        // GET /__control/received/:provider, DELETE /__control/received/:provider,
        // POST /__control/fail/:provider {statuses: number[], to?: string} (replaces earlier ones for that `to`)
        const [what, name] = rest;
        if (what === "received" && name && req.method === "GET") return json(res, 200, received[name] ?? []);
        if (what === "received" && name && req.method === "DELETE") return (received[name] = []), json(res, 200, {});
        if (what === "fail" && name && req.method === "POST") {
          const { statuses, to } = JSON.parse(await readBody(req)) as { statuses: number[]; to?: string };
          failures[name] = (failures[name] ?? []).filter((f) => f.to !== to).concat(statuses.map((status) => ({ status, to })));
          return json(res, 200, {});
        }
        return json(res, 404, {});
      }
      if (provider === "resend") return await resend(req, res, path);
      return json(res, 404, { message: "no such fake" });
    } catch (err) {
      return json(res, 500, { message: String(err) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    telnyxPublicKey: sms.publicKeyBase64,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
