// Talks to the local fake of Resend (test/fakes/server.ts) through its /__control endpoints.
import { env } from "cloudflare:test";

export const RESEND_URL = env.EMAIL_API_BASE_URL;
const CONTROL = `${RESEND_URL.replace(/\/resend\/?$/, "")}/__control`;

export interface ReceivedEmail {
  id: string;
  headers: Record<string, string | undefined>;
  body: { from: string; to: string[]; subject: string; text: string; html: string };
}

export async function received(to: string): Promise<ReceivedEmail[]> {
  const res = await fetch(`${CONTROL}/received/resend`);
  const all = (await res.json()) as ReceivedEmail[];
  return all.filter((e) => e.body.to.includes(to));
}

/** The next messages to `to` get these statuses from the fake, in order. */
export async function failNext(to: string, ...statuses: number[]) {
  const res = await fetch(`${CONTROL}/fail/resend`, { method: "POST", body: JSON.stringify({ statuses, to }) });
  if (!res.ok) throw new Error(`fake control failed: ${res.status}`);
}
