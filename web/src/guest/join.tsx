// Self check-in, the page a QR code at the door points to.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, errorText, fieldErrors } from "../shared/api";
import { minutes, useTitle } from "../shared/format";
import { Icon } from "../shared/icons";
import { navigate } from "../shared/router";
import type { PublicLocation } from "../shared/types";

export function JoinPage({ slug }: { slug: string }) {
  const [loc, setLoc] = useState<PublicLocation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [size, setSize] = useState(2);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [consent, setConsent] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useTitle(loc ? `Join the line at ${loc.name}` : "Join the line");

  const load = () => api<PublicLocation>(`/api/public/locations/${encodeURIComponent(slug)}`).then(setLoc, (e) => setLoadError(errorText(e)));
  useEffect(() => {
    void load();
    const t = setInterval(load, 30_000);
    return () => clearInterval(t);
  }, [slug]);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const r = await api<{ token: string; statusUrl: string }>(`/api/public/locations/${encodeURIComponent(slug)}/waitlist`, {
        body: { name: name.trim(), phone: phone.trim(), size, smsConsent: consent },
      });
      navigate(new URL(r.statusUrl, location.href).pathname);
    } catch (err) {
      setError(errorText(err));
      setFields(fieldErrors(err));
      if (err instanceof ApiError && (err.code === "waitlist_closed" || err.code === "waitlist_full")) void load();
    } finally {
      setBusy(false);
    }
  }

  if (loadError) {
    return (
      <main class="guest">
        <h1>We couldn't find this waitlist</h1>
        <p>{loadError}</p>
      </main>
    );
  }
  if (!loc) return <main class="guest" aria-busy="true"><p class="row"><span class="spinner" /> Loading…</p></main>;

  const estimate = loc.estimates.find((x) => x.size === size)?.estimateMinutes;
  const sizes = Array.from({ length: Math.min(loc.maxPartySize, 12) }, (_, i) => i + 1);
  return (
    <main class="guest">
      <header>
        <Icon name="logo" width={28} height={28} />
        <span class="name">{loc.name}</span>
      </header>
      {!loc.open || loc.full ? (
        <section class="card hero ended" data-state={loc.open ? "full" : "closed"}>
          <Icon name="clock" class="state-icon" />
          <h1>{loc.open ? "The waitlist is full right now" : "The waitlist is closed"}</h1>
          <p>{loc.open ? "Please check back in a few minutes, or ask the host." : "Please ask the host for help."}</p>
        </section>
      ) : (
        <form onSubmit={submit} noValidate class="card">
          <h1>Join the line</h1>
          <p class="muted">{loc.inLine === 0 ? "No one is waiting." : `${loc.inLine} ${loc.inLine === 1 ? "party" : "parties"} in line.`}</p>
          <fieldset class="field bare">
            <legend><b>Party size</b></legend>
            <div class="choices" role="group">
              {sizes.map((n) => (
                <button type="button" class="choice" aria-pressed={size === n} onClick={() => setSize(n)} key={n}>
                  {n}
                </button>
              ))}
            </div>
          </fieldset>
          <p class="estimate" aria-live="polite" data-testid="estimate">
            Estimated wait for {size}: <b>{estimate !== undefined ? minutes(estimate) : "ask the host"}</b>
          </p>
          <div class="field">
            <label for="join-name">Name</label>
            <input id="join-name" type="text" autocomplete="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={80} aria-invalid={!!fields.name} />
            {fields.name ? <p class="hint" role="alert">{fields.name}</p> : null}
          </div>
          <div class="field">
            <label for="join-phone">Mobile phone</label>
            <input id="join-phone" type="tel" autocomplete="tel" inputMode="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} required maxLength={32} aria-invalid={!!fields.phone} />
            {fields.phone ? <p class="hint" role="alert">{fields.phone}</p> : <p class="hint">So we can text you when your table is ready.</p>}
          </div>
          <div class="field">
            <label class="check">
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
              <span>Text me about my place in line. Reply STOP to opt out.</span>
            </label>
          </div>
          {error ? <div class="alert error" role="alert">{error}</div> : null}
          <button class="btn primary block" type="submit" disabled={busy || !name.trim() || !phone.trim()}>
            {busy ? "Joining…" : "Join the line"}
          </button>
        </form>
      )}
    </main>
  );
}
