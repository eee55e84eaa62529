import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { leverCursorPages, searchPage } from '../../shared/transport/pagination';
import { leverApiRequest, leverApiRequestAllItems } from '../transport';

const PAGE_SIZE = 50;
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const contains = (text: unknown, filter?: string) =>
	!filter ||
	String(text ?? '')
		.toLowerCase()
		.includes(filter.trim().toLowerCase());

/** One page of a Lever list, with Lever's `next` token as n8n's pagination token. */
async function page(
	this: ILoadOptionsFunctions,
	endpoint: string,
	qs: IDataObject,
	paginationToken?: string,
) {
	const getPage = async (pageQuery: IDataObject) =>
		await leverApiRequest.call(this, 'GET', endpoint, { qs: { ...qs, ...pageQuery } });
	const { items, paginationToken: next } = await searchPage(
		getPage,
		leverCursorPages,
		PAGE_SIZE,
		paginationToken,
	);
	return { data: items, next };
}

/** Lever has no name search: a full email address is looked up exactly, anything else filters the page by name. */
export async function searchOpportunities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const email = filter?.trim() && LOOKS_LIKE_EMAIL.test(filter.trim()) ? filter.trim() : undefined;
	const { data, next } = await page.call(
		this,
		'/opportunities',
		email ? { email } : {},
		paginationToken,
	);
	const results: INodeListSearchItems[] = data
		.filter(
			(opportunity) =>
				email ||
				contains(opportunity.name, filter) ||
				contains((opportunity.emails as string[])?.join(' '), filter),
		)
		.map((opportunity) => {
			const emails = (opportunity.emails as string[] | undefined) ?? [];
			return {
				name: `${String(opportunity.name || '(no name)')}${emails[0] ? ` <${emails[0]}>` : ''}`,
				value: opportunity.id as string,
				url: (opportunity.urls as IDataObject | undefined)?.show as string | undefined,
			};
		});
	return { results, paginationToken: next };
}

export async function searchPostings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { data, next } = await page.call(this, '/postings', {}, paginationToken);
	const results = data
		.filter((posting) => contains(posting.text, filter))
		.map((posting) => {
			const location = (posting.categories as IDataObject | undefined)?.location;
			return {
				name: `${String(posting.text)} (${String(posting.state)}${location ? `, ${String(location)}` : ''})`,
				value: posting.id as string,
				url: (posting.urls as IDataObject | undefined)?.show as string | undefined,
			};
		});
	return { results, paginationToken: next };
}

export async function searchStages(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const stages = await leverApiRequestAllItems.call(this, '/stages');
	return {
		results: stages
			.filter((stage) => contains(stage.text, filter))
			.map((stage) => ({ name: String(stage.text), value: stage.id as string })),
	};
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const email = filter?.trim() && LOOKS_LIKE_EMAIL.test(filter.trim()) ? filter.trim() : undefined;
	// Only a deactivated user can be reactivated; everywhere else the list holds active users, as Lever's does.
	const deactivated =
		this.getCurrentNodeParameter('operation') === 'reactivate' ? { includeDeactivated: true } : {};
	const { data, next } = await page.call(
		this,
		'/users',
		{ ...(email ? { email } : {}), ...deactivated },
		paginationToken,
	);
	const results = data
		.filter((user) => email || contains(user.name, filter) || contains(user.email, filter))
		.map((user) => ({
			name: `${String(user.name)} <${String(user.email)}>`,
			value: user.id as string,
		}));
	return { results, paginationToken: next };
}

const dateOf = (value: unknown) =>
	typeof value === 'number' ? new Date(value).toISOString().slice(0, 10) : '';

/**
 * A list search over the records of the opportunity chosen in the node (notes, files, interviews …), filtered by the
 * text the user types. Without an opportunity there is nothing to list.
 */
