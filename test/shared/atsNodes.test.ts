/**
 * Lever and SmartRecruiters as one design: every Resource and Operation option has its module and every exported
 * operation an option, and a concept both nodes have carries the same parameter name, labels and range.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { findOperation } from '../../nodes/shared/router';
import { Lever } from '../../nodes/Lever/Lever.node';
import { resources as leverResources } from '../../nodes/Lever/actions/router';
import { LeverPollTrigger } from '../../nodes/Lever/LeverPollTrigger.node';
import { LeverTrigger } from '../../nodes/Lever/LeverTrigger.node';
import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import { resources as srResources } from '../../nodes/SmartRecruiters/actions/router';
import { SmartRecruitersPollTrigger } from '../../nodes/SmartRecruiters/SmartRecruitersPollTrigger.node';
import { SmartRecruitersTrigger } from '../../nodes/SmartRecruiters/SmartRecruitersTrigger.node';
import type { ResourceModule } from '../../nodes/shared/router';

const nodes: Array<[string, INodeTypeDescription, Record<string, ResourceModule>]> = [
	['Lever', new Lever().description, leverResources],
	['SmartRecruiters', new SmartRecruiters().description, srResources],
];

const optionValues = (property: INodeProperties | undefined) =>
	(property?.options ?? []).map((option) => String((option as { value: unknown }).value));

/** Every property of an operation (collections included), with the operation's parameters by name. */
function operationProperties(
	description: INodeTypeDescription,
	resource: string,
	operation: string,
): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return (
			show?.resource?.includes(resource) &&
			(show.operation === undefined || show.operation.includes(operation))
		);
	});
}

describe.each(nodes)('%s node', (_name, description, resources) => {
	it('has a resource module for every Resource option, and an operation for every Operation option', () => {
		const resourceOptions = optionValues(
			description.properties.find((property) => property.name === 'resource'),
		);
		expect(resourceOptions.sort()).toEqual(Object.keys(resources).sort());
		for (const resource of resourceOptions) {
			const selector = description.properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			);
			const offered = optionValues(selector);
			const exported = Object.keys(resources[resource]).filter((key) =>
				findOperation(resources, resource, key),
			);
			expect(offered.sort()).toEqual(exported.sort());
		}
	});

	it('lists Protected and Mandatory Fields in words', () => {
		const upsert = Object.keys(resources).flatMap((resource) =>
			operationProperties(description, resource, 'upsert'),
		);
		for (const name of ['protectedFields', 'mandatoryFields']) {
			const property = upsert.find((candidate) => candidate.name === name)!;
			expect(property.displayName).toBe(
				name === 'protectedFields' ? 'Protected Fields' : 'Mandatory Fields',
			);
			expect(property.options?.map((option) => option.name)).toContain('First Name');
		}
	});
});

describe('one name per concept', () => {
	const upsertOf = (description: INodeTypeDescription, resource: string) =>
		operationProperties(description, resource, 'upsert');

	it('candidate input: the same parameters, labels and choices in both upserts', () => {
		const [lever, sr] = [
			upsertOf(new Lever().description, 'opportunity'),
			upsertOf(new SmartRecruiters().description, 'candidate'),
		];
		for (const name of [
			'profileInput',
			'candidateProfile',
			'email',
			'profileFields',
			'protectedFields',
			'mandatoryFields',
		]) {
			const [a, b] = [lever.find((p) => p.name === name), sr.find((p) => p.name === name)];
			expect([name, a?.displayName, a?.type]).toEqual([name, b?.displayName, b?.type]);
		}
		const input = sr.find((p) => p.name === 'profileInput')!;
		expect(input.options?.map((option) => option.name)).toEqual([
			'Candidate Profile (JSON)',
			'Define Below',
		]);
	});

	it('webhook triggers: one signature tolerance, at least 1 second', () => {
		const tolerance = (description: INodeTypeDescription) =>
			(description.properties.find((p) => p.name === 'options')?.options as INodeProperties[]).find(
				(p) => p.name === 'toleranceSeconds',
			);
		const [lever, sr] = [
			tolerance(new LeverTrigger().description),
			tolerance(new SmartRecruitersTrigger().description),
		];
		expect(lever).toMatchObject({
			displayName: 'Signature Tolerance (Seconds)',
			typeOptions: { minValue: 1 },
			default: 300,
		});
		expect(sr).toMatchObject({
			displayName: lever!.displayName,
			typeOptions: lever!.typeOptions,
			default: lever!.default,
		});
	});

	it('poll triggers: Event and Options → Start From', () => {
		for (const description of [
			new LeverPollTrigger().description,
			new SmartRecruitersPollTrigger().description,
		]) {
			expect(description.properties.find((p) => p.name === 'event')?.displayName).toBe('Event');
			const options = description.properties.find((p) => p.name === 'options')
				?.options as INodeProperties[];
			expect(options.find((p) => p.name === 'startFrom')?.displayName).toBe('Start From');
		}
	});
});
