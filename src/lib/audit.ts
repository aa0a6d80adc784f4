// The audit log: who did what, when, from which IP. Never holds passwords, tokens or raw emails
// beyond the account's own users'.
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import { newId } from "../../lib/crypto";

export type AuditAction =
  | "auth.signup"
  | "auth.login"
  | "auth.login_failed"
  | "auth.logout"
  | "auth.password_changed"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "invite.created"
  | "invite.resent"
  | "invite.revoked"
  | "invite.accepted"
  | "member.role_changed"
  | "member.removed"
  | "location.created"
  | "location.updated"
  | "location.deleted"
  | "account.retention_changed"
  | "account.exported"
  | "billing.subscribed"
  | "billing.plan_changed"
  | "billing.canceled"
  | "billing.reactivated"
  | "api_key.created"
  | "api_key.first_used"
  | "api_key.revoked"
  | "kiosk_token.created"
  | "kiosk_token.revoked"
  | "guest.erased";

export interface AuditEntry {
  accountId: string | null;
  userId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip: string | null;
  detail?: Record<string, unknown>;
  at: number;
}

export function auditInsert(d: Db, e: AuditEntry) {
  return d.insert(auditLog).values({
    id: newId(),
    accountId: e.accountId,
    userId: e.userId,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    ip: e.ip,
    detail: e.detail ?? null,
    createdAt: e.at,
  });
}

export async function audit(d: Db, e: AuditEntry): Promise<void> {
  await auditInsert(d, e);
}
