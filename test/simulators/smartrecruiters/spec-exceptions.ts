/**
 * Every place where the simulator's contract check deviates from the vendor spec
 * (`spec/smartrecruiters-openapi.yaml`, Konfig's merge of SmartRecruiters' per-API ReadMe specs), with the reason.
 * Nothing else in the simulator may special-case the spec: add a new exception here, never inline.
 */
import { isHttpsUrl, isLoopbackHttpUrl } from '../webhookUrls';

/** The spec's single `servers` entry (`…/webhooks-api/v201907`) is wrong for most paths: Konfig merged ~25 specs and
 * kept one server. The real base path of each API (MANIFEST of SmartRecruiters' ReadMe registries) and the operation
 * tags that belong to it; a request is matched only against the operations of the API its base path names. */
export const API_BASE_PATHS: Array<{ api: string; basePath: string; tags: string[] }> = [
	{ api: 'webhooks', basePath: '/webhooks-api/v201907', tags: ['subscriptions'] },
	{
		api: 'interviews',
		basePath: '/interviews-api/v201904',
		tags: ['interviews', 'timeslots', 'statuses', 'interview types'],
	},
	{ api: 'reviews', basePath: '/reviews-api/v201910', tags: ['reviews'] },
	{ api: 'users', basePath: '/user-api/v201804', tags: ['users'] },
	// Customer API: candidates, jobs, configuration, messages, offers share the root.
	{
		api: 'customer',
		basePath: '',
		tags: ['candidates', 'jobs', 'configuration', 'messages', 'offers'],
	},
];

/** The token endpoint is not in the merged spec's paths (only the assessment-partner `/oauth/token` is); it is described
 * by `securitySchemes.oauth2_master.flows.clientCredentials.tokenUrl` and answers with the spec's `AccessToken` /
 * `TokenErrorResponse` schemas, which is what the check uses for it. */
export const TOKEN_ENDPOINT = {
	path: '/identity/oauth/token',
	successSchema: 'AccessToken',
	errorSchema: 'TokenErrorResponse',
	reason: 'token URL from securitySchemes; not a path of the merged spec',
};

/**
 * Component schemas replaced for the check because Konfig's merge overwrote them with a same-named schema of
 * another API (the spec's version would reject the real wire shape, or accept anything).
 */
