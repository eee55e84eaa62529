/**
 * The Cloud editions of the recipes (recipes/cloud/): n8n's built-in nodes plus n8n-nodes-ats-sync, nothing from
 * the toolkit. Here: each edition as a scenario's workflow, and the credentials they name, pointing at the simulators.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { recipesDir } from '../recipes/helpers';
import {
	INTERVIEW_SIGNING_SECRET,
	ONBOARDING_TOKEN,
	OUTREACH_SIGNING_SECRET,
	PLATFORM_TOKEN,
	PSEUDONYM_SECRET,
} from '../recipes/inputs';
import {
	credentialsFor,
	type CredentialEntry,
	type Ports,
	type Scenario,
	type Workflow,
} from './scenarios';

export const cloudDir = path.join(recipesDir, 'cloud');

/** The package n8n Cloud installs (verified), and n8n's own node packages. */
export const CLOUD_NODE_PACKAGES = ['n8n-nodes-base', 'n8n-nodes-ats-sync'];

/** The Cloud edition of a scenario's recipe, with the same URLs filled in as in the toolkit edition the scenario uses. */
export function cloudWorkflow(scenario: Scenario, ports: Ports): Workflow {
	const workflow = JSON.parse(
		readFileSync(path.join(cloudDir, scenario.recipe), 'utf8'),
	) as Workflow;
	for (const node of scenario
		.workflow(ports)
		.nodes.filter((candidate) => candidate.type.endsWith('.onboardingPush'))) {
		const cloudNode = workflow.nodes.find((candidate) => candidate.name === node.name);
		if (!cloudNode) throw new Error(`recipes/cloud/${scenario.recipe} has no "${node.name}"`);
		cloudNode.parameters.url = node.parameters.url;
	}
	return workflow;
}

/** Credentials by the names the Cloud editions use: the ATS accounts, Crypto secrets and HTTP header auth. */
export function cloudCredentialsFor(ports: Ports): Record<string, CredentialEntry> {
	const toolkit = credentialsFor(ports);
	const hmac = (secret: string) => ({ type: 'crypto', data: { hmacSecret: secret } });
	const header = (value: string) => ({
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value },
	});
	return {
		'Lever account': toolkit['Lever account'],
		'SmartRecruiters account': toolkit['SmartRecruiters account'],
		'Outreach webhook (Crypto)': hmac(OUTREACH_SIGNING_SECRET),
		'Interview platform webhook (Crypto)': hmac(INTERVIEW_SIGNING_SECRET),
		'Pseudonym secret (Crypto)': hmac(PSEUDONYM_SECRET),
		'Onboarding API (Header Auth)': header(ONBOARDING_TOKEN),
		'Interview platform API (Header Auth)': header(PLATFORM_TOKEN),
	};
}

/** `<where>: <why>` of each item a toolkit run reported failed (`ats-sync` run summaries: "failed: <node> …: <message>"). */
export function runnerFailures(stderr: string, workflow: Workflow): string[] {
	const names = workflow.nodes
		.map((node) => node.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.sort((a, b) => b.length - a.length);
	const line = new RegExp(
		`^\\s+failed: (${names.join('|')})(?: input item #\\d+(?: \\([^)]*\\))?)?: (.*)$`,
		'gm',
	);
	return [...stderr.matchAll(line)].map((match) => `${match[1]}: ${match[2]}`).sort();
}

/** `<where>: <why>` of each item a Cloud edition's "Fail the Execution" named (`<who> failed at "<where>": <why>`). */
export function cloudFailures(messages: string[]): string[] {
	return messages
		.flatMap((message) => message.split('\n'))
		.map((line) => /failed at "(.+?)": (.*)$/.exec(line))
		.map((match) => (match ? `${match[1]}: ${match[2]}` : '(not a failed-item line)'))
		.sort();
}
