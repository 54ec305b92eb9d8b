import { API_METHODS } from '../../../src-main/core/api';
import type { ApiSession } from '../../../src-main/core/service';

/** Everything that left the core through one session: answers, error texts, pushed messages. */
export interface SessionTranscript {
  answers: string[];
  errors: string[];
  pushes: string[];
}

/** The session as the UI would hold it, with every answer and every error text written down. */
export function recordedSession(session: ApiSession, transcript: SessionTranscript): ApiSession {
  const wrapped: Record<string, unknown> = { close: () => session.close() };
  for (const method of API_METHODS) {
    const call = session[method] as (...args: unknown[]) => Promise<unknown>;
    wrapped[method] = async (...args: unknown[]) => {
      try {
        const answer = await call(...args);
        transcript.answers.push(`${method}: ${JSON.stringify(answer)}`);
        return answer;
      } catch (error) {
        transcript.errors.push(`${method}: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`);
        throw error;
      }
    };
  }
  return wrapped as unknown as ApiSession;
}
