/**
 * A create Lever committed but whose response never arrived (the simulator's fault mode destroys the connection after
 * the commit): Create or Update looks the candidate up before it would send the create again, so there is
 * one opportunity and the item succeeds; the plain Create reports the lost response instead of creating twice.
 */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => {
	sim.reset();
	sim.setFaults({ seed: 1, rateLostCreate: 1 });
});
afterEach(() => sim.setFaults(undefined));

const opportunitiesOf = (email: string) => {
	const contacts = sim.state.contacts
		.filter((contact) => contact.emails.includes(email))
		.map((contact) => contact.id);
	return sim.state.opportunities.filter((opportunity) => contacts.includes(opportunity.contact));
};
const candidate = (operation: 'upsert' | 'create', email: string) => ({
	resource: 'opportunity',
	operation,
	profileInput: 'fields',
	email,
	name: 'Lost Response',
	posting: byId(sim.seed.postings.published),
	performAs: byId(sim.seed.users.recruiter),
});

it('upsert: a create whose response was lost is found by a lookup, not sent again', async () => {
	const { json, error } = await runLever(sim, candidate('upsert', 'lost.upsert@example.com'));
	expect(error).toBeUndefined();
	expect(sim.faults.lostCreate).toBe(1);
	const [opportunity, ...more] = opportunitiesOf('lost.upsert@example.com');
	expect(more).toEqual([]);
	expect(json).toEqual([
		expect.objectContaining({ action: 'created', opportunityId: opportunity.id }),
	]);
	// The lost POST is not in the log (it was never answered): only lookups follow the first one, no second POST.
	expect(apiCalls(sim)).toEqual(['GET /opportunities', 'GET /opportunities', 'GET /opportunities']);
});

it('create: the lost response is reported and the create is not repeated', async () => {
	const { error } = await runLever(sim, candidate('create', 'lost.create@example.com'));
	expect(error?.message).toMatch(/connection to the server was closed unexpectedly/);
	expect(opportunitiesOf('lost.create@example.com')).toHaveLength(1);
	expect(apiCalls(sim)).toEqual(['GET /opportunities']);
});

it('add note: a lost note is found among the notes added since, not added twice', async () => {
	const opportunity = sim.seed.opportunities.adaData;
	const notesBefore = sim.state.notes.filter((note) => note.opportunityId === opportunity).length;
	const { json, error } = await runLever(sim, {
		resource: 'opportunity',
		operation: 'addNote',
		opportunity: byId(opportunity),
		note: 'Replied to outreach',
	});
	expect(error).toBeUndefined();
	expect(sim.faults.lostCreate).toBe(1);
	const notes = sim.state.notes.filter((note) => note.opportunityId === opportunity);
	expect(notes).toHaveLength(notesBefore + 1);
	expect(json).toEqual([
		expect.objectContaining({ noteId: notes[notes.length - 1].id, alreadyExisted: true }),
	]);
	expect(apiCalls(sim)).toEqual([
		`GET /opportunities/${opportunity}/notes`,
		`GET /opportunities/${opportunity}/notes`,
	]);
});

it('upload file: a lost upload is found among the files uploaded since, not attached twice', async () => {
	const opportunity = sim.seed.opportunities.adaData;
	const cv = {
		data: Buffer.from('%PDF-1.4 lost cv').toString('base64'),
		mimeType: 'application/pdf',
		fileName: 'lost-cv.pdf',
	};
	const { json, error } = await runLever(
		sim,
		{
			resource: 'opportunity',
			operation: 'uploadFile',
			opportunity: byId(opportunity),
			binaryPropertyName: 'data',
			performAs: byId(sim.seed.users.recruiter),
		},
		{ input: [{ json: {}, binary: { data: cv } }] as never },
	);
	expect(error).toBeUndefined();
	const uploaded = sim.state.files.filter(
		(file) => file.opportunityId === opportunity && file.name === 'lost-cv.pdf',
	);
	expect(uploaded).toHaveLength(1);
	expect(json).toEqual([expect.objectContaining({ id: uploaded[0].id, alreadyExisted: true })]);
});
