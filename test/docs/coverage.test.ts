/**
 * docs/coverage/*.md cannot drift from the nodes or the vendors' APIs: every operation a node offers is named in its
 * table, every name there is an operation, and every endpoint is listed — SmartRecruiters' from the OpenAPI copy,
 * Lever's (no machine-readable description exists) from the routes the Lever simulator serves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import multer from 'multer';
import type { Router } from 'express';
import type { INodeTypeDescription, INodePropertyOptions } from 'n8n-workflow';
import YAML from 'yaml';

import { Lever } from '../../nodes/Lever/Lever.node';
import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import { activityRoutes } from '../simulators/lever/routes/activity';
import { formRoutes } from '../simulators/lever/routes/forms';
import { interviewRoutes } from '../simulators/lever/routes/interviews';
import { opportunityRoutes } from '../simulators/lever/routes/opportunities';
import { referenceRoutes } from '../simulators/lever/routes/reference';
import { requisitionRoutes } from '../simulators/lever/routes/requisitions';
import { webhookRoutes } from '../simulators/lever/routes/webhooks';
import type { SimContext } from '../simulators/lever/model';
import { SPEC_FILE } from '../simulators/smartrecruiters/spec';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Table {
	/** `METHOD /path` of every row's endpoint column. */
	endpoints: string[];
	/** `Resource → Operation` written in bold in every row's operation column. */
	operations: string[];
}

function readTable(file: string): Table {
	const rows = readFileSync(path.join(__dirname, '..', '..', 'docs', 'coverage', file), 'utf8')
		.split('\n')
		.filter((line) => line.startsWith('| `'));
	const endpoints: string[] = [];
	const operations: string[] = [];
	for (const row of rows) {
		const [endpointCell, operationCell] = row.split(' | ');
		endpoints.push(...[...endpointCell.matchAll(/`([^`]+)`/g)].map((match) => match[1]));
		operations.push(
			...[...operationCell.matchAll(/\*\*([^*]+ → [^*]+)\*\*/g)].map((match) => match[1]),
		);
	}
	return { endpoints, operations };
}

/** Every `Resource → Operation` the node's description offers, by display name. */
function offeredOperations(description: INodeTypeDescription): string[] {
	const resources = description.properties.find((property) => property.name === 'resource')!
		.options as INodePropertyOptions[];
	return resources.flatMap((resource) =>
		description.properties
			.filter(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource as string[] | undefined)?.includes(
						String(resource.value),
					),
			)
			.flatMap((property) =>
				(property.options as INodePropertyOptions[]).map(
					(operation) => `${resource.name} → ${operation.name}`,
				),
			),
	);
}

const duplicates = (values: string[]) =>
	values.filter((value, index) => values.indexOf(value) !== index);

function expectOperationsMatch(table: Table, description: INodeTypeDescription) {
	const offered = offeredOperations(description);
	expect(offered.filter((operation) => !table.operations.includes(operation))).toEqual([]);
	expect(
		[...new Set(table.operations)].filter((operation) => !offered.includes(operation)),
	).toEqual([]);
}

/** The Lever simulator's API routes as `METHOD /path`, read from its routers (none of them uses the context to register). */
function leverSimulatorEndpoints(): string[] {
	const ctx = {} as SimContext;
	const upload = multer({ storage: multer.memoryStorage() });
	const routers: Router[] = [
		opportunityRoutes(ctx, upload),
		activityRoutes(ctx, upload),
		interviewRoutes(ctx),
		formRoutes(ctx),
		referenceRoutes(ctx),
		requisitionRoutes(ctx),
		webhookRoutes(ctx),
	];
	return routers.flatMap((router) =>
		(router.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>).flatMap(
			({ route }) =>
				route
					? Object.keys(route.methods).map(
							(method) => `${method.toUpperCase()} ${route.path.replace(/:\w+/g, ':id')}`,
						)
					: [],
		),
	);
}

describe('docs/coverage', () => {
	it('lever.md names every operation of the Lever node, and only those', () => {
		expectOperationsMatch(readTable('lever.md'), new Lever().description);
	});

	it('lever.md lists every endpoint the Lever simulator serves, each once', () => {
		const { endpoints } = readTable('lever.md');
		expect(duplicates(endpoints)).toEqual([]);
		// Path parameters are compared by position only: the doc names them as Lever's reference does.
		const listed = new Set(endpoints.map((endpoint) => endpoint.replace(/:\w+/g, ':id')));
		const served = new Set(leverSimulatorEndpoints());
		expect(served.size).toBeGreaterThan(80);
		expect([...served].filter((endpoint) => !listed.has(endpoint))).toEqual([]);
	});

	it('smartrecruiters.md names every operation of the SmartRecruiters node, and only those', () => {
		expectOperationsMatch(readTable('smartrecruiters.md'), new SmartRecruiters().description);
	});

	it("smartrecruiters.md lists every method and path of SmartRecruiters' OpenAPI description, each once, and nothing else", () => {
		const spec = YAML.parse(readFileSync(SPEC_FILE, 'utf8')) as {
			paths: Record<string, Record<string, unknown>>;
		};
		const described = Object.entries(spec.paths).flatMap(([route, operations]) =>
			Object.keys(operations)
				.filter((method) => METHODS.includes(method))
				.map((method) => `${method.toUpperCase()} ${route}`),
		);
		const { endpoints } = readTable('smartrecruiters.md');
		expect(duplicates(endpoints)).toEqual([]);
		expect(described.filter((endpoint) => !endpoints.includes(endpoint))).toEqual([]);
		expect(endpoints.filter((endpoint) => !described.includes(endpoint))).toEqual([]);
	});
});
