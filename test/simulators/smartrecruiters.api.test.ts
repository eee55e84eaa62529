/** Behaviour of the SmartRecruiters simulator: auth, rate limits, pagination styles and the Customer API's rules. */
import { startSmartRecruitersSimulator, type SmartRecruitersSimulator } from './smartrecruiters';
import { client } from './smartrecruiters/client';

const TAG_51 = 'x'.repeat(51);

describe('SmartRecruiters simulator — API behaviour', () => {
	let sim: SmartRecruitersSimulator;
	let api: ReturnType<typeof client>;

	beforeAll(async () => {
		sim = await startSmartRecruitersSimulator({
			rateLimit: false,
			candidatesSearchLatencyMs: 0,
			tokenExpiresIn: 60,
		});
		api = client(sim);
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());
	afterEach(() =>
		expect(
			sim.contractViolations.filter((violation) => violation.direction === 'response'),
		).toEqual([]),
	);

	describe('authentication', () => {
		it('accepts X-SmartToken in any letter case and refuses missing or wrong credentials with ErrorResponse 401', async () => {
			expect(
				(await api('GET', '/jobs', { apiKey: null, headers: { 'X-SMARTTOKEN': sim.apiKey } }))
					.status,
			).toBe(200);
			for (const options of [
				{ apiKey: null },
				{ apiKey: 'not-the-key' },
				{ bearer: 'made-up-token' },
			]) {
				const response = await api('GET', '/jobs', options);
				expect(response.status).toBe(401);
				expect(response.body).toEqual({
					message: expect.any(String),
					errors: [{ code: 'UNAUTHORIZED', message: expect.any(String) }],
				});
				expect(response.headers.get('x-ratelimit-limit')).toBe('10');
			}
			expect(sim.requests.map((request) => request.auth)).toEqual([
				'token',
				'none',
				'token',
				'bearer',
			]);
		});

		it('issues client-credentials tokens (form body or Basic) that expire after expires_in', async () => {
			const form = new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: sim.oauthClient.clientId,
				client_secret: sim.oauthClient.clientSecret,
			});
			const token = await api('POST', '/identity/oauth/token', { apiKey: null, form });
			expect(token.status).toBe(200);
			expect(token.headers.get('x-ratelimit-limit')).toBe('10');
			expect(token.headers.get('x-ratelimit-concurrent-remaining')).toBe('8');
			expect(token.body).toEqual({
				access_token: expect.any(String),
				token_type: 'Bearer',
				expires_in: 60,
				scope: expect.stringContaining('candidates_read'),
			});
			expect((await api('GET', '/jobs', { bearer: token.body.access_token })).status).toBe(200);

			const basic = Buffer.from(
				`${sim.oauthClient.clientId}:${sim.oauthClient.clientSecret}`,
			).toString('base64');
			const viaBasic = await api('POST', '/identity/oauth/token', {
				apiKey: null,
				headers: { Authorization: `Basic ${basic}` },
				form: new URLSearchParams({ grant_type: 'client_credentials' }),
			});
			expect(viaBasic.status).toBe(200);

			sim.advanceTime(61_000);
			const expired = await api('GET', '/jobs', { bearer: token.body.access_token });
			expect(expired.status).toBe(401);
			expect(expired.body.errors[0].message).toBe('Access token expired');
			expect(JSON.stringify(sim.requests)).not.toContain(sim.oauthClient.clientSecret);
			expect(JSON.stringify(sim.requests)).not.toContain(token.body.access_token);
		});

		it('answers bad client credentials and wrong grant types with the OAuth error body', async () => {
			const badClient = await api('POST', '/identity/oauth/token', {
				apiKey: null,
				form: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: sim.oauthClient.clientId,
					client_secret: 'nope',
				}),
			});
			expect(badClient.status).toBe(401);
			expect(badClient.body).toEqual({
				error: 'invalid_client',
				error_description: expect.any(String),
			});
			const badGrant = await api('POST', '/identity/oauth/token', {
				apiKey: null,
				form: new URLSearchParams({ grant_type: 'password' }),
			});
			expect(badGrant.status).toBe(400);
			expect(badGrant.body.error).toBe('unsupported_grant_type');
			const json = await api('POST', '/identity/oauth/token', {
				apiKey: null,
				body: { grant_type: 'client_credentials' },
			});
			expect(json.status).toBe(400);
			// D-RATE: every response carries the rate-limit headers, the token endpoint's too (its errors included).
			for (const response of [badClient, badGrant, json]) {
				expect(
					Object.fromEntries(
						[...response.headers].filter(([name]) => name.startsWith('x-ratelimit-')),
					),
				).toEqual({
					'x-ratelimit-limit': '10',
					'x-ratelimit-remaining': '10',
					'x-ratelimit-concurrent-limit': '8',
					'x-ratelimit-concurrent-remaining': '8',
				});
			}
			expect(sim.contractViolations).toEqual([
				expect.objectContaining({ direction: 'request', operation: 'identity.oauth.token' }),
			]);
		});
	});

	describe('permissions', () => {
		it('enforces the OAuth scopes of each operation (spec `security`) and refuses empty or unknown scopes', async () => {
			const token = async (scope?: string) => {
				const form = new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: sim.oauthClient.clientId,
					client_secret: sim.oauthClient.clientSecret,
				});
				if (scope !== undefined) form.set('scope', scope);
				return api('POST', '/identity/oauth/token', { apiKey: null, form });
			};
			const readOnly = await token('candidates_read jobs_read');
			expect(readOnly.body.scope).toBe('candidates_read jobs_read');
			const bearer = readOnly.body.access_token as string;
			expect((await api('GET', `/candidates/${sim.seed.candidates.jane}`, { bearer })).status).toBe(
				200,
			);
			const denied = await api('PUT', `/candidates/${sim.seed.candidates.jane}/tags`, {
				bearer,
				body: { tags: ['x'] },
			});
			expect(denied.status).toBe(403);
			expect(denied.body.errors[0]).toEqual({
				code: 'PERMISSION_DENIED',
				message: expect.stringContaining('candidates_manage'),
			});
			// webhooks_write OR webhooks_manage (either scope grants access)
			const manage = (await token('webhooks_manage')).body.access_token as string;
			expect(
				(await api('GET', '/webhooks-api/v201907/subscriptions', { bearer: manage })).status,
			).toBe(200);
			expect((await token('')).body.error).toBe('invalid_scope');
			expect((await token('candidates_everything')).body.error).toBe('invalid_scope');
			expect((await token()).body.scope).toContain('webhooks_manage');
		});

		it('lets the restricted (EMPLOYEE) key read but not write or read messages', async () => {
			const restricted = { apiKey: sim.restrictedApiKey };
			expect((await api('GET', '/user-api/v201804/users/me', restricted)).body).toMatchObject({
				id: sim.seed.users.interviewer,
				role: 'EMPLOYEE',
			});
			expect((await api('GET', `/candidates/${sim.seed.candidates.jane}`, restricted)).status).toBe(
				200,
			);
			const create = await api('POST', '/candidates', {
				...restricted,
				body: { firstName: 'No', lastName: 'Access', email: 'no@access.com' },
			});
			expect(create.status).toBe(403);
			expect(create.body.errors[0].code).toBe('PERMISSION_DENIED');
			expect(
				(
					await api('GET', '/messages', {
						...restricted,
						query: { candidateId: sim.seed.candidates.jane },
					})
				).status,
			).toBe(403);
			expect(sim.state.candidates).toHaveLength(4);
		});
	});

	describe('pagination', () => {
		it('pages candidates with pageId, nextPageId and a Link rel="next" header; bad cursors are INVALID_PAGE_ID', async () => {
			const first = await api('GET', '/candidates', { query: { limit: 2 } });
			expect(first.body).toMatchObject({ limit: 2, offset: 0, totalFound: 3 });
			expect(first.body.content).toHaveLength(2);
			expect(first.headers.get('link')).toBe(
				`<${sim.baseUrl}/candidates?limit=2&pageId=${first.body.nextPageId}>; rel="next"`,
			);
			const second = await api('GET', '/candidates', {
				query: { limit: 2, pageId: first.body.nextPageId },
			});
			expect(second.body.content).toHaveLength(1);
			expect(second.body.nextPageId).toBeUndefined();
			expect(second.headers.get('link')).toBeNull();
			const ids = [...first.body.content, ...second.body.content].map(
				(candidate: { id: string }) => candidate.id,
			);
			expect(new Set(ids).size).toBe(3);

			expect(
				(await api('GET', '/candidates', { query: { pageId: 'garbage' } })).body.errors[0].code,
			).toBe('INVALID_PAGE_ID');
			// A cursor belongs to its query.
			const reused = await api('GET', '/candidates', {
				query: { limit: 2, status: 'NEW', pageId: first.body.nextPageId },
			});
			expect(reused.status).toBe(400);
		});

		it('defaults GET /candidates to 10 per page and caps limit at 100', async () => {
			for (let index = 0; index < 11; index++) {
				await api('POST', `/jobs/${sim.seed.jobs.productDesigner}/candidates`, {
					body: { firstName: `P${index}`, lastName: 'Bulk', email: `p${index}@bulk.example` },
				});
			}
			const page = await api('GET', '/candidates');
			expect(page.body.content).toHaveLength(10);
			expect(page.body.totalFound).toBe(14);
			expect((await api('GET', '/candidates', { query: { limit: 101 } })).status).toBe(400);
		});

		it('requires sort=job_id for pageId paging of jobs', async () => {
			const first = await api('GET', '/jobs', { query: { sort: 'job_id', limit: 4 } });
			expect(first.body.content.map((job: { id: string }) => job.id)).toEqual(
				[...first.body.content.map((job: { id: string }) => job.id)].sort(),
			);
			const withoutSort = await api('GET', '/jobs', {
				query: { limit: 4, pageId: first.body.nextPageId },
			});
			expect(withoutSort.status).toBe(400);
			expect(withoutSort.body.errors[0].code).toBe('INVALID_PAGE_ID');
			const second = await api('GET', '/jobs', {
				query: { sort: 'job_id', limit: 4, pageId: first.body.nextPageId },
			});
			expect(second.body.content).toHaveLength(2);
			expect(second.body.nextPageId).toBeUndefined();
		});

		it('pages source values with offset/limit and returns config lists as {totalFound, content}', async () => {
			const { sources } = sim.seed;
			const page = await api('GET', `/configuration/sources/${sources.types.custom}/values`, {
				query: { limit: 1, offset: 1 },
			});
			expect(page.body).toMatchObject({
				totalFound: 2,
				limit: 1,
				offset: 1,
				content: [{ id: sources.values.outreach, label: 'Outreach' }],
			});
			const reasons = await api('GET', '/configuration/rejection-reasons');
			expect(reasons.body).toEqual({
				totalFound: 3,
				content: expect.arrayContaining([
					{ id: sim.seed.rejectionReasons.notQualified, label: 'Not qualified' },
				]),
			});
		});
	});

	describe('candidate search', () => {
		const emailsOf = (body: { content: Array<{ email: string }> }) =>
			body.content.map((candidate) => candidate.email).sort();

		it('tokenizes an unquoted email (loose match) and treats a quoted one as a phrase — still not an exact match', async () => {
			const { emails } = sim.seed;
			const loose = await api('GET', '/candidates', { query: { q: emails.jane } });
			// jane, doe, example, com: every seeded candidate with an application shares a token.
			expect(emailsOf(loose.body)).toEqual([emails.jane, emails.john, emails.maria].sort());
			const quoted = await api('GET', '/candidates', { query: { q: `"${emails.jane}"` } });
			expect(emailsOf(quoted.body)).toEqual([emails.jane]);
			const suffix = await api('GET', '/candidates', { query: { q: '"doe@example.com"' } });
			expect(emailsOf(suffix.body)).toEqual([emails.jane]);
			const typo = await api('GET', '/candidates', { query: { q: 'garcai' } });
			expect(emailsOf(typo.body)).toEqual([]);
			const oneTypo = await api('GET', '/candidates', { query: { q: 'garsia' } });
			expect(emailsOf(oneTypo.body)).toEqual([emails.maria]);
		});

		it('leaves talent-pool-only candidates out by default and includes them when configured', async () => {
			const { emails } = sim.seed;
			expect(
				emailsOf((await api('GET', '/candidates', { query: { q: `"${emails.tom}"` } })).body),
			).toEqual([]);
			const inclusive = await startSmartRecruitersSimulator({
				rateLimit: false,
				candidatesSearchLatencyMs: 0,
				talentPoolInSearch: true,
			});
			try {
				expect(
					emailsOf(
						(await client(inclusive)('GET', '/candidates', { query: { q: `"${emails.tom}"` } }))
							.body,
					),
				).toEqual([emails.tom]);
			} finally {
				await inclusive.close();
			}
		});

		it('filters by job, status (+ sub-status), tag (case-insensitive) and updatedAfter', async () => {
			const { jobs, emails } = sim.seed;
			expect(
				emailsOf(
					(await api('GET', '/candidates', { query: { jobId: jobs.backendEngineer } })).body,
				),
			).toEqual([emails.jane, emails.maria].sort());
			expect(
				emailsOf((await api('GET', '/candidates', { query: { status: 'HIRED' } })).body),
			).toEqual([emails.john]);
			expect(
				emailsOf(
					(
						await api('GET', '/candidates', {
							query: { jobId: jobs.backendEngineer, status: 'LEAD' },
						})
					).body,
				),
			).toEqual([emails.maria]);
			expect(
				emailsOf(
					(
						await api('GET', '/candidates', {
							query: { status: 'INTERVIEW', subStatus: 'Onsite interview' },
						})
					).body,
				),
			).toEqual([emails.jane]);
			expect(
				emailsOf((await api('GET', '/candidates', { query: { tag: 'BACKEND' } })).body),
			).toEqual([emails.jane]);
			expect(
				emailsOf(
					(await api('GET', '/candidates', { query: { updatedAfter: '2026-09-05T00:00:00.000Z' } }))
						.body,
				),
			).toEqual([emails.maria]);
			const mismatched = await api('GET', '/candidates', {
				query: { propertyId: ['a', 'b'], propertyValueId: 'c' },
			});
			expect(mismatched.body.errors[0].code).toBe('FIELDS_CRITERIA_SIZE_VIOLATED');
		});
	});

	describe('candidate creation', () => {
		it('creates a duplicate profile for an email that already exists (clients must dedupe first)', async () => {
			const { jobs, emails } = sim.seed;
			const created = await api('POST', `/jobs/${jobs.backendEngineer}/candidates`, {
				body: { firstName: 'Jane', lastName: 'Doe', email: emails.jane },
			});
			expect(created.status).toBe(201);
			expect(created.body.id).not.toBe(sim.seed.candidates.jane);
			expect(
				sim.state.candidates.filter((candidate) => candidate.email === emails.jane),
			).toHaveLength(2);
		});

		it('starts a job application as NEW with source "API" when sourceDetails is omitted', async () => {
			const created = await api('POST', `/jobs/${sim.seed.jobs.productDesigner}/candidates`, {
				body: { firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com' },
			});
			expect(created.body.primaryAssignment).toMatchObject({
				job: { id: sim.seed.jobs.productDesigner, title: 'Product Designer' },
				status: 'NEW',
				source: 'API',
			});
			const talentPool = await api('POST', '/candidates', {
				body: { firstName: 'Tal', lastName: 'Pool', email: 'tal@example.com' },
			});
			expect(talentPool.status).toBe(201);
			expect(talentPool.body.primaryAssignment).toBeUndefined();
		});

		it('validates sourceDetails against the configured sources', async () => {
			const { jobs, sources } = sim.seed;
			const create = (sourceDetails: object, path = `/jobs/${jobs.backendEngineer}/candidates`) =>
				api('POST', path, {
					body: { firstName: 'S', lastName: 'D', email: 's@d.com', sourceDetails },
				});
			const code = async (promise: ReturnType<typeof create>) => {
				const response = await promise;
				return [response.status, response.body.errors?.[0]?.code];
			};
			expect(
				await code(create({ sourceTypeId: 'NOPE', sourceId: sources.values.linkedIn })),
			).toEqual([404, 'SOURCE_TYPE_NOT_FOUND']);
			expect(
				await code(
					create({ sourceTypeId: sources.types.sourcingTools, sourceId: sources.values.hireEz }),
				),
			).toEqual([400, 'SUBTYPE_REQUIRED']);
			expect(
				await code(
					create({ sourceTypeId: sources.types.jobBoards, sourceId: sources.values.sourceWhale }),
				),
			).toEqual([400, 'INVALID_SOURCE_ID']);
			expect(
				await code(create({ sourceTypeId: sources.types.jobBoards, sourceId: 'unknown' })),
			).toEqual([400, 'SOURCE_NOT_FOUND']);
			expect(
				await code(
					create(
						{ sourceTypeId: sources.types.jobBoards, sourceId: sources.values.sourceWhale },
						'/candidates',
					),
				),
			).toEqual([400, 'SOURCE_NOT_FOUND']);
			const ok = await create({
				sourceTypeId: sources.types.sourcingTools,
				sourceSubTypeId: sources.subTypes.outreach,
				sourceId: sources.values.sourceWhaleTool,
			});
			expect(ok.status).toBe(201);
			expect(ok.body.primaryAssignment.source).toBe('SourceWhale');
		});
	});

	describe('candidate updates', () => {
		it('PATCH changes only the given personal details (web is replaced as a whole)', async () => {
			const { jane } = sim.seed.candidates;
			const patched = await api('PATCH', `/candidates/${jane}`, {
				body: { phoneNumber: '+1 555 0199', web: { website: 'https://jane.dev' } },
			});
			expect(patched.status).toBe(200);
			expect(patched.body).toMatchObject({
				firstName: 'Jane',
				email: sim.seed.emails.jane,
				phoneNumber: '+1 555 0199',
				web: { website: 'https://jane.dev' },
			});
			expect(patched.body.web.linkedin).toBeUndefined();
			expect((await api('PATCH', `/candidates/${jane}`, { body: { email: 'nope' } })).status).toBe(
				400,
			);
		});

		it('adds tags with POST, replaces with PUT, removes with DELETE and enforces 100 × 50 characters', async () => {
			const { jane } = sim.seed.candidates;
			const added = await api('POST', `/candidates/${jane}/tags`, {
				body: { tags: ['outreach', 'Backend'] },
			});
			expect(added.status).toBe(201);
			expect(added.body.tags).toEqual(['backend', 'berlin', 'outreach']);
			expect(
				(await api('PUT', `/candidates/${jane}/tags`, { body: { tags: ['only'] } })).body.tags,
			).toEqual(['only']);
			expect(
				(await api('POST', `/candidates/${jane}/tags`, { body: { tags: [TAG_51] } })).status,
			).toBe(400);
			const many = Array.from({ length: 100 }, (_, index) => `tag-${index}`);
			const tooMany = await api('POST', `/candidates/${jane}/tags`, { body: { tags: many } });
			expect(tooMany.status).toBe(400);
			expect(tooMany.body.errors[0].code).toBe('TOO_MANY_TAGS');
			expect((await api('DELETE', `/candidates/${jane}/tags`)).status).toBe(204);
			expect((await api('GET', `/candidates/${jane}/tags`)).body).toEqual({ tags: [] });
		});

		it('sets statuses by the hiring process rules and records status history', async () => {
			const { candidates, jobs, rejectionReasons, withdrawalReasons } = sim.seed;
			const statusPath = `/candidates/${candidates.maria}/jobs/${jobs.backendEngineer}/status`;
			const put = async (body: object) => {
				const response = await api('PUT', statusPath, { body });
				return response.status === 204 ? 204 : response.body.errors[0].code;
			};
			expect(await put({ status: 'INTERVIEW' })).toBe('REQUIRED_SUB_STATUS_OMITTED');
			expect(await put({ status: 'INTERVIEW', subStatus: 'Phone interview' })).toBe(
				'SUB_STATUS_NOT_FOUND',
			);
			expect(await put({ status: 'NEW', subStatus: 'Screening call' })).toBe(
				'SUB_STATUS_NOT_FOUND',
			);
			expect(await put({ status: 'IN_REVIEW', subStatus: 'Screening call' })).toBe(204);
			expect(await put({ status: 'IN_REVIEW', subStatus: 'Screening call' })).toBe(204);
			expect(await put({ status: 'INTERVIEW', subStatus: 'Technical interview' })).toBe(204);
			expect(await put({ status: 'IN_REVIEW', reason: rejectionReasons.notQualified })).toBe(
				'NO_REASON_SUPPORT_FOR_STATUS',
			);
			expect(await put({ status: 'REJECTED', reason: withdrawalReasons.salary })).toBe(
				'REASON_NOT_FOUND',
			);
			expect(await put({ status: 'REJECTED', reason: rejectionReasons.notQualified })).toBe(204);

			const application = await api(
				'GET',
				`/candidates/${candidates.maria}/jobs/${jobs.backendEngineer}`,
			);
			expect(application.body).toMatchObject({
				status: 'REJECTED',
				reasonOfRejection: { id: rejectionReasons.notQualified, label: 'Not qualified' },
			});
			const history = await api('GET', `${statusPath}/history`);
			// Repeating the same status and sub-status adds no history entry.
			expect(
				history.body.content.map((entry: { status: string; subStatus?: string }) => [
					entry.status,
					entry.subStatus,
				]),
			).toEqual([
				['LEAD', undefined],
				['IN_REVIEW', 'Screening call'],
				['INTERVIEW', 'Technical interview'],
				['REJECTED', undefined],
			]);
			expect(history.body.totalFound).toBe(4);
		});

		it('answers 404 for a job the candidate is not assigned to', async () => {
			const response = await api(
				'PUT',
				`/candidates/${sim.seed.candidates.jane}/jobs/${sim.seed.jobs.salesLead}/status`,
				{ body: { status: 'NEW' } },
			);
			expect(response.status).toBe(404);
		});

		it('updates the source of an application', async () => {
			const { candidates, jobs, sources } = sim.seed;
			const path = `/candidates/${candidates.jane}/jobs/${jobs.backendEngineer}`;
			expect(
				(
					await api('PUT', `${path}/source`, {
						body: { sourceTypeId: sources.types.custom, sourceId: sources.values.outreach },
					})
				).status,
			).toBe(204);
			expect((await api('GET', path)).body.source).toBe('Outreach');
			const wrong = await api('PUT', `${path}/source`, {
				body: { sourceTypeId: sources.types.custom, sourceId: sources.values.linkedIn },
			});
			expect(wrong.body.errors[0].code).toBe('INVALID_SOURCE');
		});
	});

	describe('candidate properties', () => {
		const path = () =>
			`/candidates/${sim.seed.candidates.maria}/jobs/${sim.seed.jobs.backendEngineer}/properties`;

		it('returns {} when nothing is set, then the values with labels, filtered by context', async () => {
			const { properties, propertyValues } = sim.seed;
			expect((await api('GET', path())).body).toEqual({});
			const write = await api('PUT', path(), {
				body: [
					{ id: properties.employmentType, value: propertyValues.contractor },
					{ id: properties.startDate, value: '2027-01-04T00:00:00.000Z' },
					{ id: properties.salary, value: { code: 'GBP', value: 65000 } },
					{ id: properties.workRegion, value: 'us-wa' },
					{ id: properties.remotePercentage, value: 40 },
				],
			});
			expect(write.status).toBe(204);
			const all = await api('GET', path());
			expect(all.body.content).toEqual(
				expect.arrayContaining([
					expect.objectContaining({
						id: properties.employmentType,
						type: 'SINGLE_SELECT',
						value: propertyValues.contractor,
						valueLabel: 'Contractor',
					}),
					expect.objectContaining({
						id: properties.salary,
						label: 'Salary',
						type: 'CURRENCY',
						value: { code: 'GBP', value: 65000 },
					}),
				]),
			);
			const hireForm = await api('GET', path(), { query: { context: 'HIRE_FORM' } });
			expect(
				hireForm.body.content.map((property: { label: string }) => property.label).sort(),
			).toEqual(['Employment type', 'Salary', 'Start date']);
		});

		it('validates values per type with the documented codes, all-or-nothing', async () => {
			const { properties, users } = sim.seed;
			const code = async (id: string, value: unknown) =>
				(await api('PUT', path(), { body: [{ id, value }] })).body.errors?.[0]?.code;
			expect(await code(properties.employmentType, 'not-a-value-id')).toBe('VALUE_NOT_FOUND');
			expect(await code(properties.countryOfResidence, 'US')).toBe('COUNTRY_NOT_FOUND');
			expect(await code(properties.workRegion, 'zz-xx')).toBe('REGION_NOT_FOUND');
			expect(await code(properties.salary, { code: 'ABC', value: 1 })).toBe('CURRENCY_NOT_FOUND');
			expect(await code(properties.salary, 72000)).toBe('INVALID_PROPERTY_VALUE');
			expect(await code(properties.startDate, '01/12/2026')).toBe('INVALID_PROPERTY_VALUE');
			expect(await code(properties.referrer, 'ffffffffffffffffffffffff')).toBe('USER_NOT_FOUND');
			expect(await code(properties.willingToRelocate, 'yes')).toBe('INVALID_PROPERTY_VALUE');
			expect(await code(properties.outreachSequence, 'bad\u0007text')).toBe('INVALID_TEXT_FORMAT');
			expect(await code('00000000-0000-4000-8000-00000000dead', 'x')).toBe('PROPERTY_NOT_FOUND');
			const batch = await api('PUT', path(), {
				body: [
					{ id: properties.referrer, value: users.recruiter },
					{ id: properties.countryOfResidence, value: 'XX' },
				],
			});
			expect(batch.status).toBe(400);
			expect((await api('GET', path())).body).toEqual({});
			const duplicate = await api('PUT', path(), {
				body: [{ id: properties.referrer, value: users.recruiter }, { id: properties.referrer }],
			});
			expect(duplicate.body.errors[0].code).toBe('DUPLICATE_PROPERTIES');
		});

		it('resets a value when the item has no value', async () => {
			const { candidates, jobs, properties } = sim.seed;
			const john = `/candidates/${candidates.john}/jobs/${jobs.dataAnalyst}/properties`;
			expect((await api('PUT', john, { body: [{ id: properties.salary }] })).status).toBe(204);
			expect(
				(await api('GET', john)).body.content
					.map((property: { label: string }) => property.label)
					.sort(),
			).toEqual(['Cost center', 'Employment type', 'Start date']);
		});
	});

	describe('attachments, offers, notes, reviews, interviews, jobs, users', () => {
		it('stores multipart attachments and refuses missing files, bad extensions and duplicates', async () => {
			const path = `/candidates/${sim.seed.candidates.jane}/jobs/${sim.seed.jobs.backendEngineer}/attachments`;
			const upload = (name: string | undefined, type = 'RESUME') => {
				const form = new FormData();
				form.append('attachmentType', type);
				if (name) form.append('file', new Blob(['content'], { type: 'application/pdf' }), name);
				return api('POST', path, { form });
			};
			const created = await upload('cv.pdf');
			expect(created.status).toBe(201);
			expect(created.body).toMatchObject({
				name: 'cv.pdf',
				type: 'RESUME',
				contentType: 'application/pdf',
			});
			expect((await upload('cv.pdf')).body.errors[0].code).toBe('FILE_ALREADY_EXIST');
			expect((await upload('cv.exe')).body.errors[0].code).toBe('INVALID_FILE');
			expect((await upload(undefined)).body.errors[0].code).toBe('INVALID_FILE');
			expect((await upload('x.pdf', 'PHOTO')).status).toBe(400);
			expect((await api('GET', path)).body).toMatchObject({
				totalFound: 1,
				content: [{ name: 'cv.pdf' }],
			});
		});

		it('serves the hired candidate offer with start date and salary properties', async () => {
			const { candidates, jobs, offers } = sim.seed;
			const list = await api(
				'GET',
				`/candidates/${candidates.john}/jobs/${jobs.dataAnalyst}/offers`,
			);
			expect(list.body).toMatchObject({
				totalFound: 1,
				content: [{ id: offers.johnDataAnalyst, status: 'ACCEPTED' }],
			});
			expect(list.body.content[0].properties).toMatchObject({
				startDate: '2026-08-01',
				salary: '72000',
				currency: 'EUR',
			});
			expect(
				(await api('GET', `/candidates/${candidates.john}/jobs/${jobs.dataAnalyst}`)).body,
			).toMatchObject({ status: 'HIRED', startsOn: '2026-08-01T00:00:00.000Z' });
		});

		it('serves screening answers and onboarding status (settable, searchable) for the hire recipe', async () => {
			const { candidates, jobs, emails } = sim.seed;
			const answers = await api(
				'GET',
				`/candidates/${candidates.jane}/jobs/${jobs.backendEngineer}/screening-answers`,
			);
			expect(answers.body).toMatchObject({
				totalFound: 2,
				content: [
					{ category: 'workPermit', records: [{ fields: [{ values: [{ label: 'Yes' }] }] }] },
					{},
				],
			});
			const john = `/candidates/${candidates.john}/jobs/${jobs.dataAnalyst}/onboardingStatus`;
			expect((await api('GET', john)).body).toEqual({ onboardingStatus: 'READY_TO_ONBOARD' });
			expect(
				(await api('PUT', john, { body: { onboardingStatus: 'ONBOARDING_SUCCESSFUL' } })).status,
			).toBe(204);
			const found = await api('GET', '/candidates', {
				query: { onboardingStatus: 'ONBOARDING_SUCCESSFUL' },
			});
			expect(found.body.content.map((candidate: { email: string }) => candidate.email)).toEqual([
				emails.john,
			]);
			expect((await api('PUT', john, { body: { onboardingStatus: 'DONE' } })).status).toBe(400);
			const offerProperties = await api('GET', '/configuration/offer-properties');
			expect(
				offerProperties.body.categories.flatMap(
					(category: { properties: Array<{ key: string }> }) =>
						category.properties.map((p) => p.key),
				),
			).toEqual(expect.arrayContaining(['startDate', 'salary']));
		});

		it('shares notes tagged with a candidate and enforces visibility rules', async () => {
			const { candidates, users } = sim.seed;
			const content = `Replied: interested #[CANDIDATE:${candidates.jane}]`;
			const code = async (body: object) =>
				(await api('POST', '/messages/shares', { body })).body.errors?.[0]?.code;
			expect(await code({ content, shareWith: { openNote: true, everyone: true } })).toBe(
				'INVALID_VISIBILITY_OPTIONS',
			);
			expect(await code({ content: '#[CANDIDATE:00000000-0000-4000-8000-000000000000]' })).toBe(
				'NO_ACCESS_TO_CANDIDATE',
			);
			expect(await code({ content, shareWith: { users: ['ffffffffffffffffffffffff'] } })).toBe(
				'SHARED_WITH_USERS_NOT_FOUND',
			);
			expect(await code({ content: `${content} @[USER:ffffffffffffffffffffffff]` })).toBe(
				'MENTIONED_USERS_NOT_FOUND',
			);
			expect(
				(await api('POST', '/messages/shares', { body: { content: 'x'.repeat(10001) } })).status,
			).toBe(400);
			const unshared = await api('POST', '/messages/shares', { body: { content } });
			expect(unshared.body).toEqual({ id: expect.any(String), shareRequired: true });
			const open = await api('POST', '/messages/shares', {
				body: { content, shareWith: { openNote: true, users: [users.recruiter] } },
			});
			expect(open.status).toBe(201);
			expect(open.body.shareRequired).toBe(false);
			const listed = await api('GET', '/messages', { query: { candidateId: candidates.jane } });
			expect(listed.body).toHaveLength(2);
			expect(listed.body[0]).toMatchObject({
				content,
				authorId: users.admin,
				context: { applications: [{ jobId: sim.seed.jobs.backendEngineer }] },
			});
		});

		it('serves reviews and interviews of an application', async () => {
			const { candidates, jobs, applications, reviews, interviews } = sim.seed;
			const list = await api('GET', '/reviews-api/v201910/reviews', {
				query: { candidateId: candidates.jane, jobId: jobs.backendEngineer },
			});
			expect(list.body).toEqual([
				expect.objectContaining({ id: reviews.janeBackendEngineer, overallRating: 4 }),
			]);
			const byApplication = await api('GET', '/interviews-api/v201904/interviews', {
				query: { applicationId: applications.janeBackendEngineer },
			});
			expect(byApplication.body.content).toEqual([
				expect.objectContaining({
					id: interviews.janeBackendEngineer,
					jobId: jobs.backendEngineer,
				}),
			]);
			expect(byApplication.body.content[0].applicationId).toBeUndefined();
			expect(
				(
					await api('GET', '/interviews-api/v201904/interviews', {
						query: { applicationId: 'not-a-uuid' },
					})
				).status,
			).toBe(400);
		});

		it('filters jobs by status and posting status and lists the hiring team', async () => {
			const titles = async (query: Record<string, string>) =>
				(await api('GET', '/jobs', { query })).body.content
					.map((job: { title: string }) => job.title)
					.sort();
			expect(await titles({ status: 'SOURCING' })).toEqual([
				'Product Designer',
				'Senior Backend Engineer',
			]);
			expect(await titles({ status: 'FILLED' })).toEqual(['Data Analyst']);
			expect(await titles({ status: 'ON_HOLD' })).toEqual(['Sales Lead']);
			expect(await titles({ postingStatus: 'NOT_PUBLISHED' })).toEqual([
				'Data Analyst',
				'Marketing Intern',
				'Office Manager',
			]);
			expect(await titles({ q: 'backend engineer' })).toEqual(['Senior Backend Engineer']);
			const team = await api('GET', `/jobs/${sim.seed.jobs.backendEngineer}/hiring-team`);
			expect(team.body.content.map((member: { role: string }) => member.role)).toEqual([
				'RECRUITER',
				'HIRING_MANAGER',
				'INTERVIEW_TEAM',
			]);
		});

		it('serves users at /user-api/v201804 with /me as the API key user', async () => {
			expect((await api('GET', '/user-api/v201804/users/me')).body).toMatchObject({
				id: sim.seed.users.admin,
				role: 'ADMINISTRATOR',
			});
			expect(
				(await api('GET', '/user-api/v201804/users', { query: { q: 'hank' } })).body,
			).toMatchObject({ totalFound: 1, content: [{ lastName: 'Manager' }] });
			expect((await api('GET', '/users/me')).status).toBe(404);
		});
	});
});

