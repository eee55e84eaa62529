import jsonLogic from 'json-logic-js';
import type { RulesLogic } from 'json-logic-js';

import { parseJson } from '../shared/parse';

/**
 * JSON Logic (jsonlogic.com) evaluated by json-logic-js, which the build bundles into this node's file (see
 * scripts/build.js) so the published package has no runtime dependency.
 */

/** json-logic-js 2.x operations. `log` is left out on purpose: it writes to the server's console. */
const OPERATIONS = new Set([
	'var',
	'missing',
	'missing_some',
	'if',
	'?:',
	'and',
	'or',
	'!',
	'!!',
	'==',
	'===',
	'!=',
	'!==',
	'>',
	'>=',
	'<',
	'<=',
	'+',
	'-',
	'*',
	'/',
	'%',
	'min',
	'max',
	'in',
	'cat',
	'substr',
	'merge',
	'map',
	'filter',
	'reduce',
	'all',
	'none',
	'some',
]);

export type Rule = RulesLogic;

export class InvalidRuleError extends Error {}

const isOperation = (value: unknown): value is Record<string, unknown> =>
	value !== null &&
	typeof value === 'object' &&
	!Array.isArray(value) &&
	Object.keys(value).length === 1;

/** Every operation used in the rule must be one json-logic-js knows; `path` says where a bad one sits. */
function checkOperations(value: unknown, path: string) {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => checkOperations(entry, `${path}[${index}]`));
		return;
	}
	if (!isOperation(value)) return;
	const [operation] = Object.keys(value);
	if (!OPERATIONS.has(operation)) {
		throw new InvalidRuleError(`unknown operation "${operation}"${path ? ` at ${path}` : ''}`);
	}
	checkOperations(value[operation], path ? `${path}.${operation}` : operation);
}

/** A rule from a node parameter: JSON text, or an object when the parameter is an expression. */
export function parseRule(raw: unknown): Rule {
	let rule: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') throw new InvalidRuleError('the rule is empty');
		const parsed = parseJson(raw);
		if (!parsed.ok) throw new InvalidRuleError(`the rule is not valid JSON (${parsed.message})`);
		rule = parsed.value;
	}
	if (!isOperation(rule) && typeof rule !== 'boolean') {
		throw new InvalidRuleError(
			'a rule must be a JSON Logic operation such as {"==": [{"var": "type"}, "contact.replied"]}, or true/false',
		);
	}
	checkOperations(rule, '');
	return rule as Rule;
}

/** Whether `data` satisfies the rule, with JSON Logic's truthiness (an empty list is false). */
export function matches(rule: Rule, data: unknown): boolean {
	return jsonLogic.truthy(jsonLogic.apply(rule, data));
}

export type SyncPolicy = 'added' | 'replied' | 'interested' | 'never';

/** Which contact events reach the ATS under each policy: a later stage of the conversation always qualifies too. */
export const SYNC_POLICY_EVENTS: Record<SyncPolicy, string[]> = {
	added: ['contact.added', 'contact.replied', 'contact.interested'],
	replied: ['contact.replied', 'contact.interested'],
	interested: ['contact.interested'],
	never: [],
};

export interface SyncPolicySettings {
	defaultPolicy: SyncPolicy;
	overrides: Array<{ campaignId: string; policy: SyncPolicy }>;
	/** Where the event type and campaign id sit in the item (JSON Logic `var` paths). */
	eventTypePath: string;
	campaignIdPath: string;
}

/**
 * The sync policy as one JSON Logic rule: the event type must be among the events of the campaign's policy, where a
 * campaign listed in the overrides uses its own policy and every other campaign the team default. For example
 * default "replied" with campaign c-1 on "interested" gives
 * `{"in": [{"var": "type"}, {"if": [{"==": [{"var": "campaign.id"}, "c-1"]}, ["contact.interested"], ["contact.replied", "contact.interested"]]}]}`.
 */
export function syncPolicyRule(settings: SyncPolicySettings): Rule {
	const seen = new Set<string>();
	const branches: unknown[] = [];
	settings.overrides.forEach(({ campaignId, policy }, index) => {
		const id = campaignId.trim();
		if (id === '') throw new InvalidRuleError(`campaign override ${index + 1} has no campaign ID`);
		if (seen.has(id))
			throw new InvalidRuleError(`campaign "${id}" is listed twice in the campaign overrides`);
		seen.add(id);
		branches.push({ '==': [{ var: settings.campaignIdPath }, id] }, SYNC_POLICY_EVENTS[policy]);
	});
	const defaultEvents = SYNC_POLICY_EVENTS[settings.defaultPolicy];
	const allowedEvents = branches.length > 0 ? { if: [...branches, defaultEvents] } : defaultEvents;
	return { in: [{ var: settings.eventTypePath }, allowedEvents] } as unknown as Rule;
}
