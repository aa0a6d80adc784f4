// Settings › Developer: API keys (create with scopes and locations, copy the secret once, revoke) and
// webhook endpoints (create with event filters, see the signing secret, the delivery log, redeliver,
// send a test event, turn off and on, delete), with links to the API documentation.
import { useEffect, useState } from "preact/hooks";
import type { Scope } from "../../../../domain/api-scopes";
import type { ApiKeyView, Page, WebhookDeliveryView, WebhookEndpointView } from "../../../../domain/integrations";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../../../domain/webhook-events";
import { errorText, fieldErrors } from "../../shared/api";
import type { Location } from "../../shared/types";
import { authed } from "../session";
import { useConfirm } from "./confirm-dialog";
import { described, FieldError, FormMessage, Section } from "./fields";

const SCOPE_LABELS: [Scope, string][] = [
  ["read", "Read everything under locations"],
  ["waitlist_write", "Run the waitlist"],
  ["reservations_write", "Run the reservation book"],
  ["settings", "Change locations and settings"],
  ["webhooks", "Manage webhooks"],
];
// The one list of events (domain/webhook-events.ts), so a new event shows here without a second edit.
const EVENT_TYPES: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }) : "never");

export function DeveloperPage({ locations, canEdit }: { locations: Location[]; canEdit: boolean }) {
  return (
    <>
      <Section title="Developer" intro="Everything in Seatline has a REST API. Integrations use API keys; webhooks tell your systems what changed.">
        <ul class="plain">
          <li><a href="/api/docs" target="_blank" rel="noopener">API documentation</a></li>
          <li><a href="/api/openapi.json" target="_blank" rel="noopener">OpenAPI 3.1 document</a></li>
        </ul>
      </Section>
      {canEdit ? <ApiKeys locations={locations} /> : <p class="muted">API keys and webhooks are managed by admins and owners.</p>}
      {canEdit ? <WebhookEndpoints locations={locations} /> : null}
    </>
  );
}

export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="row nowrap">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={async () => { await navigator.clipboard?.writeText(value).catch(() => {}); setCopied(true); }}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

