/** Hires made in the SmartRecruiters simulator through its API, and the systems a hire goes through, for the crash scenarios. */
import { startOnboardingSimulator } from '../simulators/onboarding';
import {
	SMARTRECRUITERS_SEED,
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import { writeJson } from '../recipes/helpers';
import { KillSwitch, startCountingProxy } from './killSwitch';
import type { MadeHire } from './pollScenario';

const S = SMARTRECRUITERS_SEED;

/** `pushed`: the hire has a start date, so the recipe pushes it (without one, and no offer, it only gets a note). */
export interface SrHire extends MadeHire {
	candidateId: string;
	email: string;
}

/** Makes hires on the Product Designer job; `atUpdatedOn` restamps the change (a change at exactly the cursor). */
export function srHireMaker(sim: SmartRecruitersSimulator) {
	let count = 0;
	const api = async (method: string, path: string, body?: object) => {
		const response = await fetch(`${sim.baseUrl}${path}`, {
			method,
			headers: { 'x-smarttoken': S.apiKey, 'content-type': 'application/json' },
			body: body && JSON.stringify(body),
		});
		const text = await response.text();
		if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
		return (text ? JSON.parse(text) : undefined) as { id: string } | undefined;
	};

	return async function hire(
		withStartDate: boolean,
		madeWhen: string,
		atUpdatedOn?: string,
	): Promise<SrHire> {
		const index = ++count;
		const email = `sr.hire.${index}@example.org`;
		const created = await api('POST', `/jobs/${S.jobs.productDesigner}/candidates`, {
			firstName: 'Hire',
			lastName: `Number${index}`,
			email,
		});
		const candidateId = created!.id;
		await api('PUT', `/candidates/${candidateId}/jobs/${S.jobs.productDesigner}/status`, {
			status: 'HIRED',
			...(withStartDate
				? { startsOn: new Date(Date.UTC(2027, 2, 1 + (index % 28))).toISOString() }
				: {}),
		});
		if (atUpdatedOn !== undefined)
			sim.state.candidates.find((candidate) => candidate.id === candidateId)!.updatedOn =
				atUpdatedOn;
		return { candidateId, email, pushed: withStartDate, madeWhen };
	};
}

/** The SmartRecruiters poll trigger's saved cursor (an ISO time), or undefined before the first poll. */
export function savedSrCursor(stateFileText: string | undefined): string | undefined {
	if (!stateFileText) return undefined;
	const { staticData } = JSON.parse(stateFileText) as {
		staticData: Record<string, { cursor?: unknown }>;
	};
	for (const value of Object.values(staticData))
		if (typeof value?.cursor === 'string') return value.cursor;
	return undefined;
}

/**
 * The SmartRecruiters and onboarding simulators behind counting proxies on one kill switch, as the hire recipe meets
 * them, and a credentials file that points the recipe at the proxies.
 */
export async function srHireSystems(
	options: Parameters<typeof startSmartRecruitersSimulator>[0],
	onboardingToken: string,
) {
	const sim = await startSmartRecruitersSimulator(options);
	const onboarding = await startOnboardingSimulator({
		auth: { header: 'authorization', value: onboardingToken },
	});
	const killSwitch = new KillSwitch();
	const srProxy = await startCountingProxy(sim.baseUrl, killSwitch);
	const onboardingProxy = await startCountingProxy(onboarding.baseUrl, killSwitch);
	return {
		sim,
		onboarding,
		killSwitch,
		onboardingUrl: `${onboardingProxy.url}/employees`,
		credentials: (dir: string) =>
			writeJson(dir, 'credentials.json', {
				'SmartRecruiters account': {
					type: 'smartRecruitersApi',
					data: {
						apiKey: S.apiKey,
						environment: 'custom',
						customUrl: srProxy.url,
						allowHttpWebhookUrls: true,
					},
				},
				'Onboarding API': {
					type: 'onboardingApi',
					data: { authType: 'header', headerName: 'Authorization', headerValue: onboardingToken },
				},
			}),
		close: async () => {
			await srProxy.close();
			await onboardingProxy.close();
			await sim.close();
			await onboarding.close();
		},
	};
}
