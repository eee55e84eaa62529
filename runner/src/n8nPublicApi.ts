/**
 * The part of n8n's public REST API (`<n8n>/api/v1`, authenticated with an API key in `X-N8N-API-KEY`) that
 * `ats-sync n8n-setup` uses: list and create credentials, list, create and update workflows. Checked against n8n 2.41.1.
 */
import type { INode, IWorkflowBase } from 'n8n-workflow';

import { UserError } from './errors';

export interface PublicCredential {
	id: string;
	name: string;
	type: string;
}

export interface PublicWorkflow {
	id: string;
	name: string;
	active: boolean;
	isArchived?: boolean;
	versionId?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	settings?: Record<string, unknown> | null;
}

/** The fields n8n's public API takes when a workflow is created or replaced (it refuses any other). */
export type WorkflowWrite = Pick<IWorkflowBase, 'name' | 'nodes' | 'connections'> & {
	settings: Record<string, unknown>;
	pinData?: IWorkflowBase['pinData'];
};

const PAGE_SIZE = 250;

export class N8nPublicApi {
	private readonly baseUrl: string;

	constructor(
		url: string,
		private readonly apiKey: string,
	) {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			throw new UserError(
				`--url ${url} is not a URL (give the n8n address, e.g. https://n8n.example.com)`,
			);
		}
		if (!['http:', 'https:'].includes(parsed.protocol))
			throw new UserError(`--url ${url}: use an http(s) address`);
		this.baseUrl = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}/api/v1`;
	}

	private async request<T>(method: string, route: string, body?: unknown): Promise<T> {
		let response: Response;
		try {
			response = await fetch(`${this.baseUrl}${route}`, {
				method,
				headers: {
					accept: 'application/json',
					'x-n8n-api-key': this.apiKey,
					...(body === undefined ? {} : { 'content-type': 'application/json' }),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		} catch (error) {
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			throw new UserError(
				`n8n at ${this.baseUrl} cannot be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`,
			);
		}
		const text = await response.text();
		if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
		let message = text.slice(0, 300);
		try {
			message = (JSON.parse(text) as { message?: string }).message ?? message;
		} catch {
			// not JSON: keep the text
		}
		const hint =
			response.status === 401
				? ': check --api-key (Settings → n8n API in the editor)'
				: response.status === 403
					? ': the API key needs the scopes credential:list, credential:create, workflow:list, workflow:create, workflow:read and workflow:update, and to belong to the owner or an admin'
					: response.status === 404 && route === '/credentials'
						? ': is the public API enabled (N8N_PUBLIC_API_DISABLED) and is this n8n 1.x or later?'
						: '';
		throw new UserError(
			`n8n ${method} /api/v1${route.split('?')[0]} → ${response.status}: ${message}${hint}`,
		);
	}

	private async all<T>(route: string): Promise<T[]> {
		const items: T[] = [];
		let cursor: string | null | undefined;
		do {
			const separator = route.includes('?') ? '&' : '?';
			const page = await this.request<{ data: T[]; nextCursor?: string | null }>(
				'GET',
				`${route}${separator}limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			items.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return items;
	}

	async credentials(): Promise<PublicCredential[]> {
		return (await this.all<PublicCredential>('/credentials')).map(({ id, name, type }) => ({
			id,
			name,
			type,
		}));
	}

	async createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<PublicCredential> {
		const { id, name, type } = await this.request<PublicCredential>(
			'POST',
			'/credentials',
			credential,
		);
		return { id, name, type };
	}

	/** Workflows named exactly `name` (n8n's name filter also matches parts of names), archived ones left out. */
	async workflowsNamed(name: string): Promise<PublicWorkflow[]> {
		const found = await this.all<PublicWorkflow>(
			`/workflows?name=${encodeURIComponent(name)}&excludePinnedData=true`,
		);
		return found.filter((workflow) => workflow.name === name && !workflow.isArchived);
	}

	async createWorkflow(workflow: WorkflowWrite): Promise<PublicWorkflow> {
		return await this.request<PublicWorkflow>('POST', '/workflows', workflow);
	}

	async updateWorkflow(id: string, workflow: WorkflowWrite): Promise<PublicWorkflow> {
		return await this.request<PublicWorkflow>(
			'PUT',
			`/workflows/${encodeURIComponent(id)}`,
			workflow,
		);
	}
}
