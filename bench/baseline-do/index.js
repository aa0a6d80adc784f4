// Bare DO baseline: a Worker that routes to one Durable Object per room, exactly like Seatline
// routes to one per location, and a DO that does the least a live waitlist could do:
//   - WebSocket: accept with the hibernation API and send one pre-serialized first state;
//   - POST /broadcast: send one pre-serialized message to every socket;
//   - POST /write: one SQLite insert, then the same broadcast;
//   - POST /bcrypt: a bare bcryptjs compare (the sign-in baseline), no DO involved.
// Plain JavaScript so the repository's Node typecheck (tsconfig.node.json includes bench/) is not
// asked to understand Workers types.
import { DurableObject } from "cloudflare:workers";
import bcrypt from "bcryptjs";

// Frames about the size of a Seatline guest status (≈130 bytes); the version lets the client
// attribute each frame to its write, as it does for Seatline.
const PAD = "x".repeat(96);
const frame = (version) => `{"type":"event","version":${version},"data":"${PAD}"}`;

export class Room extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec("CREATE TABLE IF NOT EXISTS writes (version INTEGER PRIMARY KEY, at INTEGER NOT NULL)");
    this.version = this.sql.exec("SELECT COALESCE(MAX(version), 0) AS v FROM writes").one().v;
  }

  /** One pre-serialized message to every open socket; with `insert`, one SQLite row first. */
  async write(insert) {
    const version = ++this.version;
    if (insert) this.sql.exec("INSERT INTO writes (version, at) VALUES (?, ?)", version, Date.now());
    const message = frame(version);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(message);
      } catch {
        // closing; nothing to do
      }
    }
    return version;
  }

  async fetch() {
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    pair[1].send(frame(this.version));
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  webSocketMessage() {}

  webSocketClose(ws, code, reason) {
    try {
      ws.close(code === 1005 || code === 1006 || code === 1015 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const room = env.ROOM.get(env.ROOM.idFromName(url.searchParams.get("room") ?? "bench"));
    switch (url.pathname) {
      case "/health":
        return new Response("ok");
      case "/ws":
        if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("upgrade required", { status: 426 });
        return room.fetch(request);
      case "/broadcast":
        return Response.json({ version: await room.write(false) });
      case "/write":
        return Response.json({ version: await room.write(true) });
      case "/bcrypt": {
        const { password } = await request.json();
        return Response.json({ ok: await bcrypt.compare(password, env.BCRYPT_HASH) });
      }
      default:
        return new Response("not found", { status: 404 });
    }
  },
};
