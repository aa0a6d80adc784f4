// The emails Seatline sends to people signing up, invited or resetting a password.
import type { EmailMessage } from "./sender";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

function message(to: string, subject: string, paragraphs: string[], link?: { url: string; label: string }): EmailMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), "— Seatline"].join("\n\n");
  const html =
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") +
    (link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : "") +
    "<p>— Seatline</p>";
  return { to, subject, text, html };
}

export function inviteEmail(to: string, p: { inviterName: string; accountName: string; role: string; url: string; expiresAt: number }) {
  return message(
    to,
    `${p.inviterName} invited you to ${p.accountName} on Seatline`,
    [
      `${p.inviterName} invited you to join ${p.accountName} on Seatline as ${p.role === "admin" ? "an" : "a"} ${p.role}.`,
      `The link is personal to you and works once, until ${new Date(p.expiresAt).toUTCString()}.`,
    ],
    { url: p.url, label: "Accept the invitation" },
  );
}

export function signupConfirmEmail(to: string, p: { accountName: string; url: string }) {
  return message(
    to,
    "Confirm your email to finish signing up for Seatline",
    [`Confirm this address to create ${p.accountName} on Seatline. The link works once, for 24 hours.`],
    { url: p.url, label: "Confirm and sign in" },
  );
}

export function signupExistingEmail(to: string, p: { loginUrl: string; resetUrl: string }) {
  return message(
    to,
    "You already have a Seatline account",
    [
      "Someone (hopefully you) tried to sign up for Seatline with this email address, which already has an account.",
      `Sign in at ${p.loginUrl}, or reset your password at ${p.resetUrl}. If this was not you, you can ignore this email.`,
    ],
  );
}

export function passwordResetEmail(to: string, p: { url: string }) {
  return message(
    to,
    "Reset your Seatline password",
    [
      "Use this link to choose a new password. It works once, for one hour, and signs you out everywhere else.",
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ],
    { url: p.url, label: "Choose a new password" },
  );
}

export function webhookDisabledEmail(to: string, p: { url: string; reason: string; settingsUrl: string }) {
  return message(
    to,
    "A Seatline webhook endpoint was turned off",
    [
      `Seatline could not deliver events to ${p.url} for three days and has turned the endpoint off: ${p.reason}`,
      "Events that happen while it is off are not queued for it. Fix the receiver, then turn the endpoint back on and redeliver what you need from its delivery log.",
    ],
    { url: p.settingsUrl, label: "Open the endpoint's settings" },
  );
}
