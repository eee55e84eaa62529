import {
	Builder,
	cryptoHmac,
	downloadFile,
	failures,
	filterNode,
	httpRequest,
	setNode,
	switchNode,
	toolkitEdition,
} from './lib.mjs';
import { contactEventIntake } from './intake.mjs';

const CRED = { id: null, name: 'Interview platform webhook (Crypto)' };
const PSEUDONYM_CRED = { id: null, name: 'Pseudonym secret (Crypto)' };
const PLATFORM_CRED = {
	id: null,
	name: 'Interview platform API (Header Auth)',
};
const WHO = "={{ $('Interview Completed').item.json.contact.email }}";
const WHO_PSEUDONYMOUS = "={{ $('Pseudonymize').item.json.pseudonym.name }}";

/**
 * The toolkit's Pseudonymize: the pseudonym is the HMAC-SHA256 (Crypto, secret in a Crypto credential) of the
 * normalised email, first 12 hex characters; contact, candidate and the report URL are removed, and every text they
 * held (and each word of 3+ letters of a name) is replaced by the pseudonym wherever it appears, e.g. in the feedback.
 */
function pseudonymize(b, [x, y]) {
	setNode(
		b,
		'Normalise Identifier',
		[x, y],
		[
			[
				'pseudonymInput',
				'string',
				"={{ $json.contact.email.normalize('NFKC').trim().toLowerCase() }}",
			],
		],
	);
	cryptoHmac(b, 'Pseudonym Hash', [x + 220, y], {
		value: '={{ $json.pseudonymInput }}',
		output: 'pseudonymHash',
		credential: PSEUDONYM_CRED,
	});
	b.add('Pseudonymize', 'n8n-nodes-base.set', 3.4, [x + 440, y], {
		mode: 'raw',
		jsonOutput:
			"={{ JSON.stringify((input => { const id = input.pseudonymHash.slice(0, 12); const name = 'Candidate ' + id; const leaves = value => typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(leaves) : value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : []; const removed = [input.contact.email, ...leaves(input.contact), ...leaves(input.candidate), ...leaves(input.interview?.reportUrl)].map(value => value.trim()); const terms = [...removed.filter(value => value.length >= 3), ...removed.filter(value => !/[@/:]/.test(value)).flatMap(value => value.split(/\\s+/)).filter(word => word.length >= 3)].filter((term, index, all) => all.indexOf(term) === index).sort((a, b) => b.length - a.length); const term = '(?:' + terms.map(text => text.replace(/[.*+?^$(){}|[\\]\\\\]/g, '\\\\$&')).join('|') + ')'; const pattern = new RegExp('(?<![\\\\p{L}\\\\p{N}])' + term + '(?:\\\\s+' + term + ')*(?![\\\\p{L}\\\\p{N}])', 'giu'); const redact = value => typeof value === 'string' ? value.replace(pattern, name) : Array.isArray(value) ? value.map(redact) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, child]) => [key, redact(child)])) : value; const { contact, candidate, pseudonymInput, pseudonymHash, ...rest } = input; const { reportUrl, ...interview } = rest.interview ?? {}; return { ...redact({ ...rest, interview }), pseudonym: { id, name, email: id + '@pseudonym.invalid' } }; })($json)) }}",
		options: {},
	});
	b.chain('Normalise Identifier', 'Pseudonym Hash', 'Pseudonymize');
}

