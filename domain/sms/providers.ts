// The SMS providers Seatline can send through, by name (settings, messages and the DO speak of them).
export type ProviderName = "twilio" | "telnyx";
export const PROVIDERS: ProviderName[] = ["twilio", "telnyx"];
