/**
 * Every operation of the SmartRecruiters node, run through n8n's engine against the simulator, each checked
 * against the simulator's state afterwards. The simulator validates every request and response against the
 * vendor's OpenAPI spec; the last tests assert no contract violation and that no operation of the node was skipped.
 */
import type { IDataObject, INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import { createEngine, PACKAGE_NAME } from '../harness';
import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { describedOperations, OPERATIONS_BY_FILE } from './coverage';
import { apiKeyCredentials, byId, runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;
const exercised = new Set<string>();

beforeAll(async () => {
	sim = await startSmartRecruitersSimulator();
});

afterAll(async () => {
	await sim.close();
});

/** Runs one operation and records it as exercised (only when it succeeded). */
async function run(
	resource: string,
	operation: string,
	parameters: INodeParameters,
	input?: IDataObject[] | Array<{ json: IDataObject; binary?: IDataObject }>,
) {
	const result = await runSmartRecruiters(
		sim,
		{ resource, operation, ...parameters },
		input ? { input: input as IDataObject[] } : {},
	);
	if (result.error) throw result.error;
	exercised.add(`${resource}:${operation}`);
	return result.json;
}

describe('SmartRecruiters node operations (engine → simulator)', () => {
	it('candidate get returns the profile', async () => {
		const [jane] = await run('candidate', 'get', { candidate: byId(sim.seed.candidates.jane) });
		expect(jane).toMatchObject({
			id: sim.seed.candidates.jane,
			email: sim.seed.emails.jane,
			firstName: 'Jane',
		});
	});

	it('candidate search by email matches exactly and ignores case; keyword search pages through everything', async () => {
		const byEmail = await run('candidate', 'search', {
			searchBy: 'email',
			email: 'JANE.Doe@Example.com',
		});
		expect(byEmail.map((c) => c.id)).toEqual([sim.seed.candidates.jane]);
		const q = sim.requests
			.filter((r) => r.method === 'GET' && r.path === '/candidates')
			.map((r) => r.query?.q);
		expect(q).toContain('"jane.doe@example.com"');

		const byKeyword = await run('candidate', 'search', {
			searchBy: 'keyword',
			keyword: '',
			returnAll: true,
		});
		const withApplications = new Set(sim.state.applications.map((a) => a.candidateId));
		expect(new Set(byKeyword.map((c) => c.id))).toEqual(withApplications);
	});

	it('candidate create in the talent pool and on a job, with source details', async () => {
		const [pooled] = await run('candidate', 'create', {
			addTo: 'talentPool',
			firstName: 'Pia',
			lastName: 'Pool',
			email: 'pia.pool@example.com',
			additionalFields: {
				tags: 'sourced, q3',
				linkedin: 'https://www.linkedin.com/in/piapool',
				city: 'Hamburg',
				countryCode: 'DE',
			},
		});
		const stored = sim.state.candidates.find((c) => c.id === pooled.id)!;
		expect(stored).toMatchObject({
			email: 'pia.pool@example.com',
			tags: ['sourced', 'q3'],
			web: { linkedin: 'https://www.linkedin.com/in/piapool' },
		});
		expect(sim.state.applications.filter((a) => a.candidateId === pooled.id)).toEqual([]);

		const { types, subTypes, values } = sim.seed.sources;
		const [applied] = await run('candidate', 'create', {
			addTo: 'job',
			job: byId(sim.seed.jobs.productDesigner),
			firstName: 'Otto',
			lastName: 'Outreach',
			email: 'otto@example.com',
			sourceTypeId: types.custom,
			sourceSubTypeId: subTypes.custom,
			sourceId: values.sourceWhale,
		});
		const application = sim.state.applications.find((a) => a.candidateId === applied.id)!;
		expect(application.jobId).toBe(sim.seed.jobs.productDesigner);
		expect(application.source).toMatchObject({
			sourceTypeId: types.custom,
			sourceId: values.sourceWhale,
		});
	});

	it('candidate update patches personal details', async () => {
		await run('candidate', 'update', {
			candidate: byId(sim.seed.candidates.john),
			updateFields: { phoneNumber: '+49 40 555', website: 'https://john.example.com' },
		});
		const john = sim.state.candidates.find((c) => c.id === sim.seed.candidates.john)!;
		expect(john.phoneNumber).toBe('+49 40 555');
		expect(john.web?.website).toBe('https://john.example.com');
		expect(john.email).toBe(sim.seed.emails.john);
	});

	it('candidate upsert creates, then updates without a duplicate', async () => {
		const parameters = {
			profileInput: 'json',
			candidateProfile: {
				email: 'Upsert.Me@example.com',
				firstName: 'Ursula',
				lastName: 'Upsert',
				tags: ['new'],
			},
			job: byId(sim.seed.jobs.productDesigner),
		};
		const [created] = await run('candidate', 'upsert', parameters);
		expect(created).toMatchObject({ action: 'created', jobApplication: 'created' });
		const [again] = await run('candidate', 'upsert', parameters);
		expect(again).toMatchObject({ action: 'unchanged', candidateId: created.candidateId });
		expect(
			sim.state.candidates.filter((c) => c.email.toLowerCase() === 'upsert.me@example.com'),
		).toHaveLength(1);
	});

	it('candidate set status validates the sub-status against the job and writes it', async () => {
		const [application] = await run('candidate', 'setStatus', {
			candidate: byId(sim.seed.candidates.maria),
			job: byId(sim.seed.jobs.productDesigner),
			status: 'IN_REVIEW',
			subStatus: 'Screening call',
		});
		expect(application).toMatchObject({ status: 'IN_REVIEW', subStatus: 'Screening call' });
		const stored = sim.state.applications.find(
			(a) => a.id === sim.seed.applications.mariaProductDesigner,
		)!;
		expect(stored).toMatchObject({ status: 'IN_REVIEW', subStatus: 'Screening call' });

		await run('candidate', 'setStatus', {
			candidate: byId(sim.seed.candidates.maria),
			job: byId(sim.seed.jobs.productDesigner),
			status: 'REJECTED',
			reason: sim.seed.rejectionReasons.notQualified,
		});
		expect(
			sim.state.applications.find((a) => a.id === sim.seed.applications.mariaProductDesigner)!
				.status,
		).toBe('REJECTED');
	});

	it('candidate tags: add, remove, replace', async () => {
		const candidate = byId(sim.seed.candidates.jane);
		const tagsOf = () => sim.state.candidates.find((c) => c.id === sim.seed.candidates.jane)!.tags;
		await run('candidate', 'updateTags', { candidate, mode: 'add', tags: 'sourcewhale, replied' });
		expect(tagsOf()).toEqual(['backend', 'berlin', 'sourcewhale', 'replied']);
		await run('candidate', 'updateTags', { candidate, mode: 'remove', tags: 'BERLIN' });
		expect(tagsOf()).toEqual(['backend', 'sourcewhale', 'replied']);
		const [result] = await run('candidate', 'updateTags', {
			candidate,
			mode: 'replace',
			tags: 'only-this',
		});
		expect(tagsOf()).toEqual(['only-this']);
		expect(result.tags).toEqual(['only-this']);
	});

	it('candidate set source', async () => {
		const { types, subTypes, values } = sim.seed.sources;
		await run('candidate', 'setSource', {
			candidate: byId(sim.seed.candidates.jane),
			job: byId(sim.seed.jobs.backendEngineer),
			sourceTypeId: types.jobBoards,
			sourceSubTypeId: subTypes.jobBoardsGeneral,
			sourceId: values.indeed,
		});
		expect(
			sim.state.applications.find((a) => a.id === sim.seed.applications.janeBackendEngineer)!.source
				.sourceId,
		).toBe(values.indeed);
	});

	it('candidate set properties converts labels and types', async () => {
		const { properties, propertyValues } = sim.seed;
		await run('candidate', 'setProperties', {
			candidate: byId(sim.seed.candidates.jane),
			job: byId(sim.seed.jobs.backendEngineer),
			properties: {
				property: [
					{ id: properties.employmentType, value: 'Part-time' },
					{ id: properties.willingToRelocate, value: 'true' },
					{ id: properties.yearsOfExperience, value: '7' },
					{ id: properties.countryOfResidence, value: 'DE' },
				],
			},
		});
		const stored = sim.state.applications.find(
			(a) => a.id === sim.seed.applications.janeBackendEngineer,
		)!.properties;
		expect(stored).toMatchObject({
			[properties.employmentType]: propertyValues.partTime,
			[properties.willingToRelocate]: true,
			[properties.yearsOfExperience]: 7,
			[properties.countryOfResidence]: 'de',
		});
	});

	it('candidate upload attachment sends the binary as multipart', async () => {
		const pdf = Buffer.from('%PDF-1.4 resume of Jane');
		const [uploaded] = await run(
			'candidate',
			'uploadAttachment',
			{
				candidate: byId(sim.seed.candidates.jane),
				job: byId(sim.seed.jobs.backendEngineer),
				attachmentType: 'RESUME',
				binaryPropertyName: 'data',
			},
			[
				{
					json: {},
					binary: {
						data: {
							data: pdf.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'jane.pdf',
						},
					},
				},
			],
		);
		const attachments = sim.state.applications.find(
			(a) => a.id === sim.seed.applications.janeBackendEngineer,
		)!.attachments;
		expect(attachments).toEqual([expect.objectContaining({ name: 'jane.pdf', type: 'RESUME' })]);
		expect(Buffer.from(attachments[0].content).toString()).toBe(pdf.toString());
		expect(uploaded).toMatchObject({ id: attachments[0].id, name: 'jane.pdf', type: 'RESUME' });
	});

	it('candidate applications and status history', async () => {
		const applications = await run('candidate', 'getApplications', {
			candidate: byId(sim.seed.candidates.maria),
		});
		expect(applications.map((a) => a.jobId).sort()).toEqual(
			[sim.seed.jobs.backendEngineer, sim.seed.jobs.productDesigner].sort(),
		);
		const history = await run('candidate', 'getStatusHistory', {
			candidate: byId(sim.seed.candidates.john),
			job: byId(sim.seed.jobs.dataAnalyst),
		});
		expect(history.map((h) => h.status)).toEqual([
			'NEW',
			'IN_REVIEW',
			'INTERVIEW',
			'OFFERED',
			'HIRED',
		]);
	});

	it('job get, get many with a status whitelist, hiring team', async () => {
		const [job] = await run('job', 'get', { job: byId(sim.seed.jobs.backendEngineer) });
		expect(job).toMatchObject({
			id: sim.seed.jobs.backendEngineer,
			title: 'Senior Backend Engineer',
		});
		const jobs = await run('job', 'getMany', {
			returnAll: true,
			filters: { statuses: ['SOURCING', 'ON_HOLD'] },
		});
		const expected = sim.state.jobs
			.filter((j) => ['SOURCING', 'ON_HOLD'].includes(j.status))
			.map((j) => j.id);
		expect(jobs.map((j) => j.id).sort()).toEqual(expected.sort());
		const limited = await run('job', 'getMany', { returnAll: false, limit: 2 });
		expect(limited).toHaveLength(2);
		const team = await run('job', 'getHiringTeam', { job: byId(sim.seed.jobs.backendEngineer) });
		expect(team.map((m) => m.role).sort()).toEqual([
			'HIRING_MANAGER',
			'INTERVIEW_TEAM',
			'RECRUITER',
		]);
	});

	it('note create tags the candidate and shares it as chosen', async () => {
		await run('note', 'create', {
			candidate: byId(sim.seed.candidates.jane),
			note: 'Replied to outreach',
			shareWith: 'hiringTeam',
			hiringTeamJobId: sim.seed.jobs.backendEngineer,
		});
		const note = sim.state.notes[sim.state.notes.length - 1];
		expect(note.content).toBe(`#[CANDIDATE:${sim.seed.candidates.jane}] Replied to outreach`);
		expect(note.shareWith).toMatchObject({ hiringTeamOf: [sim.seed.jobs.backendEngineer] });
	});

	it('reviews, interviews and offers', async () => {
		const reviews = await run('review', 'getMany', {
			candidate: byId(sim.seed.candidates.jane),
			job: byId(sim.seed.jobs.backendEngineer),
		});
		expect(reviews.map((r) => r.id)).toEqual([sim.seed.reviews.janeBackendEngineer]);
		const [review] = await run('review', 'get', { reviewId: sim.seed.reviews.janeBackendEngineer });
		expect(review.overallRating).toBe(4);

		const interviews = await run('interview', 'getMany', {
			applicationId: sim.seed.applications.janeBackendEngineer,
		});
		expect(interviews.map((i) => i.id)).toEqual([sim.seed.interviews.janeBackendEngineer]);
		const [interview] = await run('interview', 'get', {
			interviewId: sim.seed.interviews.janeBackendEngineer,
		});
		expect(interview.jobId).toBe(sim.seed.jobs.backendEngineer);

		const offers = await run('offer', 'getMany', {
			candidate: byId(sim.seed.candidates.john),
			job: byId(sim.seed.jobs.dataAnalyst),
		});
		expect(offers.map((o) => o.id)).toEqual([sim.seed.offers.johnDataAnalyst]);
		const [offer] = await run('offer', 'get', {
			candidate: byId(sim.seed.candidates.john),
			job: byId(sim.seed.jobs.dataAnalyst),
			offerId: sim.seed.offers.johnDataAnalyst,
		});
		expect(offer.status).toBe('ACCEPTED');
	});

	it("set status refuses a sub-status outside the job's hiring process and a reason for a status without reasons", async () => {
		const base = {
			resource: 'candidate',
			operation: 'setStatus',
			candidate: byId(sim.seed.candidates.jane),
			job: byId(sim.seed.jobs.backendEngineer),
		};
		const requestsBefore = sim.requests.filter((r) => r.method === 'PUT').length;
		const badSubStatus = await runSmartRecruiters(sim, {
			...base,
			status: 'INTERVIEW',
			subStatus: 'Coffee chat',
		});
		expect(badSubStatus.error?.message).toMatch(
			/^"Sub-Status" "Coffee chat" is not a INTERVIEW sub-status of the job's hiring process \(allowed: /,
		);
		const badReason = await runSmartRecruiters(sim, {
			...base,
			status: 'IN_REVIEW',
			reason: sim.seed.rejectionReasons.noShow,
		});
		expect(badReason.error?.message).toBe(
			`"Reason" only applies to Rejected and Withdrawn, not to IN_REVIEW (candidate ${sim.seed.candidates.jane})`,
		);
		// The vendor's own rule (this process requires a sub-status for INTERVIEW) comes back with its code.
		const omitted = await runSmartRecruiters(sim, { ...base, status: 'INTERVIEW' });
		expect(omitted.error?.message).toMatch(/REQUIRED_SUB_STATUS_OMITTED/);
		expect(sim.requests.filter((r) => r.method === 'PUT').length).toBe(requestsBefore + 1);
	});

	it('keeps item pairing and reports a failing item with continue-on-fail', async () => {
		const result = await runSmartRecruiters(
			sim,
			{
				resource: 'candidate',
				operation: 'get',
				candidate: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			{
				input: [
					{ id: sim.seed.candidates.jane },
					{ id: '00000000-0000-4000-8000-000000000000' },
					{ id: sim.seed.candidates.john },
				],
				continueOnFail: true,
			},
		);
		const items = result.outputs[0];
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.id).toBe(sim.seed.candidates.jane);
		expect(items[1].json.error).toBe(
			'SmartRecruiters could not find the "Candidate" given (404 CANDIDATE_NOT_FOUND: Candidate 00000000-0000-4000-8000-000000000000 not found)',
		);
		expect(items[2].json.id).toBe(sim.seed.candidates.john);
	});

	it('load options and list searches read the configuration', async () => {
		const engine = createEngine(apiKeyCredentials(sim));
		const node = new SmartRecruiters();
		const context = (parameters: INodeParameters) => {
			const workflowNode = {
				id: 'n',
				name: 'SmartRecruiters',
				type: `${PACKAGE_NAME}.smartRecruiters`,
				typeVersion: 1,
				position: [0, 0] as [number, number],
				parameters: { authentication: 'apiKey', ...parameters },
				credentials: { smartRecruitersApi: { id: 'sr', name: 'sr' } },
			};
			const workflowData = {
				id: 'lo',
				name: 'lo',
				nodes: [workflowNode],
				connections: {},
			} as never;
			return engine.loadOptionsContext(engine.workflow(workflowData), workflowData, workflowNode);
		};
		const { loadOptions, listSearch } = node.methods;
		const names = (options: INodePropertyOptions[]) => options.map((o) => o.name);

		expect(names(await loadOptions.getSourceTypes.call(context({})))).toEqual([
			'API',
			'Custom',
			'Job Boards',
			'Sourcing Tools',
		]);
		expect(
			names(
				await loadOptions.getSourceValues.call(
					context({ sourceTypeId: sim.seed.sources.types.custom }),
				),
			),
		).toEqual(['Outreach', 'SourceWhale']);
		expect(names(await loadOptions.getCandidateProperties.call(context({})))).toContain(
			'Employment type (SINGLE_SELECT)',
		);
		const setStatus = { resource: 'candidate', operation: 'setStatus' };
		// A job's details do not name its hiring process, so the sub-statuses of all active processes are offered.
		const subStatuses = await loadOptions.getSubStatuses.call(
			context({ ...setStatus, status: 'INTERVIEW', job: byId(sim.seed.jobs.backendEngineer) }),
		);
		expect(names(subStatuses)).toEqual([
			'Onsite interview',
			'Phone interview',
			'Technical interview',
		]);
		expect(
			names(
				await loadOptions.getStatusReasons.call(context({ ...setStatus, status: 'WITHDRAWN' })),
			),
		).toEqual(['Accepted another offer', 'Salary expectations']);
		expect(
			await loadOptions.getStatusReasons.call(context({ ...setStatus, status: 'HIRED' })),
		).toEqual([]);

		const jobs = await listSearch.searchJobs.call(context({}), 'Engineer');
		expect(jobs.results.map((r) => r.value)).toEqual([sim.seed.jobs.backendEngineer]);
		const candidates = await listSearch.searchCandidates.call(context({}), sim.seed.emails.maria);
		expect(candidates.results).toEqual([
			{ name: `Maria Garcia <${sim.seed.emails.maria}>`, value: sim.seed.candidates.maria },
		]);
	});

	it('Return All follows nextPageId across pages (jobs with sort=job_id, candidates)', async () => {
		// Enough records for a second page of 100, added straight to the simulator's state.
		const template = sim.state.jobs.find((j) => j.id === sim.seed.jobs.marketingIntern)!;
		const extraJobs = Array.from({ length: 105 }, (_, n) => ({
			...structuredClone(template),
			id: `0b000000-0000-4000-8000-1${String(n).padStart(11, '0')}`,
			title: `Bulk role ${n}`,
			refNumber: `BULK-${n}`,
		}));
		sim.state.jobs.push(...extraJobs);
		const allJobs = await run('job', 'getMany', { returnAll: true });
		expect(allJobs).toHaveLength(sim.state.jobs.length);
		const jobPages = sim.requests.filter(
			(r) =>
				r.method === 'GET' &&
				r.path === '/jobs' &&
				r.query.sort === 'job_id' &&
				r.query.pageId !== undefined,
		);
		expect(jobPages.length).toBeGreaterThanOrEqual(1);
		expect(jobPages.every((r) => r.status === 200)).toBe(true);

		const application = sim.state.applications.find(
			(a) => a.id === sim.seed.applications.mariaBackendEngineer,
		)!;
		for (let n = 0; n < 105; n++) {
			const id = `ca000000-0000-4000-8000-1${String(n).padStart(11, '0')}`;
			sim.state.candidates.push({
				...structuredClone(sim.state.candidates.find((c) => c.id === sim.seed.candidates.maria)!),
				id,
				email: `bulk${n}@example.com`,
				lastName: `Bulk${n}`,
			});
			sim.state.applications.push({
				...structuredClone(application),
				id: `a0000000-0000-4000-8000-1${String(n).padStart(11, '0')}`,
				candidateId: id,
			});
		}
		const bulk = await run('candidate', 'search', {
			searchBy: 'keyword',
			keyword: '',
			returnAll: true,
			filters: { jobIds: sim.seed.jobs.backendEngineer },
		});
		expect(bulk.filter((c) => String(c.email).startsWith('bulk'))).toHaveLength(105);
		const limited = await run('candidate', 'search', {
			searchBy: 'keyword',
			keyword: '',
			returnAll: false,
			limit: 102,
			filters: { jobIds: sim.seed.jobs.backendEngineer },
		});
		expect(limited).toHaveLength(102);
	});

	it('every operation the node describes was exercised above or is owned by another test file (coverage.ts)', () => {
		const elsewhere = Object.values(OPERATIONS_BY_FILE).flat();
		expect(
			describedOperations().filter(
				(operation) => !exercised.has(operation) && !elsewhere.includes(operation),
			),
		).toEqual([]);
		// No file owns an operation the node no longer has, or one this file runs.
		expect(
			elsewhere.filter(
				(operation) => !describedOperations().includes(operation) || exercised.has(operation),
			),
		).toEqual([]);
	});

	it('no request or response broke the vendor contract', () => {
		expect(sim.contractViolations).toEqual([]);
	});
});
