/**
 * Building blocks of the Cloud editions (recipes/cloud/): a workflow builder that keeps the toolkit edition's ATS
 * nodes unchanged, and the built-in n8n nodes that stand in for the toolkit's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Stable ids: the same edition always gets the same node ids and webhook ids. */
export const uuid = (seed) => {
	const h = createHash('sha1').update(seed).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
export const toolkitEdition = (file) => JSON.parse(readFileSync(`${ROOT}/recipes/${file}`, 'utf8'));

/** Checks that no `{{ … }}` expression holds a stray `}}` before its end (n8n would cut it there). */
function checkExpression(value, where) {
	if (typeof value !== 'string' || !value.startsWith('=')) return;
	const body = value.slice(1);
	let rest = body;
	while (rest.includes('{{')) {
		const start = rest.indexOf('{{');
		const end = rest.indexOf('}}', start);
		if (end < 0) throw new Error(`${where}: unclosed expression`);
		const inner = rest.slice(start + 2, end);
		if (inner.includes('{{')) throw new Error(`${where}: nested {{ in ${inner.slice(0, 80)}`);
		rest = rest.slice(end + 2);
	}
}
function walk(value, where) {
	if (typeof value === 'string') checkExpression(value, where);
	else if (Array.isArray(value)) value.forEach((entry, index) => walk(entry, `${where}[${index}]`));
	else if (value && typeof value === 'object')
		for (const [key, child] of Object.entries(value)) walk(child, `${where}.${key}`);
}

export class Builder {
	constructor(file, name, toolkit) {
		this.file = file;
		this.name = name;
		this.toolkit = toolkit;
		this.nodes = [];
		this.connections = {};
	}
	add(name, type, typeVersion, position, parameters, extra = {}) {
		if (this.nodes.some((node) => node.name === name)) throw new Error(`duplicate node ${name}`);
		const node = {
			parameters,
			id: uuid(`${this.file}/${name}`),
			name,
			type,
			typeVersion,
			position,
			...extra,
		};
		walk(parameters, `${this.file}/${name}`);
		this.nodes.push(node);
		return node;
	}
	/** A node of the toolkit edition, unchanged (ATS nodes and triggers). */
	keep(name, position, changes = {}) {
		const node = structuredClone(this.toolkit.nodes.find((candidate) => candidate.name === name));
		if (!node) throw new Error(`toolkit edition has no ${name}`);
		if (!node.type.startsWith('n8n-nodes-ats-sync.')) throw new Error(`${name} is a ${node.type}`);
		Object.assign(node, { position: position ?? node.position }, changes);
		if (changes.parameters)
			node.parameters = {
				...this.toolkit.nodes.find((c) => c.name === name).parameters,
				...changes.parameters,
			};
		walk(node.parameters, `${this.file}/${name}`);
		this.nodes.push(node);
		return node;
	}
	sticky(key, position, width, height, content, color) {
		return this.add(key, 'n8n-nodes-base.stickyNote', 1, position, {
			content,
			height,
			width,
			...(color ? { color } : {}),
		});
	}
	connect(from, to, output = 0, input = 0) {
		if (!this.nodes.some((node) => node.name === from)) throw new Error(`connect: no ${from}`);
		if (!this.nodes.some((node) => node.name === to)) throw new Error(`connect: no ${to}`);
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: input });
	}
	position(name) {
		return this.nodes.find((node) => node.name === name).position;
	}
	chain(...names) {
		for (let index = 1; index < names.length; index++) this.connect(names[index - 1], names[index]);
	}
	workflow() {
		return {
			name: this.name,
			nodes: this.nodes,
			pinData: {},
			connections: this.connections,
			active: false,
			settings: this.toolkit.settings,
			meta: { templateCredsSetupCompleted: false },
		};
	}
}

/* ---- built-in node shapes ---- */

const condition = (key, expression) => ({
	id: uuid(key),
	leftValue: expression,
	rightValue: '',
	operator: { type: 'boolean', operation: 'true', singleValue: true },
});
export const conditions = (key, expression) => ({
	options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
	conditions: [condition(key, expression)],
	combinator: 'and',
});