function opportunityRecords(endpoint: string, nameOf: (record: IDataObject) => string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const opportunity = String(
			this.getCurrentNodeParameter('opportunity', { extractValue: true }) ?? '',
		).trim();
		if (!opportunity) return { results: [] };
		const { data, next } = await page.call(
			this,
			`/opportunities/${encodeURIComponent(opportunity)}${endpoint}`,
			{},
			paginationToken,
		);
		const results = data
			.map((record) => ({ name: nameOf(record), value: String(record.id) }))
			.filter((result) => contains(result.name, filter));
		return { results, paginationToken: next };
	};
}

/** A list search over an account-wide list, filtered by the text the user types. */
function accountRecords(endpoint: string, nameOf: (record: IDataObject) => string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const { data, next } = await page.call(this, endpoint, {}, paginationToken);
		const results = data
			.map((record) => ({ name: nameOf(record), value: String(record.id) }))
			.filter((result) => contains(result.name, filter));
		return { results, paginationToken: next };
	};
}

const firstFieldValue = (record: IDataObject) =>
	String(((record.fields ?? []) as IDataObject[])[0]?.value ?? '').slice(0, 60);

export const searchNotes = opportunityRecords('/notes', (note) =>
	`${dateOf(note.createdAt)} ${firstFieldValue(note)}`.trim(),
);
export const searchFiles = opportunityRecords(
	'/files',
	(file) => `${String(file.name)} (${dateOf(file.uploadedAt)})`,
);
export const searchResumes = opportunityRecords(
	'/resumes',
	(resume) =>
		`${String((resume.file as IDataObject | undefined)?.name ?? resume.id)} (${dateOf(resume.createdAt)})`,
);
export const searchOffers = opportunityRecords(
	'/offers',
	(offer) => `${String(offer.status)} offer (${dateOf(offer.createdAt)})`,
);
export const searchFeedback = opportunityRecords(
	'/feedback',
	(feedback) => `${String(feedback.text)} (${dateOf(feedback.createdAt)})`,
);
export const searchInterviews = opportunityRecords(
	'/interviews',
	(interview) => `${String(interview.subject || 'Interview')} (${dateOf(interview.date)})`,
);
export const searchPanels = opportunityRecords('/panels', (panel) => {
	const interviews = (panel.interviews ?? []) as IDataObject[];
	return `${interviews.length} interview${interviews.length === 1 ? '' : 's'} from ${dateOf(panel.start ?? interviews[0]?.date)}${panel.externallyManaged ? '' : ' (made in Lever, read-only)'}`;
});
export const searchProfileForms = opportunityRecords(
	'/forms',
	(form) => `${String(form.text)} (${dateOf(form.createdAt)})`,
);
export const searchReferrals = opportunityRecords(
	'/referrals',
	(referral) => `${String(referral.text)} (${dateOf(referral.createdAt)})`,
);

export const searchFeedbackTemplates = accountRecords('/feedback_templates', (template) =>
	String(template.text),
);
export const searchRequisitions = accountRecords(
	'/requisitions',
	(requisition) =>
		`${String(requisition.requisitionCode)}: ${String(requisition.name)} (${String(requisition.status)})`,
);
export const searchRequisitionFields = accountRecords(
	'/requisition_fields',
	(field) => `${String(field.text)} (${String(field.type)})`,
);
export const searchWebhooks = accountRecords(
	'/webhooks',
	(webhook) => `${String(webhook.event)} → ${String(webhook.url)}`,
);

/** Lever has no contact list: contacts are found through their opportunities (by email when one is typed). */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const email = filter?.trim() && LOOKS_LIKE_EMAIL.test(filter.trim()) ? filter.trim() : undefined;
	const { data, next } = await page.call(
		this,
		'/opportunities',
		email ? { email } : {},
		paginationToken,
	);
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	for (const opportunity of data) {
		const emails = (opportunity.emails as string[] | undefined) ?? [];
		if (seen.has(String(opportunity.contact))) continue;
		if (!email && !contains(opportunity.name, filter) && !contains(emails.join(' '), filter))
			continue;
		seen.add(String(opportunity.contact));
		results.push({
			name: `${String(opportunity.name || '(no name)')}${emails[0] ? ` <${emails[0]}>` : ''}`,
			value: String(opportunity.contact),
		});
	}
	return { results, paginationToken: next };
}