export const SCHEMA_OVERRIDES: Record<string, { reason: string; schema: Record<string, unknown> }> =
	{
		Candidate: {
			reason:
				'Merged with the Interviews API attendee `Candidate` ({id: Uuid, status: attendee status}); the allOf that merge added is dropped, the Customer-API candidate summary is kept as is.',
			schema: {
				type: 'object',
				required: ['id', 'internal', 'firstName', 'lastName', 'createdOn', 'actions'],
				properties: {
					tags: { type: 'array', items: { type: 'string' } },
					id: { type: 'string' },
					email: { type: 'string' },
					firstName: { type: 'string' },
					lastName: { type: 'string' },
					applicationLanguage: { type: 'string' },
					internal: { type: 'boolean' },
					createdOn: { type: 'string', format: 'date-time' },
					updatedOn: { type: 'string', format: 'date-time' },
					location: { $ref: '#/components/schemas/CandidateLocation' },
					averageRating: { type: 'number' },
					consent: {
						type: 'object',
						properties: { status: { $ref: '#/components/schemas/ConsentStatus' } },
					},
					primaryAssignment: {
						type: 'object',
						required: ['job', 'status'],
						properties: {
							job: {
								type: 'object',
								required: ['id', 'title', 'actions'],
								properties: {
									id: { type: 'string' },
									title: { type: 'string' },
									actions: {
										type: 'object',
										required: ['details'],
										properties: { details: { $ref: '#/components/schemas/Action' } },
									},
								},
							},
							status: { $ref: '#/components/schemas/CandidateStatusEnum' },
							subStatus: { type: 'string' },
						},
					},
					secondaryAssignments: {
						type: 'array',
						items: {
							type: 'object',
							required: ['job'],
							properties: {
								job: {
									type: 'object',
									required: ['id', 'actions'],
									properties: {
										id: { type: 'string' },
										actions: {
											type: 'object',
											required: ['details'],
											properties: { details: { $ref: '#/components/schemas/Action' } },
										},
									},
								},
							},
						},
					},
					actions: {
						type: 'object',
						required: ['details', 'properties'],
						properties: {
							details: { $ref: '#/components/schemas/Action' },
							properties: { $ref: '#/components/schemas/Action' },
						},
					},
				},
			},
		},
		InterviewCandidate: {
			reason:
				'`Interview.candidate` refers to `Candidate`, which the merge overwrote with the Customer-API candidate (requiring firstName, lastName, createdOn, actions…). The Interviews API sends `{id, status}` (see the allOf the merge left behind).',
			schema: {
				type: 'object',
				required: ['id'],
				properties: {
					id: { $ref: '#/components/schemas/Uuid' },
					status: { $ref: '#/components/schemas/CandidateAttendeeStatusValue' },
				},
			},
		},
		SubscriptionEvent: {
			reason:
				'`Subscription.events` refers to `Event`, which is the Audit API event (all fields optional, so anything passes). The Webhooks API returns `{name, version}` objects.',
			schema: {
				type: 'object',
				required: ['name', 'version'],
				properties: {
					name: { $ref: '#/components/schemas/EventName' },
					version: { type: 'string' },
				},
			},
		},
		CandidateAssignment: {
			reason:
				'`CandidateDetails.primaryAssignment`/`secondaryAssignments` are allOf `Job` + `Assignment`, but `Job` is the Jobs-API job (top-level `id` uuid required). The candidate API sends `{job: {id, title, actions}, status, subStatus, source, …}` without a top-level id (recorded responses, e.g. davejcameron/smartrecruiters fixtures).',
			schema: {
				allOf: [
					{
						type: 'object',
						required: ['job'],
						properties: {
							job: {
								type: 'object',
								required: ['id', 'actions'],
								properties: {
									id: { type: 'string' },
									title: { type: 'string' },
									actions: {
										type: 'object',
										required: ['details'],
										properties: {
											details: { $ref: '#/components/schemas/Action' },
											positionDetails: { $ref: '#/components/schemas/Action' },
										},
									},
								},
							},
						},
					},
					{ $ref: '#/components/schemas/Assignment' },
				],
			},
		},
		CandidatePropertyValueInput: {
			reason:
				'`PUT /candidates/{id}/jobs/{jobId}/properties` items refer to `CandidatePropertyValue`, which the merge overwrote with the configuration select-option `{id, label}` (label required). The documented batch item is `{id, value?}` (value omitted = reset).',
			schema: {
				type: 'object',
				required: ['id'],
				properties: { id: { type: 'string', minLength: 1 }, value: {} },
			},
		},
	};

/** Where the spec refers to a merged schema, the reference the check uses instead (JSON pointer inside the schema → override name). */
export const REFERENCE_REWRITES: Array<{
	schema: string;
	pointer: string[];
	to: string;
	reason: string;
}> = [
	{
		schema: 'CandidateDetails',
		pointer: ['properties', 'primaryAssignment'],
		to: 'CandidateAssignment',
		reason: SCHEMA_OVERRIDES.CandidateAssignment.reason,
	},
	{
		schema: 'CandidateDetails',
		pointer: ['properties', 'secondaryAssignments', 'items'],
		to: 'CandidateAssignment',
		reason: SCHEMA_OVERRIDES.CandidateAssignment.reason,
	},
	{
		schema: 'Interview',
		pointer: ['properties', 'candidate'],
		to: 'InterviewCandidate',
		reason: SCHEMA_OVERRIDES.InterviewCandidate.reason,
	},
	{
		schema: 'Subscription',
		pointer: ['properties', 'events', 'items'],
		to: 'SubscriptionEvent',
		reason: SCHEMA_OVERRIDES.SubscriptionEvent.reason,
	},
	{
		schema: 'CandidatesUpdateCandidatePropertiesRequest',
		pointer: ['items'],
		to: 'CandidatePropertyValueInput',
		reason: SCHEMA_OVERRIDES.CandidatePropertyValueInput.reason,
	},
];

/**
 * Custom `format` values the spec uses without defining them (ajv rejects unknown formats). Each gets the narrowest
 * check the docs support.
 */
