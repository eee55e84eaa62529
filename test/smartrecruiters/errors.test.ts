/** How SmartRecruiters' error bodies become node errors: vendor codes, 422 data paths, and actionable 401s. */
import type { IN8nHttpFullResponse, INode } from 'n8n-workflow';

import type { SmartRecruitersContext } from '../../nodes/SmartRecruiters/transport';
import { apiError } from '../../nodes/SmartRecruiters/transport';

const node: INode = { id: 'n', name: 'SmartRecruiters', type: 'n8n-nodes-ats-sync.smartRecruiters', typeVersion: 1, position: [0, 0], parameters: {} };
const context = { getNode: () => node } as unknown as SmartRecruitersContext;
const respond = (statusCode: number, body: unknown) => ({ statusCode, body, headers: {} }) as IN8nHttpFullResponse;

describe('SmartRecruiters error mapping', () => {
	it('names the error codes and messages of an ErrorResponse', () => {
		const error = apiError(context, 'PUT', '/candidates/{id}/jobs/{jobId}/status', respond(400, {
			message: 'Bad request',
			errors: [{ code: 'NO_REASON_SUPPORT_FOR_STATUS', message: 'Reason is supported only for REJECTED and WITHDRAWN' }],
		}));
		expect(error.message).toBe(
			'SmartRecruiters PUT /candidates/{id}/jobs/{jobId}/status failed (400): Bad request; NO_REASON_SUPPORT_FOR_STATUS Reason is supported only for REJECTED and WITHDRAWN',
		);
		expect(error.description).toBe('SmartRecruiters error codes: NO_REASON_SUPPORT_FOR_STATUS');
		expect(error.httpCode).toBe('400');
	});

	it('names the data paths of a 422 SemanticErrorResponse', () => {
		const error = apiError(context, 'POST', '/interviews-api/v201904/interviews', respond(422, {
			message: 'Validation failed',
			errors: [{ dataPath: '/timeslots/0/endsOn', message: 'END_DATE_BEFORE_START_DATE' }],
		}));
		expect(error.message).toBe('SmartRecruiters POST /interviews-api/v201904/interviews failed (422): Validation failed; "/timeslots/0/endsOn" END_DATE_BEFORE_START_DATE');
	});

	it('turns an authentication 401 into a credential hint, but keeps a 401 PERMISSION_DENIED as the vendor says it', () => {
		expect(apiError(context, 'GET', '/jobs', respond(401, { errors: [{ code: 'UNAUTHORIZED', message: 'Invalid X-SmartToken' }] })).message).toBe(
			'SmartRecruiters rejected the credentials (401): UNAUTHORIZED Invalid X-SmartToken. Check the API key or OAuth2 client and the environment of the credential.',
		);
		expect(
			apiError(context, 'POST', '/jobs/{jobId}/candidates', respond(401, { errors: [{ code: 'PERMISSION_DENIED', message: 'No access to job' }] })).message,
		).toBe('SmartRecruiters POST /jobs/{jobId}/candidates failed (401): PERMISSION_DENIED No access to job');
	});

	it('copes with a body that is not SmartRecruiters JSON', () => {
		expect(apiError(context, 'GET', '/jobs', respond(502, '<html>Bad gateway</html>')).message).toBe('SmartRecruiters GET /jobs failed (502): HTTP 502');
	});
});
