// Runs the script /api/docs serves against OpenAPI documents, outside a browser: its view() is pure
// and returns the tree that the page turns into DOM.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

type Node = string | { tag: string; attrs: Record<string, string>; children: Node[] };
interface Docs {
  view(spec: unknown): Node[];
  curl(spec: unknown, path: string, method: string, op: unknown): string;
  matches(text: string, query: string): boolean;
  tryUrl(path: string, pathValues: Record<string, string>, queryValues: Record<string, string>): string;
}

async function loadDocsScript(): Promise<Docs> {
  const { text } = await call("GET", "/api/docs/app.js");
  // The page script defines one global; no `document` here, so it renders nothing by itself.
  return new Function(`${text}\nreturn SeatlineDocs;`)() as Docs;
}

function textOf(node: Node | Node[]): string {
  const raw = (n: Node | Node[]): string => (Array.isArray(n) ? n.map(raw).join(" ") : typeof n === "string" ? n : n.children.map(raw).join(" "));
  return raw(node).replace(/\s+/g, " ").trim();
}
function all(node: Node | Node[], match: (n: Exclude<Node, string>) => boolean): Exclude<Node, string>[] {
  if (Array.isArray(node)) return node.flatMap((n) => all(n, match));
  if (typeof node === "string") return [];
  return [...(match(node) ? [node] : []), ...node.children.flatMap((n) => all(n, match))];
}
const byId = (tree: Node[], id: string) => all(tree, (n) => n.attrs.id === id)[0]!;

const SPEC = {
  openapi: "3.1.0",
  info: { title: "Test API", version: "9.9.9" },
  servers: [{ url: "https://api.example" }],
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    schemas: {
      User: { type: "object", properties: { id: { type: "string", format: "uuid" }, role: { type: "string", enum: ["owner", "host"] } }, required: ["id"] },
      Error: { type: "object", properties: { error: { type: "object", properties: { code: { type: "string" } } } } },
    },
  },
  paths: {
    "/api/things/{thingId}": {
      patch: {
        tags: ["Things"],
        summary: "Change a thing",
        description: "Longer words about changing.",
        security: [{ bearerAuth: [] }],
        parameters: [
          { name: "thingId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 50 }, description: "Page size." },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  name: { type: "string", minLength: 1, maxLength: 120, example: "Luigi's" },
                  phone: { type: ["string", "null"], maxLength: 32 },
                  owner: { $ref: "#/components/schemas/User" },
                },
                required: ["name"],
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The changed thing",
            content: {
              "application/json": {
                schema: { allOf: [{ $ref: "#/components/schemas/User" }, { type: "object", properties: { extra: { type: "array", items: { $ref: "#/components/schemas/User" } } }, required: ["extra"] }] },
              },
            },
          },
          "404": { description: "No such thing", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
    "/api/ping": { get: { tags: ["Misc"], summary: "Ping", responses: { "204": { description: "Pong" } } } },
    "/webhooks/sms": {
      post: {
        tags: ["Webhooks"],
        summary: "Inbound SMS",
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": {
              schema: { type: "object", properties: { From: { type: "string", example: "+15550100" }, Body: { type: "string", example: "running late & sorry" } }, required: ["From"] },
            },
          },
        },
        responses: { "200": { description: "Taken" } },
      },
    },
  },
};

