/**
 * The offer lookups' "Add to Input Item" output the hire recipes rely on: one item per hire, also when there is no
 * offer (a hire must never vanish from the workflow), with the signed / accepted offer's fields at hand.
 */
import { preferredOffer as leverPreferredOffer } from '../../nodes/Lever/actions/offer/getMany.operation';
import { preferredOffer as srPreferredOffer } from '../../nodes/SmartRecruiters/actions/offer/getMany.operation';
import { runNode } from '../harness';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator, type SmartRecruitersSimulator } from '../simulators/smartrecruiters';

describe('offer "Add to Input Item"', () => {
	let lever: LeverSimulator;
	let sr: SmartRecruitersSimulator;
	beforeAll(async () => {
		lever = await startLeverSimulator();
		sr = await startSmartRecruitersSimulator();
	});
	afterAll(async () => {
		await lever?.close();
		await sr?.close();
	});

	it('Lever: one item per opportunity, the signed offer by identifier, null without offers', async () => {
		const S = LEVER_SEED;
		const { outputs } = await runNode({
			type: 'lever',
			parameters: { resource: 'offer', operation: 'getMany', opportunity: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, returnAll: true, output: 'addToInput' },
			credentials: { leverApi: { apiKey: lever.apiKey, environment: 'custom', customUrl: lever.baseUrl } },
			input: [{ id: S.opportunities.alanHired, name: 'Alan Turing' }, { id: S.opportunities.adaData, name: 'Ada Lovelace' }],
		});
		expect(outputs[0]).toHaveLength(2);
		expect(outputs[0][0].json).toMatchObject({
			id: S.opportunities.alanHired,
			name: 'Alan Turing',
			offers: [expect.any(Object), expect.any(Object)],
			offer: { id: S.offers.alanSigned, status: 'signed', salary_amount: S.alanOffer.salaryAmount, anticipated_start_date: S.alanOffer.anticipatedStartDate },
		});
		expect(outputs[0][1].json).toEqual({ id: S.opportunities.adaData, name: 'Ada Lovelace', offers: [], offer: null });
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('SmartRecruiters: one item per application, the accepted offer\'s properties, null without offers', async () => {
		const S = SMARTRECRUITERS_SEED;
		const { outputs } = await runNode({
			type: 'smartRecruiters',
			parameters: {
				resource: 'offer',
				operation: 'getMany',
				candidate: { __rl: true, mode: 'id', value: '={{ $json.candidateId }}' },
				job: { __rl: true, mode: 'id', value: '={{ $json.jobId }}' },
				output: 'addToInput',
			},
			credentials: { smartRecruitersApi: { apiKey: S.apiKey, environment: 'custom', customUrl: sr.baseUrl } },
			input: [{ candidateId: S.candidates.john, jobId: S.jobs.dataAnalyst }, { candidateId: S.candidates.jane, jobId: S.jobs.backendEngineer }],
		});
		expect(outputs[0].map((item) => item.json)).toEqual([
			{
				candidateId: S.candidates.john,
				jobId: S.jobs.dataAnalyst,
				offers: [expect.objectContaining({ id: S.offers.johnDataAnalyst })],
				offer: expect.objectContaining({ id: S.offers.johnDataAnalyst, status: 'ACCEPTED', startDate: '2026-08-01', salary: '72000' }),
			},
			{ candidateId: S.candidates.jane, jobId: S.jobs.backendEngineer, offers: [], offer: null },
		]);
	});

	it('prefer the signed / accepted offer over a newer one, else the newest', () => {
		const lever = [
			{ id: 'a', createdAt: 1, status: 'signed', fields: [{ identifier: 'job_title', value: 'A' }] },
			{ id: 'b', createdAt: 2, status: 'denied', fields: [] },
		];
		expect(leverPreferredOffer(lever)).toEqual({ job_title: 'A', id: 'a', status: 'signed', createdAt: 1 });
		expect(leverPreferredOffer(lever.slice(1))).toEqual({ id: 'b', status: 'denied', createdAt: 2 });
		expect(leverPreferredOffer([])).toBeNull();
		const sr = [
			{ id: 'x', createdOn: '2026-01-01T00:00:00Z', status: 'ACCEPTED', properties: { startDate: '2026-02-01' } },
			{ id: 'y', createdOn: '2026-03-01T00:00:00Z', status: 'CREATED', properties: {} },
		];
		expect(srPreferredOffer(sr)).toEqual({ startDate: '2026-02-01', id: 'x', status: 'ACCEPTED', createdOn: '2026-01-01T00:00:00Z' });
		expect(srPreferredOffer(sr.slice(1))).toEqual({ id: 'y', status: 'CREATED', createdOn: '2026-03-01T00:00:00Z' });
	});
});
