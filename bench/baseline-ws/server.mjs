// Bare ws baseline: the broadcast server a developer would otherwise write with Node and `ws`,
// with the same HTTP surface as the bare DO (POST /broadcast and /write; sockets on /ws; rooms by
// ?room=). No storage: /write is the same as /broadcast. Run as its own process, like workerd.
import http from "node:http";
import { WebSocketServer } from "ws";

const port = Number(process.argv[2] ?? 0);
const PAD = "x".repeat(96);
const frame = (version) => `{"type":"event","version":${version},"data":"${PAD}"}`;

/** @type {Map<string, {version: number, sockets: Set<import("ws").WebSocket>}>} */
const rooms = new Map();
const roomOf = (url) => {
  const name = url.searchParams.get("room") ?? "bench";
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { version: 0, sockets: new Set() }));
  return room;
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/health") return void res.end("ok");
  if (req.method === "POST" && (url.pathname === "/broadcast" || url.pathname === "/write")) {
    const room = roomOf(url);
    const version = ++room.version;
    const message = frame(version);
    for (const ws of room.sockets) if (ws.readyState === ws.OPEN) ws.send(message);
    req.resume();
    res.setHeader("content-type", "application/json");
    return void res.end(`{"version":${version}}`);
  }
  res.statusCode = 404;
  res.end("not found");
});

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on("upgrade", (req, socket, head) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname !== "/ws") return void socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    const room = roomOf(url);
    room.sockets.add(ws);
    ws.on("close", () => room.sockets.delete(ws));
    ws.on("error", () => room.sockets.delete(ws));
    ws.send(frame(room.version));
  });
});

server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : port}\n`);
});
const stop = () => process.exit(0);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
