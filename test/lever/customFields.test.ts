/**
 * A candidate profile's `customFields` in Lever: create and Create or Update store them in the profile form chosen as
 * "Custom Fields Form" (Lever keeps custom fields nowhere else); without one they are reported as ignored, never
 * silently dropped.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const EMAIL = 'noor.new@example.com';
const ff = () => sim.seed.formFields;

function upsert(
	customFields: Record<string, unknown>,
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'opportunity',
		operation: 'upsert',
		profileInput: 'json',
		candidateProfile: JSON.stringify({ email: EMAIL, name: 'Noor New', customFields }),
		posting: byId(sim.seed.postings.published),
		performAs: byId(sim.seed.users.recruiter),
		customFieldsForm: sim.seed.formTemplate,
		...extra,
	};
}

const formsOf = (opportunityId: string) =>
	sim.state.forms.filter((form) => form.opportunityId === opportunityId);
const answers = (form: { fields: Array<{ id: string; value: unknown }> }) =>
	Object.fromEntries(form.fields.map((field) => [field.id, field.value]));

describe('Create or Update with a Custom Fields Form', () => {
	it('stores the custom fields in a profile form on create, changes nothing on a rerun, and adds a newer form on a change', async () => {
		const first = await runLever(
			sim,
			upsert({
				[ff().startDate]: '2027-03-01',
				'T-shirt size': 'm',
				'Start location': 'Berlin HQ',
			}),
		);
		expect(first.error).toBeUndefined();
		expect(first.json[0]).toMatchObject({ action: 'created' });
		expect(first.json[0].ignoredFields).toBeUndefined();
		const opportunityId = first.json[0].opportunityId as string;
		expect(formsOf(opportunityId).map(answers)).toEqual([
			{
				[ff().preferredName]: null,
				[ff().startDate]: Date.UTC(2027, 2, 1),
				[ff().laptop]: null,
				[ff().signingBonus]: null,
				[ff().tShirtSize]: 'M',
				[ff().startLocation]: 'Berlin HQ',
			},
		]);
		expect(formsOf(opportunityId)[0].user).toBe(sim.seed.users.recruiter);

		const rerun = await runLever(
			sim,
			upsert({
				[ff().startDate]: '2027-03-01',
				'T-shirt size': 'M',
				'Start location': 'Berlin HQ',
			}),
		);
		expect(rerun.json[0]).toMatchObject({ action: 'unchanged', opportunityId });
		expect(formsOf(opportunityId)).toHaveLength(1);

		const changed = await runLever(sim, upsert({ 'T-shirt size': 'L' }));
		expect(changed.json[0]).toMatchObject({ action: 'updated', changedFields: ['customFields'] });
		const [, newest] = formsOf(opportunityId);
		// Earlier answers carry over: a form replaces the whole set.
		expect(answers(newest)).toMatchObject({
			[ff().tShirtSize]: 'L',
			[ff().startLocation]: 'Berlin HQ',
			[ff().startDate]: Date.UTC(2027, 2, 1),
		});

		const forms = await runLever(sim, {
			resource: 'profileForm',
			operation: 'getMany',
			opportunity: byId(opportunityId),
			returnAll: true,
			output: 'addToInput',
		});
		expect(forms.json[0].customFields).toMatchObject({
			'T-shirt size': 'L',
			'Start location': 'Berlin HQ',
		});
	});

	it('keeps protected custom fields that are already filled in', async () => {
		await runLever(sim, upsert({ [ff().startDate]: '2027-03-01', 'T-shirt size': 'M' }));
		const kept = await runLever(
			sim,
			upsert({ 'T-shirt size': 'XL' }, { protectedFields: ['customFields'] }),
		);
		expect(kept.json[0]).toMatchObject({
			action: 'unchanged',
			protectedFieldsKept: ['customFields'],
		});
	});

	it('reports custom fields as ignored when no form is chosen', async () => {
		const { json } = await runLever(sim, upsert({ 'T-shirt size': 'M' }, { customFieldsForm: '' }));
		expect(json[0]).toMatchObject({ action: 'created', ignoredFields: ['customFields'] });
		expect(formsOf(json[0].opportunityId as string)).toEqual([]);
	});

	it('refuses an unknown field or a required answer missing before creating anything', async () => {
		const unknown = await runLever(sim, upsert({ 'Shoe size': '44' }));
		expect(unknown.error?.message).toMatch(
			/^"customFields": "Shoe size" is not a field of the profile form "Onboarding details" \(candidate noor\.new@example\.com\)/,
		);
		const required = await runLever(sim, upsert({ 'T-shirt size': 'M' }));
		expect(required.error?.message).toMatch(
			/^"customFields": "Confirmed start date" is required by the profile form "Onboarding details"/,
		);
		expect(apiCalls(sim).filter((call) => call.startsWith('POST'))).toEqual([]);
	});
});

describe('Create with a Custom Fields Form', () => {
	it('creates the opportunity and fills in the form', async () => {
		const { json, error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'create',
			profileInput: 'json',
			candidateProfile: JSON.stringify({
				email: EMAIL,
				name: 'Noor New',
				customFields: { [ff().startDate]: 1801353600000, [ff().laptop]: 'MacBook Pro' },
			}),
			performAs: byId(sim.seed.users.recruiter),
			customFieldsForm: sim.seed.formTemplate,
		});
		expect(error).toBeUndefined();
		expect(json[0].customFieldsForm).toMatchObject({ baseTemplateId: sim.seed.formTemplate });
		expect(answers(formsOf(json[0].id as string)[0])).toMatchObject({
			[ff().laptop]: 'MacBook Pro',
			[ff().startDate]: 1801353600000,
		});
	});
});
