import { authenticationProperty as atsAuthentication } from '../../shared/descriptions';

/** Lever's Authentication choice: an API key, or OAuth2 (Lever Connect, authorization code). */
export const authenticationProperty = atsAuthentication('OAuth2');
