import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ProfileField } from '../../../shared/candidate';
import { profileLinkList, sameEmail } from '../../../shared/candidate';
import { locatorValue } from '../../../shared/parameters';
import type { CandidateStore } from '../../../shared/upsert';
import { upsertCandidateByEmail } from '../../../shared/upsert';
import type { LeverOpportunity } from '../../helpers/profile';
import {
	contactUpdateBody,
	expandProtectedFields,
	FIELDS_LEVER_DOES_NOT_STORE,
	newEntries,
	opportunityToProfile,
	profileFromParameters,
} from '../../helpers/profile';
import { leverApiRequest } from '../../transport';
import { candidateProfileProperties, creationOptions, performAsRLC, postingRLC, protectedAndMandatoryFields } from '../common.descriptions';
import { createOpportunity, creationSettings, findOpportunitiesByEmail } from './creation';

const CONTACT_FIELDS: ProfileField[] = ['email', 'name', 'firstName', 'lastName', 'headline', 'location', 'phones', 'additionalEmails'];

const properties: INodeProperties[] = [
	...candidateProfileProperties,
	{
		...postingRLC,
		description:
			'The job. With a posting the candidacy on that posting is updated, or created if the person has none there; without one, any opportunity of the person is updated.',
	},
	performAsRLC,
	...protectedAndMandatoryFields,
	{
		displayName: 'Origin, Stage and Owner below are only used when no opportunity is found and a new one is created',
		name: 'creationNotice',
		type: 'notice',
		default: '',
	},
	...creationOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['upsert'] } }, properties);

/** The active candidacy first, then the most recently changed one. */
function preferredOpportunity(matches: LeverOpportunity[]): LeverOpportunity {
	return [...matches].sort((a, b) => {
		if ((a.archived === null) !== (b.archived === null)) return a.archived === null ? -1 : 1;
		return (b.updatedAt ?? b.createdAt) - (a.updatedAt ?? a.createdAt);
	})[0];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const profile = profileFromParameters.call(this, itemIndex);
	const performAs = locatorValue.call(this, 'performAs', itemIndex);
	const settings = creationSettings.call(this, itemIndex);
	const opportunityPath = (opportunity: LeverOpportunity) => `/opportunities/${encodeURIComponent(opportunity.id)}`;

	const store: CandidateStore<LeverOpportunity> = {
		findByEmail: async (email) => {
			const found = await findOpportunitiesByEmail.call(this, email, settings.posting);
			return found.filter((opportunity) => (opportunity.emails ?? []).some((known) => sameEmail(known, email)));
		},
		choose: preferredOpportunity,
		toProfile: (opportunity) => opportunityToProfile(opportunity, profile.email ?? '', profile),
		create: async (candidate) => ({ record: await createOpportunity.call(this, candidate, settings, performAs, itemIndex) }),
		update: async (opportunity, { changes }) => {
			if (CONTACT_FIELDS.some((field) => changes[field] !== undefined)) {
				// Lever keeps name, emails, phones, headline and location on the contact; there is no opportunity update.
				await leverApiRequest.call(this, 'PUT', `/contacts/${encodeURIComponent(opportunity.contact)}`, {
					body: contactUpdateBody(opportunity, changes),
					performAs,
					itemIndex,
				});
			}
			const additions: Array<[string, string, string[]]> = [
				['addTags', 'tags', newEntries(opportunity.tags, changes.tags)],
				['addSources', 'sources', newEntries(opportunity.sources, changes.sources)],
				['addLinks', 'links', changes.links ? newEntries(opportunity.links, profileLinkList({ links: changes.links })) : []],
			];
			for (const [action, key, entries] of additions) {
				if (entries.length === 0) continue;
				// Adding entries that are already there changes nothing, so these are safe to repeat.
				await leverApiRequest.call(this, 'POST', `${opportunityPath(opportunity)}/${action}`, {
					body: { [key]: entries },
					performAs,
					idempotent: true,
					itemIndex,
				});
			}
			const refetched = await leverApiRequest.call(this, 'GET', opportunityPath(opportunity), { itemIndex });
			return { record: refetched.data as LeverOpportunity };
		},
	};

	const outcome = await upsertCandidateByEmail(store, profile, {
		protectedFields: expandProtectedFields(this.getNodeParameter('protectedFields', itemIndex, []) as ProfileField[]),
		mandatoryFields: this.getNodeParameter('mandatoryFields', itemIndex, []) as ProfileField[],
		fieldsNotStored: FIELDS_LEVER_DOES_NOT_STORE,
		node: this.getNode(),
		itemIndex,
	});
	return {
		action: outcome.action,
		opportunityId: outcome.record.id,
		contactId: outcome.record.contact,
		changedFields: outcome.changedFields,
		protectedFieldsKept: outcome.protectedFieldsKept,
		...(outcome.ignoredFields.length ? { ignoredFields: outcome.ignoredFields } : {}),
		opportunity: outcome.record,
	};
}
