import {
	Builder,
	failures,
	httpRequest,
	ifNode,
	ONBOARDING_HTTP_OPTIONS,
	setNode,
	toolkitEdition,
} from './lib.mjs';

const INTERVALS =
	"{ 'per-hour-wage': 'hour', hourly: 'hour', 'per-day-wage': 'day', daily: 'day', 'per-week-salary': 'week', weekly: 'week', 'bi-week-salary': 'biweek', biweekly: 'biweek', 'semi-month-salary': 'semimonth', semimonthly: 'semimonth', 'per-month-salary': 'month', monthly: 'month', 'bi-month-salary': 'bimonth', bimonthly: 'bimonth', 'per-year-salary': 'year', yearly: 'year', annual: 'year', annually: 'year', 'one-time': 'once', 'one time': 'once' }";

/**
 * The Field Map's employee record: the mapping as an object literal ops people edit, then what the toolkit's
 * record schema does to it (empty values left out, text trimmed, start date as YYYY-MM-DD, salary normalised).
 */
function employeeExpression(mapping) {
	return `={{ (record => { const empty = value => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0); const clean = object => Object.fromEntries(Object.entries(object ?? {}).filter(([, value]) => !empty(value)).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.map(entry => typeof entry === 'string' ? entry.trim() : entry) : value])); const { salary, customFields, ...fields } = record; const result = Object.fromEntries(Object.entries(clean(fields)).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value])); if (result.startDate !== undefined) result.startDate = /^\\d{10,}$/.test(result.startDate) ? new Date(Number(result.startDate)).toISOString().slice(0, 10) : result.startDate.slice(0, 10); const pay = clean(salary); if (Object.keys(pay).length > 0) result.salary = { amount: typeof pay.amount === 'string' && /^\\d{1,3}(,\\d{3})*(\\.\\d+)?$|^\\d+(\\.\\d+)?$/.test(pay.amount) ? Number(pay.amount.replace(/,/g, '')) : pay.amount, currency: typeof pay.currency === 'string' ? pay.currency.toUpperCase() : pay.currency, interval: typeof pay.interval === 'string' ? (${INTERVALS}[pay.interval.toLowerCase()] ?? pay.interval.toLowerCase()) : pay.interval }; const custom = clean(customFields); if (Object.keys(custom).length > 0) result.customFields = custom; return result; })(${mapping}) }}`;
}

function onboardingPush(b, position) {
	httpRequest(
		b,
		'Onboarding Push',
		position,
		{
			method: 'POST',
			url: 'https://hris.example.com/api/employees',
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Idempotency-Key', value: '={{ $json.employee.atsCandidateId }}' },
					{ name: 'Accept', value: 'application/json' },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify($json.employee) }}',
			options: ONBOARDING_HTTP_OPTIONS,
		},
		{
			credentials: {
				httpHeaderAuth: { id: null, name: 'Onboarding API (Header Auth)' },
			},
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 2000,
			onError: 'continueErrorOutput',
		},
	);
	const [x, y] = position;
	setNode(
		b,
		'Onboarding Result',
		[x + 220, y],
		[
			['employee', 'object', "={{ $('Employee Record').item.json.employee }}"],
			[
				'onboarding',
				'object',
				"={{ { action: $json.statusCode >= 200 && $json.statusCode < 300 ? 'created' : $json.statusCode === 409 ? 'alreadyExists' : 'refused', employeeId: ($json.body?.id ?? $json.body?.employeeId) !== undefined ? String($json.body?.id ?? $json.body?.employeeId) : null, idempotencyKey: $('Employee Record').item.json.employee.atsCandidateId, statusCode: $json.statusCode, replayed: String($json.headers?.['idempotent-replayed'] ?? '').toLowerCase() === 'true', response: $json.body } }}",
			],
		],
		{ keepOthers: false },
	);
	ifNode(b, 'Pushed?', [x + 440, y], "={{ $json.onboarding.action !== 'refused' }}");
	setNode(
		b,
		'Refusal',
		[x + 660, y + 760],
		[
			[
				'error',
				'string',
				"={{ 'The onboarding system refused the employee (HTTP ' + $json.onboarding.statusCode + '): ' + (typeof $json.onboarding.response === 'string' ? $json.onboarding.response.slice(0, 300) : typeof ($json.onboarding.response?.message ?? $json.onboarding.response?.error ?? $json.onboarding.response?.detail) === 'string' ? ($json.onboarding.response.message ?? $json.onboarding.response.error ?? $json.onboarding.response.detail) : JSON.stringify($json.onboarding.response ?? {}).slice(0, 300)) }}",
			],
		],
		{ keepOthers: false },
	);
	b.chain('Employee Record', 'Onboarding Push', 'Onboarding Result', 'Pushed?');
	b.connect('Pushed?', 'Refusal', 1);
}