function ApiKeys({ locations }: { locations: Location[] }) {
  const [keys, setKeys] = useState<ApiKeyView[] | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["read"]);
  const [limitTo, setLimitTo] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [made, setMade] = useState<ApiKeyView | null>(null);
  const [confirmIt, dialog] = useConfirm();
  const load = () => authed<Page<ApiKeyView>>("/api/api-keys?limit=200").then((p) => setKeys(p.items), (e) => setMsg({ text: errorText(e), error: true }));
  useEffect(() => void load(), []);

  async function create(e: Event) {
    e.preventDefault();
    setErrors({});
    setMsg(null);
    try {
      const key = await authed<ApiKeyView>("/api/api-keys", { method: "POST", body: { name, scopes, locationIds: limitTo } });
      setMade(key);
      setCreating(false);
      setName("");
      await load();
    } catch (err) {
      setErrors(fieldErrors(err));
      setMsg({ text: errorText(err), error: true });
    }
  }
  async function revoke(k: ApiKeyView) {
    if (!(await confirmIt(`Revoke “${k.name}”?`, "Requests with this key are refused from now on. This cannot be undone.", "Revoke key"))) return;
    try {
      await authed(`/api/api-keys/${k.id}`, { method: "DELETE" });
      setMsg({ text: `Revoked ${k.name}.`, error: false });
      await load();
    } catch (err) {
      setMsg({ text: errorText(err), error: true });
    }
  }

  return (
    <Section title="API keys" intro="A key belongs to the account, not to you: it keeps working after you sign out or leave. Give each integration its own key with only the scopes it needs.">
      {dialog}
      <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
      {made ? (
        <div class="card" role="status" data-new-key>
          <p><strong>Copy this key now.</strong> It is shown only once; Seatline keeps only a fingerprint of it.</p>
          <CopyField id="new-key" label={`Key for ${made.name}`} value={made.secret ?? ""} />
          <button class="btn" onClick={() => setMade(null)}>Done</button>
        </div>
      ) : null}
      {keys === null ? <span class="spinner" aria-label="Loading API keys" /> : keys.length === 0 ? <p class="muted">No keys yet.</p> : (
        <table class="list">
          <caption class="sr-only">API keys</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Last used</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-key={k.name}>
                <td>{k.name}{k.locationIds ? <div class="muted">{k.locationIds.map((id) => locations.find((l) => l.id === id)?.name ?? "a location").join(", ")}</div> : null}</td>
                <td><code>{k.prefix}…</code></td>
                <td>{k.scopes.join(", ")}</td>
                <td>{k.revokedAt ? <span>Revoked {when(k.revokedAt)}</span> : when(k.lastUsedAt)}</td>
                <td>{k.revokedAt ? null : <button class="btn small danger" onClick={() => revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? (
        <form class="card" onSubmit={create} noValidate>
          <div class={`field${errors.name ? " has-error" : ""}`}>
            <label for="key-name">Name</label>
            <input id="key-name" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} {...described("key-name", errors.name)} />
            <FieldError id="key-name" error={errors.name} />
          </div>
          <fieldset>
            <legend>Scopes</legend>
            {SCOPE_LABELS.map(([s, label]) => (
              <label key={s} class="check">
                <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.currentTarget.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />
                {label} <code>{s}</code>
              </label>
            ))}
            <FieldError id="key-scopes" error={errors.scopes ?? errors["scopes.0"]} />
          </fieldset>
          {locations.length > 1 ? (
            <fieldset>
              <legend>Locations</legend>
              <label class="check"><input type="radio" name="key-locs" checked={limitTo === null} onChange={() => setLimitTo(null)} /> All locations, including new ones</label>
              <label class="check"><input type="radio" name="key-locs" checked={limitTo !== null} onChange={() => setLimitTo([])} /> Only these:</label>
              {limitTo !== null ? locations.map((l) => (
                <label key={l.id} class="check indent">
                  <input type="checkbox" checked={limitTo.includes(l.id)} onChange={(e) => setLimitTo(e.currentTarget.checked ? [...limitTo, l.id] : limitTo.filter((x) => x !== l.id))} /> {l.name}
                </label>
              )) : null}
            </fieldset>
          ) : null}
          <div class="row">
            <button class="btn primary">Create key</button>
            <button type="button" class="btn" onClick={() => setCreating(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        <button class="btn" onClick={() => { setCreating(true); setMade(null); }}>Create an API key</button>
      )}
    </Section>
  );
}

function WebhookEndpoints({ locations }: { locations: Location[] }) {
  const [endpoints, setEndpoints] = useState<WebhookEndpointView[] | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [adding, setAdding] = useState(false);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);
  const load = () => authed<Page<WebhookEndpointView>>("/api/webhook-endpoints?limit=200").then((p) => setEndpoints(p.items), (e) => setMsg({ text: errorText(e), error: true }));
  useEffect(() => void load(), []);

  async function add(e: Event) {
    e.preventDefault();
    setErrors({});
    setMsg(null);
    try {
      const made = await authed<WebhookEndpointView>("/api/webhook-endpoints", { method: "POST", body: { url, description: description.trim() || null, eventTypes: events } });
      setAdding(false);
      setUrl("");
      setDescription("");
      setOpen(made.id);
      await load();
    } catch (err) {
      setErrors(fieldErrors(err));
      setMsg({ text: errorText(err), error: true });
    }
  }

  return (
    <Section title="Webhooks" intro="Seatline sends signed events (Standard Webhooks) to your endpoints, retrying for three days.">
      <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
      {endpoints === null ? <span class="spinner" aria-label="Loading webhook endpoints" /> : endpoints.length === 0 ? <p class="muted">No endpoints yet.</p> : (
        <ul class="cards">
          {endpoints.map((ep) => (
            <li class="card" key={ep.id} data-endpoint={ep.url}>
              <div class="row">
                <strong class="grow"><code>{ep.url}</code></strong>
                <span class={`status-pill ${ep.status === "enabled" ? "ok" : "warn"}`}>{ep.status === "enabled" ? "On" : "Off"}</span>
                <button class="btn small" aria-expanded={open === ep.id} onClick={() => setOpen(open === ep.id ? null : ep.id)} aria-label={`${open === ep.id ? "Close" : "Open"} ${ep.url}`}>{open === ep.id ? "Close" : "Open"}</button>
              </div>
              {ep.description ? <p class="muted">{ep.description}</p> : null}
              {ep.disabledReason ? <p class="alert warn">{ep.disabledReason}</p> : null}
              <p class="muted">{ep.eventTypes ? ep.eventTypes.join(", ") : "Every event"}{ep.locationIds ? ` · ${ep.locationIds.map((id) => locations.find((l) => l.id === id)?.name ?? "a location").join(", ")}` : ""}</p>
              {open === ep.id ? <EndpointDetail endpoint={ep} reload={load} onMessage={setMsg} /> : null}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form class="card" onSubmit={add} noValidate>
          <div class={`field${errors.url ? " has-error" : ""}`}>
            <label for="hook-url">Endpoint URL</label>
            <input id="hook-url" type="url" inputMode="url" placeholder="https://example.com/seatline" value={url} onInput={(e) => setUrl(e.currentTarget.value)} {...described("hook-url", errors.url)} />
            <FieldError id="hook-url" error={errors.url} />
          </div>
          <div class="field">
            <label for="hook-description">Description (optional)</label>
            <input id="hook-description" value={description} maxLength={200} onInput={(e) => setDescription(e.currentTarget.value)} />
          </div>
          <fieldset>
            <legend>Events</legend>
            <label class="check"><input type="radio" name="hook-events" checked={events === null} onChange={() => setEvents(null)} /> Every event, including new ones</label>
            <label class="check"><input type="radio" name="hook-events" checked={events !== null} onChange={() => setEvents([])} /> Only these:</label>
            {events !== null ? EVENT_TYPES.map((t) => (
              <label key={t} class="check indent">
                <input type="checkbox" checked={events.includes(t)} onChange={(e) => setEvents(e.currentTarget.checked ? [...events, t] : events.filter((x) => x !== t))} /> <code>{t}</code>
              </label>
            )) : null}
            <FieldError id="hook-events" error={errors.eventTypes} />
          </fieldset>
          <div class="row">
            <button class="btn primary">Add endpoint</button>
            <button type="button" class="btn" onClick={() => setAdding(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        <button class="btn" onClick={() => setAdding(true)}>Add an endpoint</button>
      )}
    </Section>
  );
}

function EndpointDetail({ endpoint, reload, onMessage }: { endpoint: WebhookEndpointView; reload: () => Promise<void>; onMessage: (m: { text: string; error: boolean }) => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<WebhookDeliveryView[] | null>(null);
  const [confirmIt, dialog] = useConfirm();
  const base = `/api/webhook-endpoints/${endpoint.id}`;
  const loadLog = () => authed<Page<WebhookDeliveryView>>(`${base}/deliveries?limit=25`).then((p) => setLog(p.items), (e) => onMessage({ text: errorText(e), error: true }));
  useEffect(() => void loadLog(), [endpoint.id]);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      onMessage({ text: done, error: false });
      await Promise.all([reload(), loadLog()]);
    } catch (err) {
      onMessage({ text: errorText(err), error: true });
    }
  };
  return (
    <div class="endpoint-detail">
      {dialog}
      {secret ? <CopyField id={`secret-${endpoint.id}`} label="Signing secret" value={secret} /> : (
        <button class="btn small" onClick={() => authed<{ secret: string }>(`${base}/secret`).then((r) => setSecret(r.secret), (e) => onMessage({ text: errorText(e), error: true }))}>Show signing secret</button>
      )}
      <div class="row">
        <button class="btn small" disabled={endpoint.status !== "enabled"} onClick={() => act(() => authed(`${base}/test`, { method: "POST" }), "Test event queued.")}>Send a test event</button>
        <button class="btn small" onClick={() => act(() => authed(base, { method: "PATCH", body: { status: endpoint.status === "enabled" ? "disabled" : "enabled" } }), endpoint.status === "enabled" ? "Endpoint turned off." : "Endpoint turned on.")}>
          {endpoint.status === "enabled" ? "Turn off" : "Turn on"}
        </button>
        <button class="btn small danger" onClick={async () => {
          if (await confirmIt("Delete this endpoint?", `${endpoint.url} gets no more events, and its delivery log is deleted.`, "Delete endpoint")) {
            await act(() => authed(base, { method: "DELETE" }), "Endpoint deleted.");
          }
        }}>Delete</button>
      </div>
      <div class="row">
        <h3 class="grow">Recent deliveries</h3>
        <button class="btn small" onClick={() => void loadLog()} aria-label={`Refresh the deliveries to ${endpoint.url}`}>Refresh</button>
      </div>
      {log === null ? <span class="spinner" aria-label="Loading deliveries" /> : log.length === 0 ? <p class="muted">Nothing sent yet.</p> : (
        <table class="list">
          <caption class="sr-only">Recent deliveries to {endpoint.url}</caption>
          <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Answer</th><th scope="col">Attempts</th><th scope="col">When</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {log.map((d) => (
              <tr key={d.id} data-delivery={d.eventType}>
                <td><code>{d.eventType}</code></td>
                <td>{d.status === "succeeded" ? "Delivered" : d.status === "failed" ? "Failed" : "Retrying"}</td>
                <td>{d.lastStatusCode ?? "–"}{d.lastLatencyMs !== null ? ` · ${d.lastLatencyMs} ms` : ""}{d.lastError ? <div class="muted">{d.lastError}</div> : null}</td>
                <td>{d.attempts}</td>
                <td>{when(d.lastAttemptAt ?? d.createdAt)}</td>
                <td>{d.status !== "pending" ? <button class="btn small" onClick={() => act(() => authed(`${base}/deliveries/${d.id}/redeliver`, { method: "POST" }), "Queued again.")} aria-label={`Redeliver ${d.eventType} from ${when(d.createdAt)}`}>Redeliver</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
