/**
 * Interview → Create / Update / Delete and Review → Create through n8n's engine against the simulator (Interviews
 * API /interviews-api/v201904, Reviews API /reviews-api/v201910): what SmartRecruiters stores, rerun-safe creates,
 * and errors that name the field with SmartRecruiters' own message.
 */
import type { SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { byId, nodeTestFile, runSmartRecruiters } from './helpers';

const kit = nodeTestFile('interviews.test.ts');
const { json, failure } = kit;
const S = () => kit.seed;
let sim: SmartRecruitersSimulator;
beforeAll(() => {
	sim = kit.sim;
});
const interviewOf = (id: unknown) => sim.state.interviews.find((interview) => interview.id === id);

describe('Interview → Create', () => {
	const schedule = () => ({
		candidate: byId(S().candidates.maria),
		job: byId(S().jobs.productDesigner),
		organizer: byId(S().users.recruiter),
		timeslots: {
			timeslot: [
				{
					startsOn: '2026-10-05T09:00:00.000Z',
					endsOn: '2026-10-05T10:00:00.000Z',
					interviewers: `${S().users.hiringManager}, ${S().users.interviewer}`,
					title: 'Portfolio review',
					interviewType: 'Video',
					place: 'https://meet.example/abc',
				},
				{
					startsOn: '2026-10-06T09:00:00.000Z',
					endsOn: '2026-10-06T09:30:00.000Z',
					interviewers: S().users.hiringManager,
				},
			],
		},
		additionalFields: { location: 'Remote', timezone: 'Europe/London' },
	});

	it('schedules an interview with its time slots and interviewers (pending until they answer)', async () => {
		const [created] = await json('interview', 'create', schedule());
		const stored = interviewOf(created.id)!;
		expect(stored).toMatchObject({
			applicationId: S().applications.mariaProductDesigner,
			organizerId: S().users.recruiter,
			timezone: 'Europe/London',
			location: 'Remote',
		});
		expect(
			stored.timeslots.map((slot) => [
				slot.title,
				slot.interviewers.map((interviewer) => interviewer.status),
			]),
		).toEqual([
			['Portfolio review', ['pending', 'pending']],
			[undefined, ['pending']],
		]);
		const listed = await runSmartRecruiters(sim, {
			resource: 'interview',
			operation: 'getMany',
			applicationId: S().applications.mariaProductDesigner,
			returnAll: true,
		});
		expect(listed.json.map((interview) => interview.id)).toEqual([created.id]);
	});

	it("without a time zone, takes the workflow's (here n8n's default, GENERIC_TIMEZONE)", async () => {
		const [created] = await json('interview', 'create', { ...schedule(), additionalFields: {} });
		expect(interviewOf(created.id)!.timezone).toBe(
			process.env.GENERIC_TIMEZONE || 'America/New_York',
		);
	});

	it("a create whose response is lost is found among the application's interviews, not sent again", async () => {
		const before = sim.state.interviews.length;
		sim.setFaults({ seed: 11, rateLostCreate: 1 });
		try {
			const slot = {
				startsOn: '2026-11-02T15:00:00.000Z',
				endsOn: '2026-11-02T16:00:00.000Z',
				interviewers: S().users.hiringManager,
			};
			const [created] = await json('interview', 'create', {
				...schedule(),
				timeslots: { timeslot: [slot] },
			});
			expect(created.timeslots).toEqual([expect.objectContaining({ startsOn: slot.startsOn })]);
		} finally {
			sim.setFaults(undefined);
		}
		expect(sim.state.interviews.length).toBe(before + 1);
	});

	it("refusals name the field: SmartRecruiters' codes, and bad slots before anything is sent", async () => {
		expect(
			await failure('interview', 'create', { ...schedule(), candidate: byId(S().candidates.tom) }),
		).toBe(
			`SmartRecruiters rejected the "Job" field (422 APPLICATION_NOT_FOUND: Candidate ${S().candidates.tom} has no application on job ${S().jobs.productDesigner})`,
		);
		expect(
			await failure('interview', 'create', {
				...schedule(),
				organizer: byId('ffffffffffffffffffffffff'),
			}),
		).toBe(
			`SmartRecruiters rejected the "Organizer" field (422 NON_EXISTING_ORGANIZER: Organizer ffffffffffffffffffffffff does not exist) (candidate ${S().candidates.maria})`,
		);
		expect(
			await failure('interview', 'create', {
				...schedule(),
				additionalFields: { timezone: 'Europe/Atlantis' },
			}),
		).toBe(
			`SmartRecruiters rejected the "Timezone" field (400 INVALID_TIMEZONE: "Europe/Atlantis" is not a time zone) (candidate ${S().candidates.maria})`,
		);
		const requests = sim.requests.length;
		const badSlot = {
			startsOn: '2026-10-05T10:00:00.000Z',
			endsOn: '2026-10-05T09:00:00.000Z',
			interviewers: S().users.hiringManager,
		};
		expect(
			await failure('interview', 'create', { ...schedule(), timeslots: { timeslot: [badSlot] } }),
		).toBe(
			`"Ends At" (2026-10-05T09:00:00.000Z) must be after "Starts At" (2026-10-05T10:00:00.000Z) (candidate ${S().candidates.maria})`,
		);
		expect(
			await failure('interview', 'create', {
				...schedule(),
				timeslots: {
					timeslot: [{ ...badSlot, endsOn: '2026-10-05T11:00:00.000Z', interviewers: 'hank' }],
				},
			}),
		).toBe(
			`"Interviewer IDs": "hank" is not a SmartRecruiters user ID (24 hexadecimal characters) (candidate ${S().candidates.maria})`,
		);
		expect(await failure('interview', 'create', { ...schedule(), timeslots: {} })).toBe(
			`"Time Slots" is empty: add at least one time slot (candidate ${S().candidates.maria})`,
		);
		expect(sim.requests.length).toBe(requests);
	});
});

describe('Interview → Update and Delete', () => {
	const janeInterview = () => S().interviews.janeBackendEngineer;

	it("changes the details and the candidate's answer, and reschedules the only time slot", async () => {
		const [updated] = await json('interview', 'update', {
			interviewId: janeInterview(),
			updateFields: { location: 'Video call', candidateStatus: 'tentative' },
			timeslot: { startsOn: '2026-09-10T12:00:00.000Z', endsOn: '2026-09-10T13:30:00.000Z' },
		});
		expect(updated).toMatchObject({
			id: janeInterview(),
			location: 'Video call',
			candidate: { status: 'tentative' },
		});
		const [slot] = interviewOf(janeInterview())!.timeslots;
		// What was not given stays: the place, the type and the interviewers with their answers.
		expect(slot).toMatchObject({
			id: S().timeslots.janeOnsite,
			startsOn: '2026-09-10T12:00:00.000Z',
			endsOn: '2026-09-10T13:30:00.000Z',
			place: 'Room 4.01',
			interviewType: 'Onsite',
			candidateStatus: 'tentative',
			interviewers: [
				{ id: S().users.hiringManager, status: 'accepted' },
				{ id: S().users.interviewer, status: 'accepted' },
			],
		});
	});

	it('refusals name the field', async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		expect(
			await failure('interview', 'update', {
				interviewId: missing,
				updateFields: { location: 'x' },
			}),
		).toBe(
			`SmartRecruiters could not find the "Interview ID" given (404 INTERVIEW_NOT_FOUND: Interview ${missing} not found)`,
		);
		expect(
			await failure('interview', 'update', {
				interviewId: janeInterview(),
				timeslot: {
					timeslotId: missing,
					startsOn: '2026-09-10T12:00:00.000Z',
					endsOn: '2026-09-10T13:00:00.000Z',
					interviewers: S().users.hiringManager,
				},
			}),
		).toBe(
			`SmartRecruiters could not find the "Time Slot ID" given (404 TIMESLOT_NOT_FOUND: Time slot ${missing} not found in interview ${janeInterview()})`,
		);
		expect(
			await failure('interview', 'update', {
				interviewId: janeInterview(),
				updateFields: { timezone: 'Nowhere/Else' },
			}),
		).toBe(
			`SmartRecruiters rejected the "Timezone" field (400 INVALID_TIMEZONE: "Nowhere/Else" is not a time zone) (interview ${janeInterview()})`,
		);
		expect(await failure('interview', 'update', { interviewId: janeInterview() })).toBe(
			`"Update Fields" and "Reschedule Time Slot" are empty: add at least one change (interview ${janeInterview()})`,
		);
		expect(await failure('interview', 'delete', { interviewId: missing })).toBe(
			`SmartRecruiters could not find the "Interview ID" given (404 INTERVIEW_NOT_FOUND: Interview ${missing} not found)`,
		);
	});

	it('deletes (cancels) an interview', async () => {
		expect(await json('interview', 'delete', { interviewId: janeInterview() })).toEqual([
			{ id: janeInterview(), deleted: true },
		]);
		expect(interviewOf(janeInterview())).toBeUndefined();
	});
});