function stickies(b, ats, x, hiredCheck) {
	b.sticky(
		'Sticky: About',
		[-60, -200],
		940,
		380,
		`## Hired in ${ats} → onboarding — n8n Cloud edition\nBuilt from n8n's own nodes and the verified **n8n-nodes-ats-sync** package only, so it runs on n8n Cloud. Same behaviour as \`recipes/hire-to-onboarding.*.json\` (which needs n8n-nodes-ats-sync-toolkit), except where docs/recipes.md ("Cloud editions") says otherwise.\n\n**Set up:** **${ats} account**; **Onboarding API (Header Auth)** (header name and value your HR system expects, e.g. \`Authorization\` / \`Bearer …\`); **Onboarding Push → URL** (your HR system's create-employee endpoint); the mappings in **Employee Record**. ${hiredCheck}`,
		6,
	);
	b.sticky(
		'Sticky: Push',
		[x - 40, -200],
		900,
		380,
		"### One employee per hire\n**Onboarding Push** (HTTP Request) POSTs the record with `Idempotency-Key: <ATS candidate id>`, so a retried delivery never creates a second employee; it retries lost connections. **Onboarding Result** reads the answer: 2xx = created (also on a replay), 409 = already there (done, no note), anything else = refused (the item fails, with the system's message). **Employee Record** leaves empty values out, so a hire whose form lacks an answer still goes through; the HR system validates the rest.",
		7,
	);
	b.sticky(
		'Sticky: Failures',
		[x - 40, 900],
		1300,
		200,
		"### Failed hires fail the execution\nEvery failing step sends its item to **Failed at <step>** (who, where, why) and on to **Collect Failures**. That Merge runs only when nothing else is left to run (n8n's v1 execution order), so the other hires go through first; then **Fail the Execution** (Stop and Error) ends the execution as failed, listing each failed hire.",
		3,
	);
}

export function hireLever() {
	const toolkit = toolkitEdition('hire-to-onboarding.lever.json');
	const b = new Builder(
		'hire-to-onboarding.lever.json',
		'Hired in Lever → onboarding (n8n Cloud)',
		toolkit,
	);
	stickies(
		b,
		'Lever',
		1340,
		"Lever does not sign a delivery's data, so **Hired in Lever?** reads the opportunity and goes on only when Lever shows it archived as hired.",
	);
	b.keep('Hired (Webhook)');
	b.keep('Hired (Schedule)');
	b.keep('Get Opportunity');
	ifNode(b, 'Hired in Lever?', [460, 300], "={{ $json.archiveReason?.type === 'hired' }}");
	b.keep('Get Offer');
	b.keep('Get Profile Forms');
	b.keep('Get Referrals');
	ifNode(b, 'Has Offer?', [900, 300], '={{ !!$json.offer }}');
	b.keep('Get Posting');
	setNode(
		b,
		'Employee Record',
		[1340, 200],
		[
			[
				'employee',
				'object',
				employeeExpression(
					"{ atsSource: 'lever', atsCandidateId: $('Get Opportunity').item.json.id, firstName: $('Get Opportunity').item.json.name.trim().split(/\\s+/).slice(0, -1).join(' ') || $('Get Opportunity').item.json.name.trim(), lastName: $('Get Opportunity').item.json.name.trim().split(/\\s+/).pop(), email: $('Get Opportunity').item.json.emails[0], jobTitle: $('Get Offer').item.json.offer.job_title || $json.text, startDate: $('Get Offer').item.json.offer.anticipated_start_date, department: $json.categories?.department, location: $json.categories?.location, referral: $('Get Opportunity').item.json.origin === 'referred' ? ($('Get Opportunity').item.json.sources || []).join(', ') || 'Referral' : '', salary: { amount: $('Get Offer').item.json.offer.salary_amount, currency: $('Get Offer').item.json.offer.compensation_currency, interval: $('Get Offer').item.json.offer.salary_interval }, customFields: { tShirtSize: $('Get Profile Forms').item.json.customFields?.['T-shirt size'], startLocation: $('Get Profile Forms').item.json.customFields?.['Start location'], referrer: ($('Get Referrals').item.json.referral || {})['Name of referrer'] } }",
				),
			],
		],
	);
	onboardingPush(b, [1560, 200]);
	ifNode(b, 'First Push?', [2220, 200], "={{ $json.onboarding.action === 'created' }}");
	b.keep('Note: Onboarding Started', [2440, 200]);
	b.keep('Note: Offer Missing');
	b.connect('Hired (Webhook)', 'Get Opportunity');
	b.connect('Hired (Schedule)', 'Get Opportunity');
	b.chain(
		'Get Opportunity',
		'Hired in Lever?',
		'Get Offer',
		'Get Profile Forms',
		'Get Referrals',
		'Has Offer?',
		'Get Posting',
		'Employee Record',
	);
	b.connect('Has Offer?', 'Note: Offer Missing', 1);
	b.connect('Pushed?', 'First Push?', 0);
	b.connect('First Push?', 'Note: Onboarding Started');
	const who =
		"={{ $('Get Opportunity').item.json.emails?.[0] ?? 'opportunity ' + $('Get Opportunity').item.json.id }}";
	const trigger =
		"={{ 'opportunity ' + ($('Hired (Webhook)').isExecuted ? $('Hired (Webhook)').item.json.data?.opportunityId : $('Hired (Schedule)').item.json.id) }}";
	failures(
		b,
		[
			['Get Opportunity', trigger],
			...['Get Offer', 'Get Profile Forms', 'Get Referrals', 'Get Posting', 'Onboarding Push'].map(
				(step) => [step, who],
			),
			['Refusal', who, 0, 'Onboarding Push'],
			['Note: Onboarding Started', who],
			['Note: Offer Missing', who],
		],
		[2660, 960],
	);
	return b.workflow();
}

