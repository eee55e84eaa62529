import { authenticationProperty as atsAuthentication } from '../../shared/descriptions';

/** SmartRecruiters' Authentication choice: an API key, or OAuth2 client credentials. */
export const authenticationProperty = atsAuthentication('OAuth2 (Client Credentials)');