function postBack(b, name, position, toolkitNode) {
	const { body, idempotencyKey } = toolkitNode.parameters;
	const inner = (expression) => expression.replace(/^=\{\{ /, '').replace(/ \}\}$/, '');
	httpRequest(
		b,
		name,
		position,
		{
			method: 'POST',
			url: toolkitNode.parameters.url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Idempotency-Key', value: idempotencyKey },
					{ name: 'Accept', value: 'application/json' },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify(${inner(body)}) }}`,
			options: {},
		},
		{
			credentials: { httpHeaderAuth: PLATFORM_CRED },
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 2000,
			onError: 'continueErrorOutput',
		},
	);
}

function stickies(b, ats, postBackName) {
	b.sticky(
		'Sticky: About',
		[-60, -200],
		940,
		400,
		`## Export on interview feedback to ${ats} — n8n Cloud edition\nBuilt from n8n's own nodes and the verified **n8n-nodes-ats-sync** package only, so it runs on n8n Cloud. Same behaviour as \`recipes/export-on-interview-feedback.*.json\` (which needs n8n-nodes-ats-sync-toolkit), except where docs/recipes.md ("Cloud editions") says otherwise.\n\n**Set up:** **Interview platform webhook (Crypto)** → *Hmac Secret* = the platform's signing secret; **Pseudonym secret (Crypto)** → *Hmac Secret* = a long random secret (\`openssl rand -hex 32\`; changing it changes every pseudonym); **${ats} account**; **Interview platform API (Header Auth)** and **${postBackName} → URL**. Paste the production URL of **Interview Completed (Webhook)** into the interview platform.`,
		6,
	);
	b.sticky(
		'Sticky: Intake',
		[-60, 560],
		2240,
		240,
		"### Interview event intake (the toolkit's Contact Event Trigger)\n**Sign Body** computes the HMAC-SHA256 of the raw body; a delivery without a matching `x-signature: sha256=<hex>` is answered 401 and runs nothing else. Each event needs eventId, type, occurredAt and contact.email, or the delivery is answered 400. Repeated event ids are acknowledged but not exported again. **Acknowledge** answers 200 with `received / accepted / ignored / duplicates` before anything is written.",
		7,
	);
	b.sticky(
		'Sticky: Pseudonym',
		[3040, 760],
		1600,
		200,
		"### Unsuccessful candidates leave only under a pseudonym\n**Export Unsuccessful?** lets only the results in its list through (remove `'failed'` to skip them). **Pseudonym Hash** is the HMAC of the normalised email: the same person always gets the same `Candidate <id>`. **Pseudonymize** removes contact, candidate and the report URL and replaces every name, email or link they held wherever it appears (the feedback too); no report is attached.",
		4,
	);
	b.sticky(
		'Sticky: Failures',
		[3040, 1140],
		1600,
		200,
		"### Failed candidates fail the execution\nEvery failing step sends its item to **Failed at <step>** (who: email, pseudonym or ATS id; where; why) and on to **Collect Failures**. That Merge runs only when nothing else is left to run (n8n's v1 execution order), so the other candidates are exported first; then **Fail the Execution** (Stop and Error) ends the execution as failed.",
		3,
	);
}

