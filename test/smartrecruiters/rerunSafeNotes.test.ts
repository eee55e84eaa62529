/**
 * "Skip If Same Note Exists" on Note → Create: a workflow run again after a crash (the chaos suite kills the runner
 * between writes) must not add the note a second time. Found by test/chaos/crash.test.ts.
 */
import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { byId, runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSmartRecruitersSimulator();
});
afterEach(() => {
	expect(sim.contractViolations).toEqual([]);
});
afterAll(async () => await sim.close());

const notesOf = (candidateId: string) =>
	sim.state.notes
		.filter((note) => note.candidateIds.includes(candidateId))
		.map((note) => note.content);
const addNote = (content: string, skipIfExists: boolean) =>
	runSmartRecruiters(sim, {
		resource: 'note',
		operation: 'create',
		candidate: byId(sim.seed.candidates.jane),
		note: content,
		shareWith: 'openNote',
		options: { skipIfExists },
	});

it('adds the note once when the same note is added again, and still adds a different one', async () => {
	const jane = sim.seed.candidates.jane;
	const before = notesOf(jane);
	const first = await addNote('Onboarding started: employee 7', true);
	expect(first.error).toBeUndefined();
	const again = await addNote('Onboarding started: employee 7', true);
	expect(again.json[0]).toMatchObject({ candidateId: jane, alreadyExisted: true });
	await addNote('Onboarding started: employee 8', true);
	expect(notesOf(jane)).toEqual([
		...before,
		`#[CANDIDATE:${jane}] Onboarding started: employee 7`,
		`#[CANDIDATE:${jane}] Onboarding started: employee 8`,
	]);
});

it('without the option, adds the same note again (the default is unchanged)', async () => {
	const jane = sim.seed.candidates.jane;
	const before = notesOf(jane);
	await addNote('Same text', false);
	await addNote('Same text', false);
	expect(notesOf(jane)).toEqual([
		...before,
		`#[CANDIDATE:${jane}] Same text`,
		`#[CANDIDATE:${jane}] Same text`,
	]);
});
