/** Every way an OAuth step can fail, so the UI can choose what to say and what to offer. */
export type AuthErrorKind =
  | 'invalid_flow_request'
  | 'callback_malformed'
  | 'callback_wrong_target'
  | 'state_missing'
  | 'state_unknown'
  | 'state_expired'
  | 'state_reused'
  | 'issuer_mismatch'
  | 'code_missing'
  | 'provider_error'
  | 'token_endpoint_unreachable'
  | 'token_request_rejected'
  | 'token_response_invalid'
  | 'reauthorization_required'
  | 'not_signed_in'
  | 'revoke_failed'
  | 'loopback_timeout'
  | 'sign_in_cancelled';

export interface AuthErrorDetails {
  /** The profile whose flow this concerns, when the callback matched one. */
  profileId?: string;
  /** HTTP status of a token or revoke request. */
  status?: number;
  /** The OAuth `error` code sent by the provider (`access_denied`, `invalid_grant`, ...). */
  oauthError?: string;
  /** The provider's `error_description`, sanitized and with any secret we sent removed. */
  description?: string;
}

/**
 * Messages are written for the user and never contain a token, code, verifier or client
 * secret: they may be shown, logged and stored as `system.*` events.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly profileId: string | undefined;
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly description: string | undefined;

  constructor(
    readonly kind: AuthErrorKind,
    message: string,
    details: AuthErrorDetails = {},
  ) {
    super(message);
    this.profileId = details.profileId;
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.description = details.description;
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