export function exportLever() {
	const toolkit = toolkitEdition('export-on-interview-feedback.lever.json');
	const b = new Builder(
		'export-on-interview-feedback.lever.json',
		'Export on interview feedback to Lever (n8n Cloud)',
		toolkit,
	);
	stickies(b, 'Lever', 'Post Stage Back');
	contactEventIntake(b, {
		name: 'Interview Completed',
		path: 'export-on-interview-feedback-lever',
		types: ['interview.completed'],
		credential: CRED,
	});
	setNode(
		b,
		'Interview Job → ATS Job',
		[2200, 300],
		[
			[
				'lever.postingId',
				'string',
				"={{ ({ 'ip-backend': '6bf017d8-6bd4-4857-adf9-d5a00aecee87', 'ip-data': 'd1130a38-c66d-4f50-99ed-bf7b99da7a6b' })[$json.job?.id] ?? '' }}",
			],
		],
	);
	filterNode(b, 'Job Mapped?', [2420, 300], "={{ $json.lever.postingId !== '' }}");
	setNode(
		b,
		'Interview Job → Recruiter',
		[2640, 300],
		[
			[
				'lever.performAs',
				'string',
				"={{ ({ 'ip-backend': 'ced6880a-18ac-4d94-ad5d-54a85e846655' })[$json.job?.id] ?? '0f08c24d-3ce4-4353-94e1-f31f9b875214' }}",
			],
		],
	);
	switchNode(
		b,
		'Interview Result',
		[2860, 300],
		[
			['Successful', "={{ $json.interview.result === 'passed' }}"],
			['Unsuccessful', "={{ $json.interview.result === 'failed' }}"],
		],
	);
	setNode(
		b,
		'Candidate Profile',
		[3080, 200],
		[
			[
				'profile',
				'object',
				"={{ { ...$json.candidate, tags: ['Interview export', 'Interview passed'], sources: ['Interview platform'] } }}",
			],
		],
	);
	b.keep('Upsert Candidate', [3300, 200]);
	b.keep('Add Feedback Note', [3520, 100]);
	filterNode(
		b,
		'Has Report?',
		[3520, 320],
		"={{ !!$('Interview Completed').item.json.interview.reportUrl }}",
	);
	downloadFile(
		b,
		'Download Report',
		[3740, 320],
		"$('Interview Completed').item.json.interview.reportUrl",
		'report',
	);
	b.keep('Attach Report', [3960, 320]);
	filterNode(
		b,
		'Export Unsuccessful?',
		[3080, 560],
		"={{ ['failed'].includes($json.interview.result) }}",
	);
	pseudonymize(b, [3300, 560]);
	setNode(
		b,
		'Pseudonymous Profile',
		[3960, 560],
		[
			[
				'profile',
				'object',
				"={{ { email: $json.pseudonym.email, name: $json.pseudonym.name, tags: ['Interview export', 'Interview not passed', 'Pseudonymised'], sources: ['Interview platform'] } }}",
			],
		],
	);
	b.keep('Upsert Pseudonymous Candidate', [4180, 560]);
	b.keep('Add Pseudonymous Feedback Note', [4400, 480]);
	b.keep('Archive as Not Passed', [4400, 680]);
	b.keep('Stage Changed', [2200, 1500]);
	filterNode(
		b,
		'Exported by This Recipe?',
		[2420, 1500],
		"={{ ($json.opportunity?.tags ?? []).includes('Interview export') }}",
	);
	postBack(
		b,
		'Post Stage Back',
		[2640, 1500],
		toolkit.nodes.find((node) => node.name === 'Post Stage Back'),
	);
	b.chain(
		'Interview Completed',
		'Interview Job → ATS Job',
		'Job Mapped?',
		'Interview Job → Recruiter',
		'Interview Result',
	);
	b.connect('Interview Result', 'Candidate Profile', 0);
	b.connect('Interview Result', 'Export Unsuccessful?', 1);
	b.chain('Candidate Profile', 'Upsert Candidate', 'Add Feedback Note');
	b.connect('Upsert Candidate', 'Has Report?');
	b.chain('Has Report?', 'Download Report', 'Attach Report');
	b.connect('Export Unsuccessful?', 'Normalise Identifier');
	b.chain(
		'Pseudonymize',
		'Pseudonymous Profile',
		'Upsert Pseudonymous Candidate',
		'Add Pseudonymous Feedback Note',
	);
	b.connect('Upsert Pseudonymous Candidate', 'Archive as Not Passed');
	b.chain('Stage Changed', 'Exported by This Recipe?', 'Post Stage Back');
	failures(
		b,
		[
			...['Upsert Candidate', 'Add Feedback Note', 'Download Report', 'Attach Report'].map(
				(step) => [step, WHO],
			),
			...[
				'Upsert Pseudonymous Candidate',
				'Add Pseudonymous Feedback Note',
				'Archive as Not Passed',
			].map((step) => [step, WHO_PSEUDONYMOUS]),
			['Post Stage Back', "={{ 'opportunity ' + $('Stage Changed').item.json.opportunity?.id }}"],
		],
		[4700, 1000],
	);
	return b.workflow();
}