describe("the docs script", () => {
  it("groups operations by tag under h2 headings, each operation an h3 with method and path", async () => {
    const tree = (await loadDocsScript()).view(SPEC);
    const h2 = all(tree, (n) => n.tag === "h2").map(textOf);
    expect(h2).toEqual(["Contents", "Things", "Misc", "Webhooks", "Schemas"]);
    const op = byId(tree, "op-patch-api-things-thingid");
    expect(op.tag).toBe("article");
    expect(textOf(all(op, (n) => n.tag === "h3"))).toBe("PATCH /api/things/{thingId}");
    expect(textOf(op)).toContain("Change a thing");
    expect(textOf(op)).toContain("Longer words about changing.");
  });

  it("says which operations need the bearer token and which are public", async () => {
    const tree = (await loadDocsScript()).view(SPEC);
    expect(textOf(byId(tree, "op-patch-api-things-thingid"))).toContain("Authorization: Bearer <token>");
    expect(textOf(byId(tree, "op-get-api-ping"))).toContain("Public");
    expect(textOf(byId(tree, "op-get-api-ping"))).not.toContain("Authorization: Bearer");
  });

  it("lists path and query parameters with their types", async () => {
    const op = byId((await loadDocsScript()).view(SPEC), "op-patch-api-things-thingid");
    const text = textOf(op);
    expect(text).toContain("Path parameters");
    expect(text).toMatch(/thingId\s+string \(uuid\)\s+required/);
    expect(text).toContain("Query parameters");
    expect(text).toMatch(/limit\s+integer\s+optional\s+Page size\./);
  });

  it("shows the request body's fields, types, required flags, constraints and an example, resolving $ref", async () => {
    const op = byId((await loadDocsScript()).view(SPEC), "op-patch-api-things-thingid");
    const text = textOf(op);
    expect(text).toContain("Request body");
    expect(text).toMatch(/name\s+string\s+required\s+1 to 120 characters\. Example: "Luigi's"/);
    expect(text).toMatch(/phone\s+string or null\s+optional\s+At most 32 characters\./);
    expect(text).toMatch(/owner\s+User \(object\)\s+optional/);
    expect(text).toMatch(/owner\.id\s+string \(uuid\)\s+required/);
    expect(text).toMatch(/owner\.role\s+string\s+optional\s+One of: "owner", "host"\./);
    const example = all(op, (n) => n.tag === "pre").map(textOf)[0]!;
    expect(JSON.parse(example)).toEqual({ name: "Luigi's", phone: "string", owner: { id: expect.any(String), role: "owner" } });
  });

  it("shows each response status with its description, merging allOf and expanding arrays", async () => {
    const op = byId((await loadDocsScript()).view(SPEC), "op-patch-api-things-thingid");
    const text = textOf(op);
    expect(text).toMatch(/200\s+The changed thing/);
    expect(text).toMatch(/extra\s+array of User \(object\)\s+required/);
    expect(text).toMatch(/extra\[\]\.id\s+string \(uuid\)\s+required/);
    expect(text).toMatch(/404\s+No such thing/);
    expect(textOf(byId((await loadDocsScript()).view(SPEC), "op-get-api-ping"))).toMatch(/204\s+Pong\s+No body\./);
  });

  it("renders every component schema, and survives a schema that refers to itself", async () => {
    const docs = await loadDocsScript();
    const spec = structuredClone(SPEC) as any;
    spec.components.schemas.Node = { type: "object", properties: { child: { $ref: "#/components/schemas/Node" }, label: { type: "string" } } };
    const tree = docs.view(spec);
    expect(textOf(byId(tree, "schema-node"))).toMatch(/child\s+Node \(object\)/);
    expect(textOf(byId(tree, "schema-user"))).toMatch(/role/);
  });

  it("builds a curl command with the token header and a shell-safe JSON body", async () => {
    const docs = await loadDocsScript();
    const op = SPEC.paths["/api/things/{thingId}"].patch;
    const cmd = docs.curl(SPEC, "/api/things/{thingId}", "patch", op);
    expect(cmd).toContain("curl -X PATCH 'https://api.example/api/things/{thingId}'");
    expect(cmd).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(cmd).toContain("-H 'Content-Type: application/json'");
    expect(cmd).toContain(`"name":"Luigi'\\''s"`);
  });

  it("shows a form body with its own media type, in the example and in curl", async () => {
    const docs = await loadDocsScript();
    const text = textOf(byId(docs.view(SPEC), "op-post-webhooks-sms"));
    expect(text).toMatch(/Content-Type: application\/x-www-form-urlencoded ?, required\./);
    expect(text).toMatch(/From\s+string\s+required/);
    expect(text).toContain("From=%2B15550100&Body=running%20late%20%26%20sorry");
    const cmd = docs.curl(SPEC, "/webhooks/sms", "post", SPEC.paths["/webhooks/sms"].post);
    expect(cmd).toContain("-H 'Content-Type: application/x-www-form-urlencoded'");
    expect(cmd).toContain("-d 'From=%2B15550100&Body=running%20late%20%26%20sorry'");
    expect(cmd).not.toContain("Authorization");
  });

  it("renders every operation of the real /api/openapi.json under its tag", async () => {
    const docs = await loadDocsScript();
    const spec = (await call("GET", "/api/openapi.json")).json;
    expect(spec?.paths, "the OpenAPI document loads").toBeTruthy();
    const tree = docs.view(spec);
    // Operations (the webhook events are articles of their own, ids "event-…").
    const articles = all(tree, (n) => n.tag === "article" && n.attrs.class === "op" && n.attrs.id!.startsWith("op-"));
    const count = Object.values(spec.paths as Record<string, object>).reduce((n: number, item) => n + Object.keys(item).length, 0);
    expect(articles).toHaveLength(count);
    const login = textOf(byId(tree, "op-post-api-auth-login"));
    expect(login).toMatch(/email\s+string \(email\)\s+required/);
    // The 200 response is the Session component, resolved into its fields.
    expect(login).toMatch(/token\s+string\s+required/);
    expect(login).toMatch(/user\.role\s+string\s+required/);
    expect(textOf(byId(tree, "op-get-api-me"))).toContain("Authorization: Bearer <token>");
    expect(all(tree, (n) => n.tag === "h2").map(textOf)).toEqual(expect.arrayContaining(["Auth", "Team", "Locations"]));
  });
});