export function ifNode(b, name, position, expression) {
	return b.add(name, 'n8n-nodes-base.if', 2.2, position, {
		conditions: conditions(`${b.file}/${name}`, expression),
		looseTypeValidation: true,
		options: {},
	});
}
export function filterNode(b, name, position, expression) {
	return b.add(name, 'n8n-nodes-base.filter', 2.2, position, {
		conditions: conditions(`${b.file}/${name}`, expression),
		looseTypeValidation: true,
		options: {},
	});
}
export function switchNode(b, name, position, rules, options = {}) {
	return b.add(name, 'n8n-nodes-base.switch', 3.2, position, {
		rules: {
			values: rules.map(([outputKey, expression]) => ({
				conditions: conditions(`${b.file}/${name}/${outputKey}`, expression),
				renameOutput: true,
				outputKey,
			})),
		},
		looseTypeValidation: true,
		options,
	});
}
/** Edit Fields (Set): `fields` are [name, type, value]; other fields of the item are kept unless `keepOthers` is false. */
export function setNode(b, name, position, fields, { keepOthers = true, extra = {} } = {}) {
	return b.add(
		name,
		'n8n-nodes-base.set',
		3.4,
		position,
		{
			assignments: {
				assignments: fields.map(([field, type, value]) => ({
					id: uuid(`${b.file}/${name}/${field}`),
					name: field,
					value,
					type,
				})),
			},
			...(keepOthers ? { includeOtherFields: true } : {}),
			options: {},
		},
		extra,
	);
}
export function respondNode(b, name, position, code, body) {
	return b.add(name, 'n8n-nodes-base.respondToWebhook', 1.5, position, {
		respondWith: 'json',
		responseBody: body,
		options: { responseCode: code },
	});
}
export function cryptoHmac(b, name, position, { value, binary, output, credential }) {
	return b.add(
		name,
		'n8n-nodes-base.crypto',
		2,
		position,
		{
			action: 'hmac',
			...(binary ? { binaryData: true, binaryPropertyName: binary } : { value }),
			type: 'SHA256',
			dataPropertyName: output,
			encoding: 'hex',
		},
		{ credentials: { crypto: credential } },
	);
}
/**
 * Failed items end the execution as failed, after every other step: each failing step's error output goes to a
 * "Failed at <step>" Set (who: email or id, where: the step, why: its error), and all of those into one input each
 * of **Collect Failures** (Merge). With n8n's v1 execution order a Merge whose inputs did not all get data runs
 * only once nothing else is left to run, so **Fail the Execution** (Stop and Error) fires after the success
 * branches, naming every failed item. `sources` are [step, who expression, output (default 1: the error output), where (default: the step)].
 */
export function failures(b, sources, [mergeX, y]) {
	if (sources.length < 2 || sources.length > 10)
		throw new Error(`${b.file}: ${sources.length} failure sources`);
	b.add('Collect Failures', 'n8n-nodes-base.merge', 3.2, [mergeX, y], {
		numberInputs: sources.length,
	});
	sources.forEach(([step, who, output = 1, where = step], input) => {
		const name = step === where ? `Failed at ${step}` : `Failed at ${where} (${step})`;
		setNode(
			b,
			name,
			[b.position(step)[0] + 110, y],
			[
				['who', 'string', who],
				['where', 'string', where],
				['why', 'string', '={{ $json.error }}'],
			],
			{ keepOthers: false },
		);
		b.connect(step, name, output);
		b.connect(name, 'Collect Failures', 0, input);
	});
	b.add('Fail the Execution', 'n8n-nodes-base.stopAndError', 1, [mergeX + 220, y], {
		errorMessage:
			"={{ $input.all().map(item => item.json.who + ' failed at \"' + item.json.where + '\": ' + item.json.why).join('\\n') }}",
	});
	b.connect('Collect Failures', 'Fail the Execution');
}
export function httpRequest(b, name, position, parameters, extra = {}) {
	return b.add(name, 'n8n-nodes-base.httpRequest', 4.2, position, parameters, extra);
}
/** A file download with HTTP Request, the query string sent as parameters so the file keeps its name from the URL path. */
export function downloadFile(b, name, position, urlExpression, property) {
	return httpRequest(
		b,
		name,
		position,
		{
			url: `={{ ${urlExpression}.split('?')[0] }}`,
			sendQuery: true,
			specifyQuery: 'json',
			jsonQuery: `={{ JSON.stringify(Object.fromEntries((${urlExpression}.split('?')[1] ?? '').split('#')[0].split('&').filter(pair => pair !== '').map(pair => pair.split('=').map(part => decodeURIComponent(part.replace(/\\+/g, ' ')))))) }}`,
			options: { response: { response: { responseFormat: 'file', outputPropertyName: property } } },
		},
		{ onError: 'continueErrorOutput' },
	);
}

export const ONBOARDING_HTTP_OPTIONS = {
	response: { response: { fullResponse: true, neverError: true } },
};