export function exportSmartRecruiters() {
	const toolkit = toolkitEdition('export-on-interview-feedback.smartrecruiters.json');
	const b = new Builder(
		'export-on-interview-feedback.smartrecruiters.json',
		'Export on interview feedback to SmartRecruiters (n8n Cloud)',
		toolkit,
	);
	stickies(b, 'SmartRecruiters', 'Post Status Back');
	contactEventIntake(b, {
		name: 'Interview Completed',
		path: 'export-on-interview-feedback-smartrecruiters',
		types: ['interview.completed'],
		credential: CRED,
	});
	setNode(
		b,
		'Interview Job → ATS Job',
		[2200, 300],
		[
			[
				'smartrecruiters.jobId',
				'string',
				"={{ ({ 'ip-backend': '0b000000-0000-4000-8000-000000000001', 'ip-data': '0b000000-0000-4000-8000-000000000002' })[$json.job?.id] ?? '' }}",
			],
		],
	);
	filterNode(b, 'Job Mapped?', [2420, 300], "={{ $json.smartrecruiters.jobId !== '' }}");
	switchNode(
		b,
		'Interview Result',
		[2640, 300],
		[
			['Successful', "={{ $json.interview.result === 'passed' }}"],
			['Unsuccessful', "={{ $json.interview.result === 'failed' }}"],
		],
	);
	setNode(
		b,
		'Candidate Profile',
		[3080, 200],
		[
			[
				'profile',
				'object',
				"={{ { ...$json.candidate, tags: ['Interview export', 'Interview passed'] } }}",
			],
		],
	);
	b.keep('Upsert Candidate', [3300, 200]);
	b.keep('Add Feedback Note', [3520, 100]);
	filterNode(
		b,
		'Has Report?',
		[3520, 320],
		"={{ $json.jobApplication !== 'notAttached' && !!$('Interview Completed').item.json.interview.reportUrl }}",
	);
	downloadFile(
		b,
		'Download Report',
		[3740, 320],
		"$('Interview Completed').item.json.interview.reportUrl",
		'report',
	);
	b.keep('Attach Report', [3960, 320]);
	filterNode(
		b,
		'Export Unsuccessful?',
		[3080, 560],
		"={{ ['failed'].includes($json.interview.result) }}",
	);
	pseudonymize(b, [3300, 560]);
	setNode(
		b,
		'Pseudonymous Profile',
		[3960, 560],
		[
			[
				'profile',
				'object',
				"={{ { email: $json.pseudonym.email, firstName: 'Candidate', lastName: $json.pseudonym.id, tags: ['Interview export', 'Interview not passed', 'Pseudonymised'] } }}",
			],
		],
	);
	b.keep('Upsert Pseudonymous Candidate', [4180, 560]);
	b.keep('Add Pseudonymous Feedback Note', [4400, 480]);
	b.keep('Reject as Not Passed', [4400, 680]);
	b.keep('Status Changed', [2200, 1500]);
	b.keep('Get Changed Candidate', [2420, 1500]);
	filterNode(
		b,
		'Exported by This Recipe?',
		[2640, 1500],
		"={{ ($json.tags ?? []).includes('Interview export') }}",
	);
	postBack(
		b,
		'Post Status Back',
		[2860, 1500],
		toolkit.nodes.find((node) => node.name === 'Post Status Back'),
	);
	b.chain('Interview Completed', 'Interview Job → ATS Job', 'Job Mapped?', 'Interview Result');
	b.connect('Interview Result', 'Candidate Profile', 0);
	b.connect('Interview Result', 'Export Unsuccessful?', 1);
	b.chain('Candidate Profile', 'Upsert Candidate', 'Add Feedback Note');
	b.connect('Upsert Candidate', 'Has Report?');
	b.chain('Has Report?', 'Download Report', 'Attach Report');
	b.connect('Export Unsuccessful?', 'Normalise Identifier');
	b.chain(
		'Pseudonymize',
		'Pseudonymous Profile',
		'Upsert Pseudonymous Candidate',
		'Add Pseudonymous Feedback Note',
	);
	b.connect('Upsert Pseudonymous Candidate', 'Reject as Not Passed');
	b.chain(
		'Status Changed',
		'Get Changed Candidate',
		'Exported by This Recipe?',
		'Post Status Back',
	);
	const who = "={{ 'candidate ' + $('Status Changed').item.json.application?.candidateId }}";
	failures(
		b,
		[
			...['Upsert Candidate', 'Add Feedback Note', 'Download Report', 'Attach Report'].map(
				(step) => [step, WHO],
			),
			...[
				'Upsert Pseudonymous Candidate',
				'Add Pseudonymous Feedback Note',
				'Reject as Not Passed',
			].map((step) => [step, WHO_PSEUDONYMOUS]),
			['Get Changed Candidate', who],
			['Post Status Back', who],
		],
		[4700, 1000],
	);
	return b.workflow();
}
