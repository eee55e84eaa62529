import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '..';
import { client } from './helpers';

const S = LEVER_SEED;
const ada = `/opportunities/${S.opportunities.adaBackend}`;
const asRecruiter = `?perform_as=${S.users.recruiter}`;
const interview = {
	subject: 'Technical interview',
	interviewers: [{ id: S.users.interviewer }],
	date: Date.UTC(2027, 0, 4, 10),
	duration: 60,
};

describe('Lever simulator: interviews and panels', () => {
	let sim: LeverSimulator;

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('creates a panel with its interviews (201, recorded shape) and lists it with the seeded one', async () => {
		const api = client(sim);
		const created = await api.post(`${ada}/panels${asRecruiter}`, {
			timezone: 'America/Los_Angeles',
			interviews: [interview],
		});
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			externallyManaged: true,
			timezone: 'America/Los_Angeles',
			feedbackReminder: 'daily',
			applications: [S.applications.adaBackend],
			start: interview.date,
			end: interview.date + 60 * 60_000,
			user: S.users.recruiter,
			interviews: [
				{
					subject: 'Technical interview',
					duration: 60,
					feedbackTemplate: 'no-feedback',
					interviewers: [{ id: S.users.interviewer, name: 'Ivan Interviewer' }],
				},
			],
		});
		expect(created.data.data.data).toBeUndefined();
		const panels = (await api.get(`${ada}/panels`)).data;
		expect(panels.data.map((panel: { id: string }) => panel.id)).toEqual([
			S.panels.adaPhoneScreen,
			created.data.data.id,
		]);
		expect((await api.get(`${ada}/interviews`)).data.data).toHaveLength(2);
	});

	it('requires perform_as, a time zone, interviews with interviewers, a date and a duration', async () => {
		const api = client(sim);
		expect(
			(await api.post(`${ada}/panels`, { timezone: 'UTC', interviews: [interview] })).data.message,
		).toMatch(/perform_as/);
		const refused = async (body: object) => {
			const response = await api.post(`${ada}/panels${asRecruiter}`, body);
			expect(response.status).toBe(400);
			return response.data.message as string;
		};
		expect(await refused({ interviews: [interview] })).toBe('Missing required field "timezone"');
		expect(await refused({ timezone: 'Mars/Olympus', interviews: [interview] })).toMatch(
			/"timezone"/,
		);
		expect(await refused({ timezone: 'UTC', interviews: [] })).toMatch(/"interviews"/);
		expect(
			await refused({ timezone: 'UTC', interviews: [{ ...interview, interviewers: [] }] }),
		).toMatch(/"interviews\[0\]\.interviewers"/);
		expect(await refused({ timezone: 'UTC', interviews: [{ ...interview, duration: 0 }] })).toMatch(
			/"interviews\[0\]\.duration"/,
		);
		expect(
			await refused({ timezone: 'UTC', interviews: [{ ...interview, date: 'tomorrow' }] }),
		).toMatch(/"interviews\[0\]\.date"/);
		const unknownUser = await api.post(`${ada}/panels${asRecruiter}`, {
			timezone: 'UTC',
			interviews: [{ ...interview, interviewers: [{ id: 'nobody' }] }],
		});
		expect(unknownUser.status).toBe(404);
		expect(sim.state.panels).toHaveLength(1);
	});

	it('adds, replaces and deletes interviews only on panels created through the API; the last one takes the panel', async () => {
		const api = client(sim);
		const panel = (
			await api.post(`${ada}/panels${asRecruiter}`, { timezone: 'UTC', interviews: [interview] })
		).data.data;
		const added = await api.post(`${ada}/interviews${asRecruiter}`, {
			...interview,
			panel: panel.id,
			subject: 'System design',
		});
		expect(added.status).toBe(201);
		expect(added.data.data).toMatchObject({
			panel: panel.id,
			subject: 'System design',
			timezone: 'UTC',
			opportunityId: S.opportunities.adaBackend,
		});

		const replaced = await api.put(`${ada}/interviews/${added.data.data.id}${asRecruiter}`, {
			...interview,
			duration: 90,
			panel: panel.id,
		});
		expect(replaced.data.data).toMatchObject({ duration: 90, subject: 'Technical interview' });
		const uiPanel = await api.post(`${ada}/interviews${asRecruiter}`, {
			...interview,
			panel: S.panels.adaPhoneScreen,
		});
		expect(uiPanel.status).toBe(400);
		expect(uiPanel.data.message).toMatch(/not created through the API/);
		expect(
			(await api.delete(`${ada}/interviews/${S.interviews.adaPhoneScreen}${asRecruiter}`)).status,
		).toBe(400);
		expect((await api.delete(`${ada}/interviews/${added.data.data.id}`)).status).toBe(400);

		expect((await api.delete(`${ada}/interviews/${added.data.data.id}${asRecruiter}`)).status).toBe(
			204,
		);
		expect((await api.get(`${ada}/panels/${panel.id}`)).status).toBe(200);
		expect(
			(await api.delete(`${ada}/interviews/${panel.interviews[0].id}${asRecruiter}`)).status,
		).toBe(204);
		expect((await api.get(`${ada}/panels/${panel.id}`)).status).toBe(404);
	});

	it('replaces a panel (interviews by id kept, new ones added, left-out ones removed) and deletes it', async () => {
		const api = client(sim);
		const panel = (
			await api.post(`${ada}/panels${asRecruiter}`, {
				timezone: 'UTC',
				interviews: [interview, { ...interview, date: interview.date + 3_600_000 }],
			})
		).data.data;
		const [first] = panel.interviews;
		const replaced = await api.put(`${ada}/panels/${panel.id}${asRecruiter}`, {
			timezone: 'Europe/Berlin',
			note: 'Bring a laptop',
			interviews: [
				{ ...interview, id: first.id, subject: 'Renamed' },
				{ ...interview, date: interview.date + 7_200_000 },
			],
		});
		expect(replaced.status).toBe(200);
		expect(replaced.data.data).toMatchObject({ timezone: 'Europe/Berlin', note: 'Bring a laptop' });
		expect(
			replaced.data.data.interviews.map((entry: { id: string; subject: string }) => entry.subject),
		).toEqual(['Renamed', 'Technical interview']);
		expect(replaced.data.data.interviews[0].id).toBe(first.id);
		expect(
			(
				await api.put(`${ada}/panels/${S.panels.adaPhoneScreen}${asRecruiter}`, {
					timezone: 'UTC',
					interviews: [interview],
				})
			).status,
		).toBe(400);
		expect((await api.delete(`${ada}/panels/${panel.id}${asRecruiter}`)).status).toBe(204);
		expect(sim.state.interviews.filter((entry) => entry.panel === panel.id)).toEqual([]);
	});
});