describe("search and Try it on /api/docs", () => {
  it("finds operations by every word of the query in method, path, summary, operationId or tag", async () => {
    const docs = await loadDocsScript();
    const tree = docs.view(SPEC);
    const op = byId(tree, "op-patch-api-things-thingid");
    const text = op.attrs["data-search"]!;
    expect(docs.matches(text, "patch things")).toBe(true);
    expect(docs.matches(text, "CHANGE Thing")).toBe(true);
    expect(docs.matches(text, "change ping")).toBe(false);
    expect(docs.matches(text, "   ")).toBe(true);
    expect(all(tree, (n) => n.tag === "input" && n.attrs.type === "search")).toHaveLength(1);
  });

  it("builds Try it URLs on this origin only, with path values encoded", async () => {
    const docs = await loadDocsScript();
    expect(docs.tryUrl("/api/things/{thingId}", { thingId: "a/b?c" }, { limit: "5", empty: "" })).toBe("/api/things/a%2Fb%3Fc?limit=5");
    expect(docs.tryUrl("//evil.example/{x}", { x: "y" }, {})).toBe("/evil.example/y");
  });

  it("gives each operation a Try it form with its parameters and the example body; tokens come from one field", async () => {
    const tree = (await loadDocsScript()).view(SPEC);
    const op = byId(tree, "op-patch-api-things-thingid");
    const form = all(op, (n) => n.tag === "form")[0]!;
    expect(form.attrs).toMatchObject({ "data-path": "/api/things/{thingId}", "data-method": "patch" });
    expect(all(form, (n) => n.tag === "input").map((n) => n.attrs.name)).toEqual(["path:thingId", "query:limit"]);
    expect(JSON.parse(textOf(all(form, (n) => n.tag === "textarea")))).toMatchObject({ name: "Luigi's" });
    expect(textOf(form)).toContain("Sends the key or token from the top of the page.");
    expect(all(tree, (n) => n.attrs.id === "try-token")[0]!.attrs.type).toBe("password");
  });

  it("renders Seatline's own document: every webhook event, and real examples in Try it", async () => {
    const docs = await loadDocsScript();
    const spec = (await call("GET", "/api/openapi.json")).json;
    const tree = docs.view(spec);
    const events = all(byId(tree, "webhooks"), (n) => n.tag === "article").map((n) => n.attrs.id);
    expect(events).toContain("event-party-status-changed");
    expect(events).toHaveLength(Object.keys(spec.webhooks).length);
    const add = byId(tree, "op-post-api-locations-locationid-waitlist");
    const body = JSON.parse(textOf(all(add, (n) => n.tag === "textarea")));
    expect(body).toEqual(spec.paths["/api/locations/{locationId}/waitlist"].post.requestBody.content["application/json"].example);
    expect(all(add, (n) => n.tag === "input" && n.attrs.name === "path:locationId")[0]!.attrs.value).toMatch(/^[0-9a-f-]{36}$/);
  });
});
