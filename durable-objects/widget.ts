// The embeddable widget's settings (issue 22), kept in the DO's meta beside the location's other
// settings, under a key of their own ("widget") so they change without touching the waitlist's.
import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings, type WidgetSettingsPatch } from "../domain/widget/settings";
import type { Meta } from "./storage/meta";

const KEY = "widget";

export class WidgetConfig {
  constructor(private readonly meta: Meta) {}

  settings(): WidgetSettings {
    return { ...DEFAULT_WIDGET_SETTINGS, ...(this.meta.json<Partial<WidgetSettings>>(KEY) ?? {}) };
  }

  /** Merges the patch (arrays are replaced whole); the Worker has validated and normalised it. */
  update(patch: WidgetSettingsPatch): WidgetSettings {
    const next: WidgetSettings = { ...this.settings() };
    if (patch.enabled !== undefined) next.enabled = patch.enabled;
    if (patch.allowedOrigins !== undefined) next.allowedOrigins = [...patch.allowedOrigins];
    this.meta.setJson(KEY, next);
    return next;
  }
}
