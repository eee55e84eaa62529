/** The SmartRecruiters simulator's records as the recipe tests compare them: one plain object per candidate. */
import type { SmartRecruitersSimulator } from '../simulators/smartrecruiters';

export interface SrView {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	phoneNumber?: string;
	location?: Record<string, unknown>;
	web?: Record<string, unknown>;
	tags: string[];
	applications: Array<{ jobId: string; status: string; subStatus?: string; source: unknown; reason?: string; attachments: Array<{ name: string; type: string }> }>;
	/** Note texts without the `#[CANDIDATE:id]` tag that attaches them. */
	notes: string[];
}

/** A snapshot (deep copy): the simulator changes its records in place. */
export function srView(sim: SmartRecruitersSimulator): SrView[] {
	const state = structuredClone(sim.state);
	return state.candidates.map((candidate) => ({
		id: candidate.id,
		firstName: candidate.firstName,
		lastName: candidate.lastName,
		email: candidate.email,
		...(candidate.phoneNumber ? { phoneNumber: candidate.phoneNumber } : {}),
		...(candidate.location ? { location: candidate.location } : {}),
		...(candidate.web ? { web: candidate.web } : {}),
		tags: candidate.tags,
		applications: state.applications
			.filter((application) => application.candidateId === candidate.id)
			.map((application) => ({
				jobId: application.jobId,
				status: application.status,
				...(application.subStatus ? { subStatus: application.subStatus } : {}),
				source: application.source,
				...(application.reasonOfRejection ? { reason: application.reasonOfRejection.id } : {}),
				attachments: application.attachments.map((attachment) => ({ name: attachment.name, type: attachment.type })),
			})),
		notes: state.notes
			.filter((note) => note.candidateIds.includes(candidate.id))
			.map((note) => note.content.replace(`#[CANDIDATE:${candidate.id}] `, '')),
	}));
}

/** Sets an application's status through SmartRecruiters' API, as a recruiter would; returns the HTTP status. */
export async function setSrStatus(sim: SmartRecruitersSimulator, candidateId: string, jobId: string, body: object): Promise<number> {
	const response = await fetch(`${sim.baseUrl}/candidates/${candidateId}/jobs/${jobId}/status`, {
		method: 'PUT',
		headers: { 'x-smarttoken': sim.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return response.status;
}

/** Sets candidate properties on an application through SmartRecruiters' API (`[{id, value}]`); returns the HTTP status. */
export async function setSrProperties(sim: SmartRecruitersSimulator, candidateId: string, jobId: string, properties: Array<{ id: string; value: unknown }>): Promise<number> {
	const response = await fetch(`${sim.baseUrl}/candidates/${candidateId}/jobs/${jobId}/properties`, {
		method: 'PUT',
		headers: { 'x-smarttoken': sim.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify(properties),
	});
	return response.status;
}

export function srByEmail(sim: SmartRecruitersSimulator, email: string): SrView[] {
	return srView(sim).filter((view) => view.email.toLowerCase() === email.toLowerCase());
}
