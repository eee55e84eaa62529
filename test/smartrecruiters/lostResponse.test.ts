/**
 * Writes SmartRecruiters committed but whose response never arrived (the simulator's fault mode destroys the
 * connection after the commit): the nodes look before they would send the write again, so nothing is added twice
 * and the item succeeds with what is there.
 */
import {
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import { byId, runSmartRecruiters } from './helpers';

let sim: SmartRecruitersSimulator;
beforeAll(async () => {
	sim = await startSmartRecruitersSimulator({ candidatesSearchLatencyMs: 0 });
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	sim.setFaults({ seed: 1, rateLostCreate: 1 });
});
afterEach(() => {
	sim.setFaults(undefined);
	expect(sim.contractViolations).toEqual([]);
});

const posts = () =>
	sim.requests.filter((request) => request.method === 'POST').map((request) => request.path);

it('upsert: a lost create is found by its email, and counts as a new job application', async () => {
	const { json, error } = await runSmartRecruiters(sim, {
		resource: 'candidate',
		operation: 'upsert',
		profileInput: 'fields',
		email: 'lost.create@example.com',
		profileFields: { firstName: 'Lost', lastName: 'Create' },
		job: byId(sim.seed.jobs.backendEngineer),
	});
	expect(error).toBeUndefined();
	expect(sim.faults.lostCreate).toBe(1);
	const created = sim.state.candidates.filter(
		(candidate) => candidate.email === 'lost.create@example.com',
	);
	expect(created).toHaveLength(1);
	// The lost POST is never answered, so never logged: no second one follows.
	expect(posts()).toEqual([]);
	expect(json).toEqual([
		expect.objectContaining({
			action: 'created',
			candidateId: created[0].id,
			jobApplication: 'created',
		}),
	]);
});

it("note: a lost note is found among the candidate's newest notes instead of being added twice", async () => {
	const jane = sim.seed.candidates.jane;
	const before = sim.state.notes.length;
	const { json, error } = await runSmartRecruiters(sim, {
		resource: 'note',
		operation: 'create',
		candidate: byId(jane),
		note: 'Replied to outreach',
	});
	expect(error).toBeUndefined();
	expect(sim.state.notes.slice(before).map((note) => note.content)).toEqual([
		`#[CANDIDATE:${jane}] Replied to outreach`,
	]);
	expect(json).toEqual([
		expect.objectContaining({
			candidateId: jane,
			content: `#[CANDIDATE:${jane}] Replied to outreach`,
			alreadyExisted: true,
		}),
	]);
	expect(posts()).toEqual([]);
});

it('attachment: a lost upload is found on the application, and uploading the same file again is not an error', async () => {
	const parameters = {
		resource: 'candidate',
		operation: 'uploadAttachment',
		candidate: byId(sim.seed.candidates.jane),
		job: byId(sim.seed.jobs.backendEngineer),
		attachmentType: 'RESUME',
		binaryPropertyName: 'data',
	};
	const input = [
		{
			json: {},
			binary: {
				data: {
					data: Buffer.from('%PDF-1.4 cv').toString('base64'),
					mimeType: 'application/pdf',
					fileName: 'jane-cv.pdf',
				},
			},
		},
	];
	const lost = await runSmartRecruiters(sim, parameters, { input: input as never });
	expect(lost.error).toBeUndefined();
	expect(lost.json).toEqual([
		expect.objectContaining({ name: 'jane-cv.pdf', type: 'RESUME', alreadyExisted: true }),
	]);

	sim.setFaults(undefined);
	const again = await runSmartRecruiters(sim, parameters, { input: input as never });
	expect(again.error).toBeUndefined();
	expect(again.json).toEqual([
		expect.objectContaining({ id: lost.json[0].id, alreadyExisted: true }),
	]);
	const application = sim.state.applications.find(
		(candidate) =>
			candidate.candidateId === sim.seed.candidates.jane &&
			candidate.jobId === sim.seed.jobs.backendEngineer,
	)!;
	expect(
		application.attachments.filter((attachment) => attachment.name === 'jane-cv.pdf'),
	).toHaveLength(1);
	// SmartRecruiters refused the second upload with FILE_ALREADY_EXIST; the node answered with the file that is there.
	expect(
		sim.requests.filter((request) => request.method === 'POST').map((request) => request.status),
	).toEqual([400]);
});
