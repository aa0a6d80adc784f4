// Idempotency-Key on POST .../waitlist: a retried add returns the first result, never a second
// party; the same key with a different body is refused; keys are per user.
import { evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call } from "../helpers/api";
import { addParty, freshPlace, list } from "./support";

const key = (k: string) => ({ "Idempotency-Key": k });

describe("idempotent add", () => {
  it("the same key and body twice make one party and answer with it both times", async () => {
    const p = await freshPlace();
    const first = await addParty(p, { name: "Garcia", partySize: 4 }, key("k-1"));
    expect(first.status).toBe(201);
    const versionAfterFirst = (await list(p)).version;
    const second = await addParty(p, { name: "Garcia", partySize: 4 }, key("k-1"));
    expect(second.status).toBe(201);
    expect(second.json.id).toBe(first.json.id);
    expect(second.json.guestUrl).toBe(first.json.guestUrl);
    const after = await list(p);
    expect(after.parties.map((x) => x.id)).toEqual([first.json.id]);
    expect(after.version, "a replay is not a change").toBe(versionAfterFirst);
  });

  it("the same key sent twice at once still makes one party", async () => {
    const p = await freshPlace();
    const [a, b] = await Promise.all([addParty(p, { name: "Lee", partySize: 2 }, key("k-race")), addParty(p, { name: "Lee", partySize: 2 }, key("k-race"))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.id).toBe(a.json.id);
    expect((await list(p)).parties).toHaveLength(1);
  });

  it("many keys each sent four times at once make one party per key, never a 5xx", async () => {
    // The race is a matter of timing: many rounds at once make it show on the code that awaited
    // between checking the key and storing its answer.
    const p = await freshPlace();
    const rounds = Array.from({ length: 12 }, (_, i) => `k-burst-${i}`);
    const answers = await Promise.all(
      rounds.flatMap((k) => Array.from({ length: 4 }, () => addParty(p, { name: `Burst ${k}`, partySize: 2 }, key(k)))),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    for (let i = 0; i < rounds.length; i++) {
      const ids = new Set(answers.slice(i * 4, i * 4 + 4).map((a) => a.json.id));
      expect(ids.size, rounds[i]).toBe(1);
    }
    expect((await list(p)).parties).toHaveLength(rounds.length);
  });

  it("the same key with a different body is 422 idempotency_key_reused and adds nothing", async () => {
    const p = await freshPlace();
    const first = await addParty(p, { name: "Garcia", partySize: 4 }, key("k-2"));
    expect(first.status).toBe(201);
    const other = await addParty(p, { name: "Garcia", partySize: 5 }, key("k-2"));
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe("idempotency_key_reused");
    expect((await list(p)).parties.map((x) => x.id)).toEqual([first.json.id]);
  });

  it("different users' same key are independent", async () => {
    const p = await freshPlace();
    const host = await addMember(p, "host");
    const mine = await addParty(p, { name: "Okafor", partySize: 2 }, key("shared"));
    const theirs = await call("POST", `${p.base}/waitlist`, { token: host.token, body: { name: "Okafor", partySize: 2 }, headers: key("shared") });
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.json.id).not.toBe(mine.json.id);
    // And each user's replay still finds their own party.
    const theirsAgain = await call("POST", `${p.base}/waitlist`, { token: host.token, body: { name: "Okafor", partySize: 2 }, headers: key("shared") });
    expect(theirsAgain.json.id).toBe(theirs.json.id);
    expect((await list(p)).parties).toHaveLength(2);
  });

  it("without a key, two identical adds are two parties", async () => {
    const p = await freshPlace();
    const a = await addParty(p, { name: "Lee", partySize: 2 });
    const b = await addParty(p, { name: "Lee", partySize: 2 });
    expect(b.json.id).not.toBe(a.json.id);
    expect((await list(p)).parties).toHaveLength(2);
  });

  it("a retry after the DO was evicted still finds the first party", async () => {
    const p = await freshPlace();
    const first = await addParty(p, { name: "Müller", partySize: 3 }, key("k-evict"));
    await evictDurableObject(p.stub);
    const again = await addParty(p, { name: "Müller", partySize: 3 }, key("k-evict"));
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect((await list(p)).parties).toHaveLength(1);
  });

  it("a retry after the party moved on answers with the same party, not a new one", async () => {
    const p = await freshPlace();
    const first = await addParty(p, { name: "José", partySize: 2 }, key("k-seated"));
    expect((await call("POST", `${p.base}/waitlist/${first.json.id}/seat`, { token: p.token })).status).toBe(200);
    const again = await addParty(p, { name: "José", partySize: 2 }, key("k-seated"));
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect((await list(p)).parties).toHaveLength(0);
  });
});
