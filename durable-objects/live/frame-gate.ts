// Applies the socket abuse limits (guard.ts) to the frames a DO receives. State is kept per socket in
// memory: when the DO hibernates (no frames for a while), a socket starts again with a full bucket,
// which a quiet socket would have refilled by then anyway.
import { parseClientMessage, type ClientMessage } from "../../domain/waitlist/protocol";
import { admit, frameBytes, GUARD_LIMITS, newGuardState, type Decision, type GuardState } from "./guard";

export class FrameGate {
  private states = new WeakMap<WebSocket, GuardState>();

  /** The decision for a frame, and the parsed message when it is to be served. */
  check(ws: WebSocket, data: string | ArrayBuffer, at: number): { decision: Decision; message: ClientMessage | null } {
    let state = this.states.get(ws);
    if (!state) {
      state = newGuardState(at);
      this.states.set(ws, state);
    }
    const bytes = frameBytes(data);
    // Only parse what is within the size limit (admit closes on the rest before looking at it).
    const message = bytes <= GUARD_LIMITS.maxFrameBytes ? parseClientMessage(data) : null;
    const decision = admit(state, bytes, message ? { kind: "resume", version: message.version } : { kind: "invalid" }, at);
    return { decision, message: decision.action === "handle" ? message : null };
  }
}
