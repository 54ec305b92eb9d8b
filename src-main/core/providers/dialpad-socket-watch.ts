import { createDialpadDecoder } from './dialpad';
import type { FrameDecoder, RawFrame } from './frame';

/** The undocumented wording of Dialpad's refusal ("invalid key"), and its likely variants. */
const REFUSAL = /\b(invalid (api )?key|invalid token|unauthori[sz]ed|not authori[sz]ed|forbidden)\b/i;
/** A refusal frame is short plain text; events are JSON or JWTs and are never inspected. */
const MAX_REFUSAL_BYTES = 200;
/** A close this soon after a refusal frame is that refusal. */
const REFUSAL_WINDOW_MS = 5_000;

/**
 * The Dialpad decoder, rebuilt whenever the JWT secret changes (it is read from the keychain on
 * every connect), and watching for the short text frame Dialpad sends before it closes a socket
 * whose token it refuses.
 */
export class DialpadSocketWatch implements FrameDecoder {
  private decoder: FrameDecoder = createDialpadDecoder({ jwtSecret: null });
  private jwtSecret: string | null = null;
  private refusalAt: number | null = null;

  useJwtSecret(secret: string | null): void {
    if (secret === this.jwtSecret) return;
    this.jwtSecret = secret;
    this.decoder = createDialpadDecoder({ jwtSecret: secret });
  }

  decode(frame: RawFrame): ReturnType<FrameDecoder['decode']> {
    if (!frame.isBinary && frame.data.length <= MAX_REFUSAL_BYTES && REFUSAL.test(frame.data.toString('utf8'))) {
      this.refusalAt = frame.receivedAt;
    }
    return this.decoder.decode(frame);
  }

  /** Whether a socket that closed with this reason, now, was refused. */
  isRefusal(closeReason: string, now: number): boolean {
    return REFUSAL.test(closeReason) || (this.refusalAt !== null && now - this.refusalAt <= REFUSAL_WINDOW_MS);
  }
}
