// Idempotency-Key answers (24 h) for the calls that create things (`idempotency`).

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export interface IdempotencyKey {
  key: string;
  requestHash: string;
}

export class Idempotency {
  constructor(private readonly sql: SqlStorage) {}

  /** The answer stored for this key, after dropping expired ones. */
  find(key: string, at: number): { requestHash: string; response: string } | null {
    this.sweep(at);
    const row = this.sql.exec("SELECT request_hash, response FROM idempotency WHERE key = ?", key).toArray()[0];
    return row ? { requestHash: row.request_hash as string, response: row.response as string } : null;
  }

  save(k: IdempotencyKey, response: string, at: number): void {
    this.sql.exec("INSERT INTO idempotency (key, request_hash, response, created_at) VALUES (?, ?, ?, ?)", k.key, k.requestHash, response, at);
  }

  sweep(at: number): void {
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", at - IDEMPOTENCY_TTL_MS);
  }

  clear(): void {
    this.sql.exec("DELETE FROM idempotency");
  }
}