describe('SmartRecruiters simulator — rate limits', () => {
	it('limits requests per second per endpoint and per credential, with X-RateLimit headers', async () => {
		const sim = await startSmartRecruitersSimulator({
			rateLimit: { ratePerSecond: 5, maxConcurrent: 50, candidatesListConcurrent: 1 },
		});
		const api = client(sim);
		try {
			const jobPath = `/jobs/${sim.seed.jobs.backendEngineer}`;
			const burst = await Promise.all(Array.from({ length: 8 }, () => api('GET', jobPath)));
			expect(burst.filter((response) => response.status === 429)).toHaveLength(3);
			const limited = burst.find((response) => response.status === 429)!;
			expect(limited.body).toEqual({
				message: expect.stringContaining('Rate limit exceeded'),
				errors: [{ code: 'TOO_MANY_REQUESTS', message: expect.any(String) }],
			});
			expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
			const ok = burst.find((response) => response.status === 200)!;
			expect(ok.headers.get('x-ratelimit-limit')).toBe('5');
			expect(ok.headers.get('x-ratelimit-concurrent-limit')).toBe('50');
			expect(sim.rateLimited).toBe(3);
			// Another endpoint has its own budget; so does another credential.
			expect((await api('GET', '/jobs')).status).toBe(200);
			const form = new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: sim.oauthClient.clientId,
				client_secret: sim.oauthClient.clientSecret,
			});
			const token = (await api('POST', '/identity/oauth/token', { apiKey: null, form })).body
				.access_token as string;
			expect((await api('GET', jobPath, { bearer: token })).status).toBe(200);
			expect(sim.contractViolations).toEqual([]);
		} finally {
			await sim.close();
		}
	});

	it('allows one GET /candidates at a time per credential and caps concurrent requests', async () => {
		const sim = await startSmartRecruitersSimulator({ candidatesSearchLatencyMs: 150 });
		const api = client(sim);
		try {
			const searches = await Promise.all([
				api('GET', '/candidates'),
				api('GET', '/candidates'),
				api('GET', '/candidates'),
			]);
			const statuses = searches.map((response) => response.status).sort();
			expect(statuses[0]).toBe(200);
			expect(statuses).toContain(429);
			expect(searches[0].headers.get('x-ratelimit-concurrent-limit')).toBe('1');
			expect(sim.contractViolations).toEqual([]);
		} finally {
			await sim.close();
		}
		const narrow = await startSmartRecruitersSimulator({
			candidatesSearchLatencyMs: 150,
			rateLimit: { ratePerSecond: 100, maxConcurrent: 2, candidatesListConcurrent: 10 },
		});
		try {
			const parallel = await Promise.all(
				Array.from({ length: 4 }, () => client(narrow)('GET', '/candidates')),
			);
			expect(parallel.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(
				1,
			);
			expect(parallel.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(
				1,
			);
		} finally {
			await narrow.close();
		}
	});
});
