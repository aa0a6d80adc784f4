// Compile-time check (tsc, not vitest), as test/web/contract.ts does for the web app: the widget's
// types, which the script and the settings page use, are exactly what the server's zod schemas say.
import type { z } from "@hono/zod-openapi";
import type { WidgetData, WidgetSettings } from "../../domain/widget/settings";
import type { WidgetDataSchema } from "../../src/routes/public-widget";
import type { WidgetSettingsSchema } from "../../src/routes/widget-settings";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const widgetTypesMatchTheApi: [Same<WidgetSettings, z.infer<typeof WidgetSettingsSchema>>, Same<WidgetData, z.infer<typeof WidgetDataSchema>>] = [true, true];
