/** How SmartRecruiters' error bodies become node errors: vendor codes, 422 data paths, the field named, and actionable 401s. */
import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import type { ApiCall } from '../../nodes/shared/transport/request';
import { apiError } from '../../nodes/shared/transport/request';
import { smartRecruitersVendor } from '../../nodes/SmartRecruiters/transport';

const node: INode = {
	id: 'n',
	name: 'SmartRecruiters',
	type: 'n8n-nodes-ats-sync.smartRecruiters',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const respond = (statusCode: number, body: unknown) =>
	({ statusCode, body, headers: {} }) as IN8nHttpFullResponse;
const call = (
	method: IHttpRequestMethods,
	route: string,
	body?: IDataObject,
	params: Record<string, string> = {},
): ApiCall => ({
	method,
	route,
	path: route,
	params,
	qs: {},
	body,
});
const errorOf = (
	response: IN8nHttpFullResponse,
	sent: ApiCall,
	credentialType = 'smartRecruitersApi',
) => apiError(node, smartRecruitersVendor, credentialType, response, sent);

describe('SmartRecruiters error mapping', () => {
	it('names the field, the error codes and messages of an ErrorResponse', () => {
		const error = errorOf(
			respond(400, {
				message: 'Bad request',
				errors: [
					{
						code: 'NO_REASON_SUPPORT_FOR_STATUS',
						message: 'Reason is supported only for REJECTED and WITHDRAWN',
					},
				],
			}),
			call('PUT', '/candidates/{candidateId}/jobs/{jobId}/status', {
				status: 'IN_REVIEW',
				reason: 'r-1',
			}),
		);
		expect(error.message).toBe(
			'SmartRecruiters rejected the "Reason" field (400 NO_REASON_SUPPORT_FOR_STATUS: Bad request; Reason is supported only for REJECTED and WITHDRAWN)',
		);
		expect(error.description).toBe(
			'SmartRecruiters answered PUT /candidates/{candidateId}/jobs/{jobId}/status with 400 NO_REASON_SUPPORT_FOR_STATUS: Bad request; Reason is supported only for REJECTED and WITHDRAWN',
		);
		expect(error.httpCode).toBe('400');
	});

	it('names the field of a 422 SemanticErrorResponse from its data path', () => {
		const error = errorOf(
			respond(422, {
				message: 'Validation failed',
				errors: [{ dataPath: '/timeslots/0/endsOn', message: 'END_DATE_BEFORE_START_DATE' }],
			}),
			call('POST', '/interviews-api/v201904/interviews', { timeslots: [] }),
		);
		expect(error.message).toBe(
			'SmartRecruiters rejected the "Time Slots" field (422: Validation failed; "/timeslots/0/endsOn" END_DATE_BEFORE_START_DATE)',
		);
	});

	it('names the record a 404 did not find', () => {
		const error = errorOf(
			respond(404, {
				message: 'Not found',
				errors: [{ code: 'CANDIDATE_NOT_FOUND', message: 'Candidate not found' }],
			}),
			call('GET', '/candidates/{candidateId}', undefined, { candidateId: 'c-1' }),
		);
		expect(error.message).toBe(
			'SmartRecruiters could not find the "Candidate" given (404 CANDIDATE_NOT_FOUND: Not found; Candidate not found)',
		);
	});

	it('turns an authentication 401 into a credential hint, and a 401 PERMISSION_DENIED into a missing permission', () => {
		const rejected = errorOf(
			respond(401, { errors: [{ code: 'UNAUTHORIZED', message: 'Invalid X-SmartToken' }] }),
			call('GET', '/jobs'),
		);
		expect(rejected.message).toBe(
			'SmartRecruiters rejected the API key (401 UNAUTHORIZED: Invalid X-SmartToken)',
		);
		expect(rejected.description).toMatch(/Check the API key .* Environment/);
		const denied = errorOf(
			respond(401, { errors: [{ code: 'PERMISSION_DENIED', message: 'No access to job' }] }),
			call('POST', '/jobs/{jobId}/candidates', {}, { jobId: 'j-1' }),
		);
		expect(denied.message).toBe(
			'The SmartRecruiters API key is not allowed to do this (401 PERMISSION_DENIED: No access to job)',
		);
		expect(
			errorOf(respond(401, {}), call('GET', '/jobs'), 'smartRecruitersOAuth2Api').description,
		).toMatch(/Client ID, Client Secret and Environment/);
	});

	it('copes with a body that is not SmartRecruiters JSON', () => {
		expect(errorOf(respond(502, '<html>Bad gateway</html>'), call('GET', '/jobs')).message).toBe(
			'SmartRecruiters had a server error (502)',
		);
	});
});
