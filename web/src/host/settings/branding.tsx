// Guest page branding (issue 21): the location's accent colour, with the contrast against white
// checked as it is picked (the server refuses below 4.5:1 too), and its logo — a PNG, JPEG or WebP
// uploaded as is to PUT /api/locations/{id}/logo, which checks it again and serves it from our origin.
import { useEffect, useState } from "preact/hooks";
import { ACCENT_RE, contrastRatio, MIN_ACCENT_CONTRAST } from "../../../../domain/contrast";
import { LOGO_TYPES, MAX_LOGO_BYTES } from "../../../../domain/images";
import { ApiError, errorText } from "../../shared/api";
import type { Location, WaitlistSettings } from "../../shared/types";
import { authed, getSession } from "../session";
import { FieldError } from "./fields";

const SEATLINE_GREEN = "#0f5c4d";

export function BrandingPage({ location, canEdit, reload }: { location: Location; canEdit: boolean; reload: () => Promise<void> }) {
  const [settings, setSettings] = useState<WaitlistSettings | null>(null);
  const [accent, setAccent] = useState("");
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [logoUrl, setLogoUrl] = useState<string | null>(location.logoUrl);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    authed<WaitlistSettings>(`/api/locations/${location.id}/waitlist-settings`).then((s) => { setSettings(s); setAccent(s.accentColor ?? ""); }, () => {});
    setLogoUrl(location.logoUrl);
  }, [location.id, location.logoUrl]);
  if (!settings) return <span class="spinner" />;

  const wellFormed = ACCENT_RE.test(accent);
  const ratio = wellFormed ? contrastRatio(accent, "#ffffff") : null;
  const readable = ratio !== null && ratio >= MIN_ACCENT_CONTRAST;
  const accentProblem = accent && !wellFormed ? "Use a colour as #rrggbb." : ratio !== null && !readable ? `White text on this colour is hard to read (${ratio.toFixed(1)}:1; at least ${MIN_ACCENT_CONTRAST}:1 is needed). Pick a darker shade.` : undefined;

  async function saveAccent(e: Event) {
    e.preventDefault();
    setMsg(null);
    if (accentProblem) return;
    try {
      const next = await authed<WaitlistSettings>(`/api/locations/${location.id}/waitlist-settings`, { method: "PATCH", body: { accentColor: accent || null } });
      setSettings(next);
      setMsg({ text: "Saved.", error: false });
    } catch (err) {
      setMsg({ text: errorText(err), error: true });
    }
  }

  async function upload(file: File) {
    setLogoError(null);
    setMsg(null);
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return setLogoError("Pick a PNG, JPEG or WebP image (SVG is not accepted).");
    if (file.size > MAX_LOGO_BYTES) return setLogoError(`The logo is over ${MAX_LOGO_BYTES / 1024} KiB: save it smaller.`);
    setBusy(true);
    try {
      // The raw image, not JSON: the shared api() helper sends JSON only.
      const res = await fetch(`/api/locations/${location.id}/logo`, { method: "PUT", headers: { authorization: `Bearer ${getSession()?.token ?? ""}`, "content-type": file.type }, body: file });
      const data = await res.json().catch(() => null);
      if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "http_error", data?.error?.message ?? `The server answered ${res.status}.`, data?.error?.details ?? [], null);
      setLogoUrl(data.logoUrl);
      setMsg({ text: "Logo saved.", error: false });
      await reload();
    } catch (err) {
      setLogoError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function removeLogo() {
    setLogoError(null);
    setBusy(true);
    try {
      await authed(`/api/locations/${location.id}/logo`, { method: "DELETE" });
      setLogoUrl(null);
      setMsg({ text: "Logo removed.", error: false });
      await reload();
    } catch (err) {
      setLogoError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const shown = readable ? accent : (settings.accentColor ?? SEATLINE_GREEN);
  return (
    <div>
      <h2>Guest page branding — {location.name}</h2>
      {msg ? <div class={`alert ${msg.error ? "error" : "success"}`} role={msg.error ? "alert" : "status"}>{msg.text}</div> : null}
      <form onSubmit={saveAccent} noValidate>
        <div class={`field${accentProblem ? " has-error" : ""}`}>
          <label for="brand-accent">Accent colour (buttons and links on guest pages; empty = Seatline's green)</label>
          <div class="brand-accent-row">
            <input id="brand-accent-pick" type="color" aria-label="Pick the accent colour" value={wellFormed ? accent : shown} disabled={!canEdit} onInput={(e) => setAccent(e.currentTarget.value)} />
            <input id="brand-accent" type="text" placeholder="#8b1e3f" maxLength={7} value={accent} disabled={!canEdit} onInput={(e) => setAccent(e.currentTarget.value.trim())} aria-invalid={accentProblem ? "true" : undefined} aria-describedby={accentProblem ? "brand-accent-ratio brand-accent-error" : "brand-accent-ratio"} />
          </div>
          <p id="brand-accent-ratio" class="muted" data-testid="accent-ratio">{ratio !== null ? `Contrast with white text: ${ratio.toFixed(1)}:1 ${readable ? "(readable)" : "(too low)"}` : "Contrast is checked as you type."}</p>
          <FieldError id="brand-accent" error={accentProblem} />
        </div>
        <p class="brand-preview" data-testid="accent-preview" ref={(el) => el?.style.setProperty("--preview", shown)}>
          <span class="brand-preview-button">I'm on my way</span> <span class="brand-preview-link">Join the line again</span>
        </p>
        {canEdit ? <button class="btn primary" disabled={!!accentProblem}>Save colour</button> : null}
      </form>
      <h3>Logo</h3>
      <p class="muted">Shown at the top of the check-in, status and booking pages. PNG, JPEG or WebP, at most {MAX_LOGO_BYTES / 1024} KiB, 16–2048 pixels on each side.</p>
      {logoUrl ? <img class="brand-logo-preview" src={logoUrl} alt={`${location.name} logo`} data-testid="logo-preview" /> : <p data-testid="no-logo">No logo yet: guest pages show Seatline's mark.</p>}
      {canEdit ? (
        <div class={`field${logoError ? " has-error" : ""}`}>
          <label for="brand-logo">{logoUrl ? "Replace the logo" : "Upload a logo"}</label>
          <input id="brand-logo" type="file" accept={LOGO_TYPES.join(",")} disabled={busy} onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void upload(f); e.currentTarget.value = ""; }} aria-describedby={logoError ? "brand-logo-error" : undefined} aria-invalid={logoError ? "true" : undefined} />
          <FieldError id="brand-logo" error={logoError ?? undefined} />
          {logoUrl ? <button type="button" class="btn" disabled={busy} onClick={() => void removeLogo()}>Remove the logo</button> : null}
        </div>
      ) : null}
    </div>
  );
}
