/** Shared setup for the Lever node tests: credentials pointing at the simulator and a runNode wrapper. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { LeverSimulator } from '../simulators/lever';
import { runNode } from '../harness';
import type { RunNodeOptions } from '../harness';

export function apiKeyCredentials(
	sim: LeverSimulator,
	extra: IDataObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		leverApi: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, ...extra },
	};
}

/** A resource-locator value in "ID" mode. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Runs the Lever node once through n8n's engine (API key unless other credentials are given). */
export async function runLever(
	sim: LeverSimulator,
	parameters: INodeParameters,
	options: Partial<RunNodeOptions> = {},
) {
	const result = await runNode({
		type: 'lever',
		credentials: options.credentials ?? apiKeyCredentials(sim),
		...options,
		parameters,
	});
	return { ...result, json: (result.outputs[0] ?? []).map((item) => item.json) };
}

/** API requests the simulator saw (OAuth token calls excluded), as "METHOD /path". */
export const apiCalls = (sim: LeverSimulator) =>
	sim.requests
		.filter((request) => request.path.startsWith('/v1/'))
		.map((request) => `${request.method} ${request.path.slice(3)}`);
