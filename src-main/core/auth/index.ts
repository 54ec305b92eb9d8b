export { AuthError, isAuthError, type AuthErrorDetails, type AuthErrorKind } from './auth-error';
export { createPkcePair, isValidVerifier, s256Challenge, type PkcePair } from './pkce';
export { buildAuthorizationUrl, type FlowRequest } from './authorization-url';
export { CUSTOM_SCHEME_REDIRECT_URI, loopbackRedirectUri, parseCallbackUrl, type CallbackParams } from './callback-url';
export { FLOW_LIFETIME_MS, PendingFlows, type CompletedFlow, type PendingFlowsOptions, type StartedFlow } from './pending-flows';
export {
  exchangeCode,
  refresh,
  revoke,
  type CodeExchangeRequest,
  type RefreshRequest,
  type RevokeRequest,
  type TokenBodyEncoding,
  type TokenEndpointOptions,
} from './token-client';
export { parseTokenResponse, type TokenSet } from './token-set';
export { REFRESH_MARGIN_MS, TokenManager, type TokenManagerOptions } from './token-manager';
export { startLoopbackReceiver, type LoopbackReceiver, type LoopbackReceiverOptions } from './loopback-receiver';