export const CUSTOM_FORMATS: Record<string, { reason: string; test: (value: string) => boolean }> =
	{
		guid: {
			reason: 'SmartRecruiters ids written as "guid" are UUIDs on the wire',
			test: (v) => UUID.test(v),
		},
		when: {
			reason: 'Education/Experience dates: "YYYY", "YYYY-MM" or "YYYY-MM-dd"',
			test: (v) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v),
		},
		alphanumericAndDash: {
			reason: 'candidate property value ids',
			test: (v) => /^[A-Za-z0-9-]+$/.test(v),
		},
		https_url: {
			reason:
				'Callback URLs must be https (plain http answers 422, as documented); see loopbackHttpAsHttps for test receivers',
			test: (v) => isHttpsUrl(v),
		},
		url: { reason: 'absolute URL', test: (v) => isAbsoluteUrl(v) },
		video_url: { reason: 'absolute URL', test: (v) => isAbsoluteUrl(v) },
		address: { reason: 'free-text postal address', test: () => true },
		name: { reason: 'free-text person name', test: () => true },
		title: { reason: 'free-text title', test: () => true },
		value_label: { reason: 'free-text label', test: () => true },
	};

/**
 * A simulator started with `allowInsecureWebhookUrls: true` takes plain http to a loopback host where the spec says
 * `https_url` (`callbackUrl`, `tokenServiceUrl`), because test receivers have no TLS certificate. Its contract check
 * then reads every loopback http URL in a body as its https twin, so the explicit opt-in is not reported as a
 * violation. Off by default: then such a URL breaks the spec and the subscription is refused with 422.
 */
export function loopbackHttpAsHttps(value: unknown): unknown {
	if (typeof value === 'string')
		return isLoopbackHttpUrl(value) ? `https:${value.slice('http:'.length)}` : value;
	if (Array.isArray(value)) return value.map(loopbackHttpAsHttps);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, inner]) => [key, loopbackHttpAsHttps(inner)]),
		);
	return value;
}

/**
 * Statuses an operation does not declare. The spec lists only some error statuses per operation (most omit 401, 404,
 * 429), and some declare an error status without a body schema (`GET /messages` 400, `GET /subscriptions` 401).
 * SmartRecruiters' gateway answers every such error with `ErrorResponse`, so error bodies are checked against it.
 * An undeclared success status (e.g. 200 where the spec says 201) is still a violation.
 */
export const UNDECLARED_ERROR_SCHEMA = 'ErrorResponse';

/** Header parameters the check does not validate: `Accept-Language` is a standard HTTP header (fetch sends `*`,
 * browsers send q-lists like `en-US,en;q=0.9`) which the API negotiates, falling back to English, instead of the
 * spec's enum of exact codes. */
export const IGNORED_HEADER_PARAMETERS = new Set(['accept-language']);

/** OpenAPI 3.0 semantics the generic JSON-Schema validator needs help with (applied to the whole spec). */
export const OPENAPI_30_NORMALISATION = [
	'`nullable: true` becomes a "null" type alternative (JSON Schema has no nullable)',
	'keywords next to a `$ref` are dropped (OpenAPI 3.0 ignores them; e.g. Education.startDate has an unanchored date `pattern` next to `$ref: When`)',
	'`components.parameters.pageId` is named `page_id`: right for the Webhooks API; the job-property values API that also refers to it takes `pageId` (see PARAMETER_RENAMES)',
];

/**
 * Parameters whose name the merge got wrong for one operation. `components.parameters.pageId` is the Webhooks API's
 * `page_id`; the Configuration API's job-property values refer to the same component but page with `pageId` (its
 * own ReadMe spec and smartrecruiters.md §5.2: "values (paged with pageId/pageSize)"; the response's cursor is
 * `nextPageId`, as on every other Customer-API list).
 */
export const PARAMETER_RENAMES: Array<{
	operationId: string;
	from: string;
	to: string;
	reason: string;
}> = [
	{
		operationId: 'Configuration_getJobPropertyValues',
		from: 'page_id',
		to: 'pageId',
		reason:
			'the merged spec shares the Webhooks API page_id component; the Configuration API pages with pageId',
	},
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAbsoluteUrl(value: string): boolean {
	try {
		return Boolean(new URL(value).protocol);
	} catch {
		return false;
	}
}
