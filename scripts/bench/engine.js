/**
 * Engine overhead without HTTP: 5,000 contact events through Contact Event Trigger → JSON Logic sync policy →
 * ATS Field Map in one `ats-sync run` (child process).
 */
const path = require('node:path');

const {
	TOOLKIT_PACKAGE,
	contactEvent,
	result,
	round,
	runCli,
	targets,
	tempDir,
	writeJson,
	writeNdjson,
} = require('./lib');

const SECTION = 'engine';
const COUNT = 5000;

async function run() {
	const dir = tempDir(SECTION);
	const workflow = writeJson(dir, 'engine.json', {
		name: 'bench: generic chain',
		nodes: [
			{
				id: '1',
				name: 'Contact Event',
				type: `${TOOLKIT_PACKAGE}.contactEventTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'none' },
			},
			{
				id: '2',
				name: 'Sync Policy',
				type: `${TOOLKIT_PACKAGE}.jsonLogicRules`,
				typeVersion: 1,
				position: [200, 0],
				parameters: { mode: 'syncPolicy', defaultPolicy: 'replied' },
			},
			{
				id: '3',
				name: 'Candidate Profile',
				type: `${TOOLKIT_PACKAGE}.atsFieldMap`,
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					mode: 'candidate',
					baseProfile: '={{ $json.candidate }}',
					mandatoryFields: ['email'],
				},
			},
		],
		connections: {
			'Contact Event': { main: [[{ node: 'Sync Policy', type: 'main', index: 0 }]] },
			'Sync Policy': { main: [[{ node: 'Candidate Profile', type: 'main', index: 0 }], []] },
		},
		settings: {},
	});
	// A quarter are contact.added events, which the default "replied" policy does not sync.
	const events = Array.from({ length: COUNT }, (_, i) =>
		contactEvent(i, { type: i % 4 === 0 ? 'contact.added' : 'contact.interested' }),
	);
	const input = writeNdjson(dir, 'engine.ndjson', events);
	const cli = await runCli([
		'run',
		workflow,
		'--input',
		input,
		'--state',
		path.join(dir, 'state.json'),
	]);
	const profiles = cli.summary.nodes.find((node) => node.node === 'Candidate Profile')?.itemsOut;
	const rssMb = cli.usage ? cli.usage.maxRssKb / 1024 : NaN;
	return [
		result(
			SECTION,
			`profiles built of ${COUNT * 0.75} synced events`,
			profiles,
			'items',
			targets.exactly(COUNT * 0.75),
			`exit ${cli.code}`,
		),
		result(
			SECTION,
			'events/s end to end (process start to exit)',
			round(COUNT / cli.seconds, 0),
			'events/s',
			targets.atLeast(500),
		),
		result(SECTION, 'peak RSS of the run', round(rssMb, 0), 'MB', targets.atMost(600)),
	];
}

module.exports = { name: SECTION, title: `${COUNT} events through the generic chain`, run };
