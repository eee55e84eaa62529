/**
 * "Skip If Same … Exists" on Add Note and Upload File: a workflow run again after a crash (the chaos suite kills the
 * runner mid-batch) must not add the note or the file a second time. Found by test/chaos/crash.test.ts.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const opportunityId = () => sim.seed.opportunities.adaData;
const pdf = (name: string, text: string) => ({
	json: {},
	binary: {
		data: {
			data: Buffer.from(text).toString('base64'),
			mimeType: 'application/pdf',
			fileName: name,
		},
	},
});
const notesOf = (id: string) =>
	sim.state.notes
		.filter((note) => note.opportunityId === id)
		.map((note) => note.fields.map((field) => field.value).join('\n'));

describe('Add Note with "Skip If Same Note Exists"', () => {
	const addNote = (note: string, options: INodeParameters) =>
		runLever(sim, {
			resource: 'opportunity',
			operation: 'addNote',
			opportunity: byId(opportunityId()),
			note,
			options,
		});

	it('adds the note once when the same note is added again, and still adds a different one', async () => {
		const before = notesOf(opportunityId());
		const first = await addNote('Email: interested in campaign "Backend"', { skipIfExists: true });
		sim.requests.length = 0;
		const again = await addNote('Email: interested in campaign "Backend"', { skipIfExists: true });
		expect(apiCalls(sim)).toEqual([`GET /opportunities/${opportunityId()}/notes`]);
		expect(again.json[0]).toMatchObject({ noteId: first.json[0].noteId, alreadyExisted: true });
		await addNote('Call: replied in campaign "Backend"', { skipIfExists: true });
		expect(notesOf(opportunityId())).toEqual([
			...before,
			'Email: interested in campaign "Backend"',
			'Call: replied in campaign "Backend"',
		]);
		// The option is the node's own: Lever never receives it.
		expect(
			sim.requests.filter((request) => request.method === 'POST').map((request) => request.body),
		).toEqual([{ value: 'Call: replied in campaign "Backend"' }]);
	});

	it('without the option, adds the same note again (the default is unchanged)', async () => {
		const before = notesOf(opportunityId());
		await addNote('Same text', {});
		await addNote('Same text', {});
		expect(notesOf(opportunityId())).toEqual([...before, 'Same text', 'Same text']);
	});
});

describe('Upload File with "Skip If Same File Exists"', () => {
	const upload = (name: string, text: string) =>
		runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'uploadFile',
				opportunity: byId(opportunityId()),
				binaryPropertyName: 'data',
				performAs: byId(sim.seed.users.recruiter),
				options: { skipIfExists: true },
			},
			{ input: [pdf(name, text)] },
		);
	const filesOf = (id: string) =>
		sim.state.files
			.filter((file) => file.opportunityId === id)
			.map((file) => `${file.name}:${file.content.toString()}`);

	it('uploads a file once, and uploads a changed file of the same name', async () => {
		const first = await upload('cv.pdf', 'CV v1');
		const again = await upload('cv.pdf', 'CV v1');
		expect(again.json[0]).toMatchObject({ id: first.json[0].id, alreadyExisted: true });
		await upload('cv.pdf', 'CV version 2');
		expect(filesOf(opportunityId())).toEqual(['cv.pdf:CV v1', 'cv.pdf:CV version 2']);
	});
});