describe('Review → Create', () => {
	it("gives a review for the credential's user or a chosen reviewer", async () => {
		const [own] = await json('review', 'create', {
			candidate: byId(S().candidates.maria),
			job: byId(S().jobs.productDesigner),
			overallRating: 4,
			comment: 'Strong portfolio.',
		});
		expect(own).toMatchObject({
			candidateId: S().candidates.maria,
			jobId: S().jobs.productDesigner,
			overallRating: 4,
			comment: 'Strong portfolio.',
			reviewerId: S().users.admin,
		});
		const [theirs] = await json('review', 'create', {
			candidate: byId(S().candidates.maria),
			job: byId(S().jobs.productDesigner),
			overallRating: 2,
			reviewer: byId(S().users.hiringManager),
		});
		expect(theirs).toMatchObject({ reviewerId: S().users.hiringManager, overallRating: 2 });
	});

	it("a create whose response is lost is found among the application's reviews, not sent again", async () => {
		const before = sim.state.reviews.length;
		sim.setFaults({ seed: 13, rateLostCreate: 1 });
		try {
			await json('review', 'create', {
				candidate: byId(S().candidates.maria),
				job: byId(S().jobs.backendEngineer),
				overallRating: 5,
				comment: 'Lost once.',
			});
		} finally {
			sim.setFaults(undefined);
		}
		expect(sim.state.reviews.length).toBe(before + 1);
	});

	it('refusals name the field', async () => {
		expect(
			await failure('review', 'create', {
				candidate: byId(S().candidates.maria),
				job: byId(S().jobs.salesLead),
				overallRating: 3,
			}),
		).toBe(
			`SmartRecruiters rejected the "Job" field (422 APPLICATION_NOT_FOUND: Candidate ${S().candidates.maria} has no application on job ${S().jobs.salesLead})`,
		);
		expect(
			await failure('review', 'create', {
				candidate: byId(S().candidates.maria),
				job: byId(S().jobs.productDesigner),
				overallRating: 3,
				reviewer: byId('ffffffffffffffffffffffff'),
			}),
		).toBe(
			`SmartRecruiters rejected the "Reviewer" field (422 NON_EXISTING_REVIEWER: Reviewer ffffffffffffffffffffffff does not exist) (candidate ${S().candidates.maria})`,
		);
		expect(
			await failure('review', 'create', {
				candidate: byId(S().candidates.maria),
				job: byId(S().jobs.productDesigner),
				overallRating: 6,
			}),
		).toBe(
			`"Rating" must be a whole number from 1 to 5, not 6 (candidate ${S().candidates.maria})`,
		);
	});
});

it('ran every operation this file owns (coverage.ts)', () => {
	expect(kit.missing()).toEqual([]);
});