export function hireSmartRecruiters() {
	const toolkit = toolkitEdition('hire-to-onboarding.smartrecruiters.json');
	const b = new Builder(
		'hire-to-onboarding.smartrecruiters.json',
		'Hired in SmartRecruiters → onboarding (n8n Cloud)',
		toolkit,
	);
	stickies(
		b,
		'SmartRecruiters',
		1560,
		'**Hired in SmartRecruiters?** goes on only when the application it read is HIRED. After a successful push, **Set Onboarding Status** sets the hire to Onboarding Successful (activate that candidate field, or delete the node).',
	);
	const at = (name) => toolkit.nodes.find((node) => node.name === name).position;
	b.keep('Hired (Webhook)');
	b.keep('Hired (Schedule)');
	ifNode(
		b,
		'Hired in SmartRecruiters?',
		at('Hired in SmartRecruiters?'),
		"={{ $json.application?.status === 'HIRED' }}",
	);
	b.keep('Get Offer');
	ifNode(
		b,
		'Has Start Date?',
		at('Has Start Date?'),
		'={{ !!($json.offer?.startDate || $json.application?.startsOn) }}',
	);
	b.keep('Get Hire Form');
	b.keep('Get Candidate');
	b.keep('Get Job');
	setNode(b, 'Employee Record', at('Employee Record'), [
		[
			'employee',
			'object',
			employeeExpression(
				"{ atsSource: 'smartrecruiters', atsCandidateId: $('Get Candidate').item.json.id, firstName: $('Get Candidate').item.json.firstName, lastName: $('Get Candidate').item.json.lastName, email: $('Get Candidate').item.json.email, jobTitle: $('Get Offer').item.json.offer?.jobTitle || $json.title, startDate: $('Get Offer').item.json.offer?.startDate || $('Get Offer').item.json.application.startsOn, department: $json.department?.label, location: $json.location?.city, salary: { amount: $('Get Offer').item.json.offer?.salary, currency: $('Get Offer').item.json.offer?.currency, interval: $('Get Offer').item.json.offer?.payFrequency }, customFields: { employmentType: $('Get Hire Form').item.json.candidateProperties?.['Employment type'], costCenter: $('Get Hire Form').item.json.candidateProperties?.['Cost center'] } }",
			),
		],
	]);
	const [x, y] = at('Onboarding Push');
	onboardingPush(b, [x, y]);
	ifNode(b, 'First Push?', [x + 660, y - 100], "={{ $json.onboarding.action === 'created' }}");
	b.keep('Note: Onboarding Started', [x + 880, y - 100]);
	b.keep('Set Onboarding Status', [x + 660, y + 120]);
	b.keep('Note: Start Date Missing');
	b.connect('Hired (Webhook)', 'Hired in SmartRecruiters?');
	b.connect('Hired (Schedule)', 'Hired in SmartRecruiters?');
	b.chain(
		'Hired in SmartRecruiters?',
		'Get Offer',
		'Has Start Date?',
		'Get Hire Form',
		'Get Candidate',
		'Get Job',
		'Employee Record',
	);
	b.connect('Has Start Date?', 'Note: Start Date Missing', 1);
	b.connect('Pushed?', 'First Push?', 0);
	b.connect('Pushed?', 'Set Onboarding Status', 0);
	b.connect('First Push?', 'Note: Onboarding Started');
	const who =
		"={{ 'candidate ' + $('Hired in SmartRecruiters?').item.json.application.candidateId }}";
	failures(
		b,
		[
			...['Get Offer', 'Get Hire Form', 'Get Candidate', 'Get Job', 'Onboarding Push'].map(
				(step) => [step, who],
			),
			['Refusal', who, 0, 'Onboarding Push'],
			...['Set Onboarding Status', 'Note: Onboarding Started', 'Note: Start Date Missing'].map(
				(step) => [step, who],
			),
		],
		[x + 1320, 960],
	);
	return b.workflow();
}
