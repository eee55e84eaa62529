import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness';

const source: IDataObject = {
	contact: {
		email: 'ada@example.com',
		first: 'Ada',
		last: 'Lovelace',
		title: 'Staff Engineer',
		emails: ['ada@work.example.com', 'ada@example.com', 'lovelace@example.org'],
		phone: '+44 20 7946 0000',
		skills: 'math; engines ;poetry',
		urls: [
			'https://www.linkedin.com/in/ada',
			'https://github.com/ada',
			'https://x.com/ada',
			'https://ada.dev',
			'https://github.com/ada-old',
		],
		seniority: 'Senior',
		languages: ['English', 'French'],
	},
};

const mapCandidate = (
	parameters: IDataObject,
	input: IDataObject[] = [source],
	continueOnFail = false,
) =>
	runNode({
		type: 'atsFieldMap',
		parameters: { mode: 'candidate', mandatoryFields: [], ...parameters },
		input,
		continueOnFail,
	});

describe('ATS Field Map: candidate profile', () => {
	it('maps text fields 1:1 from expressions and keeps the input fields', async () => {
		const { outputs, error } = await mapCandidate({
			textFields: {
				fields: [
					{ target: 'email', value: '={{ $json.contact.email }}' },
					{ target: 'firstName', value: '={{ $json.contact.first }}' },
					{ target: 'lastName', value: '={{ $json.contact.last }}' },
					{ target: 'headline', value: '={{ $json.contact.title }}' },
					{ target: 'company', value: '={{ $json.contact.missing }}' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json.candidate).toEqual({
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			headline: 'Staff Engineer',
		});
		expect(outputs[0][0].json.contact).toEqual(source.contact);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('maps lists 1:many (first email → Email, the rest → Additional Emails) and one value into a list', async () => {
		const { outputs, error } = await mapCandidate({
			listFields: {
				fields: [
					{ target: 'email', value: '={{ $json.contact.emails }}', take: 'first' },
					{ target: 'additionalEmails', value: '={{ $json.contact.emails }}', take: 'rest' },
					{ target: 'phones', value: '={{ $json.contact.phone }}', separator: '', take: 'all' },
					{ target: 'tags', value: '={{ $json.contact.skills }}', separator: ';', take: 'all' },
					{ target: 'tags', value: 'sourced', take: 'all' },
				],
			},
			options: { keepInputFields: false },
		});
		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual({
			candidate: {
				email: 'ada@work.example.com',
				additionalEmails: ['ada@example.com', 'lovelace@example.org'],
				phones: [{ value: '+44 20 7946 0000' }],
				tags: ['math', 'engines', 'poetry', 'sourced'],
			},
		});
	});

	it('sorts social URLs into LinkedIn, GitHub, Twitter, website, and the rest into other links', async () => {
		const { outputs } = await mapCandidate({
			baseProfile: '={{ { email: $json.contact.email } }}',
			socialUrls: '={{ $json.contact.urls }}',
		});
		expect((outputs[0][0].json.candidate as IDataObject).links).toEqual({
			linkedin: 'https://www.linkedin.com/in/ada',
			github: 'https://github.com/ada',
			twitter: 'https://x.com/ada',
			website: 'https://ada.dev',
			other: ['https://github.com/ada-old'],
		});

		const text = await mapCandidate({
			socialUrls: 'https://facebook.com/ada, https://linkedin.com/in/ada',
		});
		expect((text.outputs[0][0].json.candidate as IDataObject).links).toEqual({
			facebook: 'https://facebook.com/ada',
			linkedin: 'https://linkedin.com/in/ada',
		});

		const bad = await mapCandidate({ socialUrls: 'linkedin.com/in/ada' });
		expect(bad.error?.message).toBe(
			'"Social URLs" contains "linkedin.com/in/ada", which is not an http(s) URL',
		);
	});

	it('maps custom fields by ATS field id, translating select labels to value ids', async () => {
		const { outputs, error } = await mapCandidate({
			customFields: {
				fields: [
					{
						fieldId: 'prop-seniority',
						value: '={{ $json.contact.seniority }}',
						translations: 'senior = 6f1e\nJunior = 0b7c',
						onUnmatched: 'error',
					},
					{
						fieldId: 'prop-languages',
						value: '={{ $json.contact.languages }}',
						translations: 'English = en\nGerman = de',
						onUnmatched: 'skip',
					},
					{ fieldId: 'notice_period', value: '3 months' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect((outputs[0][0].json.candidate as IDataObject).customFields).toEqual({
			'prop-seniority': '6f1e',
			'prop-languages': ['en'],
			notice_period: '3 months',
		});

		const untranslated = await mapCandidate({
			customFields: {
				fields: [
					{
						fieldId: 'prop-seniority',
						value: 'Principal',
						translations: 'Senior = 6f1e',
						onUnmatched: 'error',
					},
				],
			},
		});
		expect(untranslated.error?.message).toBe(
			'Custom field "prop-seniority": no translation for "Principal" (the table knows "senior")',
		);
	});

	it('refuses an item whose mandatory field is empty, naming the field; continueOnFail reports it and goes on', async () => {
		const parameters = {
			textFields: {
				fields: [
					{ target: 'email', value: '={{ $json.email }}' },
					{ target: 'lastName', value: '={{ $json.last }}' },
				],
			},
			mandatoryFields: ['email', 'lastName'],
		};
		const input = [
			{ email: 'a@example.com', last: 'A' },
			{ email: 'b@example.com' },
			{ email: 'c@example.com', last: 'C' },
		];

		const failing = await mapCandidate(parameters, input);
		expect(failing.error?.message).toBe('Mandatory field "lastName" is empty');
		expect(failing.run.status).toBe('error');

		const continuing = await mapCandidate(parameters, input, true);
		expect(continuing.error).toBeUndefined();
		expect(
			continuing.outputs[0].map(
				(item) => item.json.error ?? (item.json.candidate as IDataObject).email,
			),
		).toEqual(['a@example.com', 'Mandatory field "lastName" is empty', 'c@example.com']);
		expect(continuing.outputs[0][1].pairedItem).toEqual({ item: 1 });
	});

	it('validates the result with the profile schema and names the bad field', async () => {
		const { error } = await mapCandidate({
			textFields: { fields: [{ target: 'email', value: 'not-an-email' }] },
		});
		expect(error?.message).toBe('The mapped profile is invalid: "email" must be an email address');
	});
});

describe('ATS Field Map: employee record', () => {
	const hire: IDataObject = {
		id: 'opp-123',
		name: { first: 'Grace', last: 'Hopper' },
		emails: ['grace@example.com'],
		offer: {
			job_title: 'Rear Admiral',
			anticipated_start_date: 1798761600000,
			salary_amount: '120,000',
			compensation_currency: 'usd',
			salary_interval: 'per-year-salary',
		},
		posting: { categories: { department: 'Engineering', location: 'Arlington' } },
	};
	const parameters = {
		mode: 'employee',
		atsSource: 'lever',
		atsCandidateId: '={{ $json.id }}',
		firstName: '={{ $json.name.first }}',
		lastName: '={{ $json.name.last }}',
		email: '={{ $json.emails[0] }}',
		jobTitle: '={{ $json.offer.job_title }}',
		startDate: '={{ $json.offer.anticipated_start_date }}',
		additionalFields: {
			department: '={{ $json.posting.categories.department }}',
			location: '={{ $json.posting.categories.location }}',
			salaryAmount: '={{ $json.offer.salary_amount }}',
			salaryCurrency: '={{ $json.offer.compensation_currency }}',
			salaryInterval: '={{ $json.offer.salary_interval }}',
			managerEmail: '',
		},
		options: { keepInputFields: false },
	};

	it('maps candidate, offer and job data into a validated employee record', async () => {
		const { outputs, error } = await runNode({ type: 'atsFieldMap', parameters, input: [hire] });
		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual({
			employee: {
				atsSource: 'lever',
				atsCandidateId: 'opp-123',
				firstName: 'Grace',
				lastName: 'Hopper',
				email: 'grace@example.com',
				jobTitle: 'Rear Admiral',
				startDate: '2027-01-01',
				department: 'Engineering',
				location: 'Arlington',
				salary: { amount: 120000, currency: 'USD', interval: 'year' },
			},
		});
	});

	it('maps custom fields by name into the record; empty ones are left out', async () => {
		const customFields = {
			fields: [
				{ name: 'tShirtSize', value: '={{ $json.form["T-shirt size"] }}' },
				{ name: 'startLocation', value: '={{ $json.form["Start location"] }}' },
				{ name: 'laptop', value: '={{ $json.form.Laptop }}' },
				{ name: 'equity', value: '={{ 0.05 }}' },
				{ name: 'languages', value: '={{ ["en", "de"] }}' },
			],
		};
		const input = { ...hire, form: { 'T-shirt size': 'L', 'Start location': ' Berlin HQ ' } };
		const { outputs, error } = await runNode({
			type: 'atsFieldMap',
			parameters: { ...parameters, employeeCustomFields: customFields },
			input: [input],
		});
		expect(error).toBeUndefined();
		expect((outputs[0][0].json.employee as IDataObject).customFields).toEqual({
			tShirtSize: 'L',
			startLocation: 'Berlin HQ',
			equity: 0.05,
			languages: ['en', 'de'],
		});
		const none = await runNode({
			type: 'atsFieldMap',
			parameters: {
				...parameters,
				employeeCustomFields: { fields: [{ name: 'laptop', value: '' }] },
			},
			input: [hire],
		});
		expect(none.outputs[0][0].json.employee).not.toHaveProperty('customFields');
	});

	it('names a custom field mapped twice or given a value the record cannot carry', async () => {
		const twice = await runNode({
			type: 'atsFieldMap',
			parameters: {
				...parameters,
				employeeCustomFields: {
					fields: [
						{ name: 'size', value: 'L' },
						{ name: ' size', value: 'M' },
					],
				},
			},
			input: [hire],
		});
		expect(twice.error?.message).toBe('"Custom Fields": "size" is mapped twice');
		const nested = await runNode({
			type: 'atsFieldMap',
			parameters: {
				...parameters,
				employeeCustomFields: { fields: [{ name: 'desk', value: '={{ { floor: 3 } }}' }] },
			},
			input: [hire],
		});
		expect(nested.error?.message).toBe(
			'The employee record is invalid: "customFields.desk" must be text, a number, true/false or a list of texts',
		);
	});

	it('names the invalid or missing field of the employee record', async () => {
		const noStart = await runNode({
			type: 'atsFieldMap',
			parameters: { ...parameters, startDate: 'soon' },
			input: [hire],
		});
		expect(noStart.error?.message).toBe(
			'The employee record is invalid: "startDate" must be a date: YYYY-MM-DD, an ISO date-time or epoch milliseconds',
		);
		const halfSalary = await runNode({
			type: 'atsFieldMap',
			parameters: { ...parameters, additionalFields: { salaryAmount: '90000' } },
			input: [hire],
		});
		expect(halfSalary.error?.message).toBe(
			'The employee record is invalid: "salary.currency" is required; "salary.interval" is required',
		);
		const badInterval = await runNode({
			type: 'atsFieldMap',
			parameters: {
				...parameters,
				additionalFields: {
					salaryAmount: '90000',
					salaryCurrency: 'EUR',
					salaryInterval: 'fortnightly',
				},
			},
			input: [hire],
		});
		expect(badInterval.error?.message).toBe(
			'The employee record is invalid: "salary.interval" must be one of hour, day, week, biweek, semimonth, month, bimonth, year, once',
		);
		const noEmail = await runNode({
			type: 'atsFieldMap',
			parameters,
			input: [{ ...hire, emails: [] }],
			continueOnFail: true,
		});
		expect(noEmail.outputs[0][0].json.error).toBe(
			'The employee record is invalid: "email" is required',
		);
	});
});
