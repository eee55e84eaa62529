import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { ProfileField } from '../../../shared/candidate';
import { profileLinkList, sameEmail } from '../../../shared/candidate';
import { locatorValue } from '../../../shared/parameters';
import type { CandidateStore } from '../../../shared/upsert';
import { upsertCandidateByEmail } from '../../../shared/upsert';
import type { LeverOpportunity } from '../../helpers/profile';
import {
	contactUpdateBody,
	expandProtectedFields,
	fieldsLeverDoesNotStore,
	newEntries,
	opportunityToProfile,
	profileFromParameters,
} from '../../helpers/profile';
import {
	assertRequiredAnswers,
	customFieldsToStore,
	latestFormValues,
	submitProfileForm,
} from '../../helpers/profileForms';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
import {
	candidateProfileProperties,
	creationOptions,
	customFieldsFormProperty,
	performAsRLC,
	postingRLC,
	protectedAndMandatoryFields,
} from '../common.descriptions';
import { createOpportunity, creationSettings, findOpportunitiesByEmail } from './creation';

const CONTACT_FIELDS: ProfileField[] = [
	'email',
	'name',
	'firstName',
	'lastName',
	'headline',
	'location',
	'phones',
	'additionalEmails',
];

const properties: INodeProperties[] = [
	...candidateProfileProperties,
	{
		...postingRLC,
		description:
			'The job. With a posting the candidacy on that posting is updated, or created if the person has none there; without one, any opportunity of the person is updated.',
	},
	performAsRLC,
	customFieldsFormProperty,
	...protectedAndMandatoryFields,
	{
		displayName:
			'Origin, Stage and Owner below are only used when no opportunity is found and a new one is created',
		name: 'creationNotice',
		type: 'notice',
		default: '',
	},
	...creationOptions,
	{
		displayName: 'Archive Reason for Duplicates Name or ID',
		name: 'duplicateArchiveReason',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getArchiveReasons' },
		default: '',
		description:
			'When another execution created the same person on the same posting at the same moment, the younger of the two opportunities is archived with this reason. Empty: the account\'s active archive reason named "Duplicate". Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['upsert'] } },
	properties,
);

/**
 * The active candidacy first — of several, the oldest, the one the check after a create keeps — then the most
 * recently changed archived one.
 */
function preferredOpportunity(matches: LeverOpportunity[]): LeverOpportunity {
	return [...matches].sort((a, b) => {
		if ((a.archived === null) !== (b.archived === null)) return a.archived === null ? -1 : 1;
		if (a.archived === null) return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
		return (b.updatedAt ?? b.createdAt) - (a.updatedAt ?? a.createdAt);
	})[0];
}

/** The archive reason a duplicate opportunity is archived with: the node's choice, else the account's "Duplicate". */
async function duplicateArchiveReason(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	const chosen = String(this.getNodeParameter('duplicateArchiveReason', itemIndex, '')).trim();
	if (chosen) return chosen;
	const reasons = await leverApiRequestAllItems.call(this, '/archive_reasons', {
		qs: { type: 'non-hired' },
		itemIndex,
	});
	const duplicate = reasons.find(
		(reason) => reason.status !== 'inactive' && /duplicate/i.test(String(reason.text)),
	);
	if (!duplicate) {
		throw new NodeOperationError(
			this.getNode(),
			'Lever has no active archive reason named "Duplicate" to archive a duplicate opportunity with',
			{
				itemIndex,
				description:
					'Another execution created the same person on the same posting at the same moment. Add a non-hired archive reason named "Duplicate" in Lever (Settings → Pipeline and archive reasons), or pick one in "Archive Reason for Duplicates".',
			},
		);
	}
	return String(duplicate.id);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const profile = profileFromParameters.call(this, itemIndex);
	const performAs = locatorValue.call(this, 'performAs', itemIndex);
	const settings = creationSettings.call(this, itemIndex);
	const opportunityPath = (opportunity: LeverOpportunity) =>
		`/opportunities/${encodeURIComponent(opportunity.id)}`;
	const customFieldsForm = String(this.getNodeParameter('customFieldsForm', itemIndex, '')).trim();
	// Custom fields go by field ID, typed as the form's fields take them, so they compare with what Lever has.
	const custom = await customFieldsToStore.call(
		this,
		customFieldsForm,
		profile.customFields,
		itemIndex,
	);
	if (custom) profile.customFields = custom.values;
	/** The answers of the custom fields form on each opportunity found (only read when there are custom fields). */
	const customValues = new Map<string, Record<string, unknown>>();
	const storeCustomFields = async (
		opportunity: LeverOpportunity,
		values: Record<string, unknown>,
	) =>
		await submitProfileForm.call(this, opportunity.id, custom!.template, values, {
			itemIndex,
			label: 'customFields',
			performAs,
		});

	const store: CandidateStore<LeverOpportunity> = {
		findByEmail: async (email) => {
			const found = await findOpportunitiesByEmail.call(this, email, settings.posting);
			const matches = found.filter((opportunity) =>
				(opportunity.emails ?? []).some((known) => sameEmail(known, email)),
			);
			for (const opportunity of custom ? matches : []) {
				const values = await latestFormValues.call(
					this,
					opportunity.id,
					custom!.template.id,
					itemIndex,
				);
				if (values) customValues.set(opportunity.id, values);
			}
			return matches;
		},
		choose: preferredOpportunity,
		toProfile: (opportunity) => ({
			...opportunityToProfile(opportunity, profile.email ?? '', profile),
			customFields: customValues.get(opportunity.id),
		}),
		create: async (candidate) => {
			// A required answer missing is refused before the opportunity is created.
			if (custom)
				assertRequiredAnswers.call(
					this,
					custom.template,
					candidate.customFields ?? {},
					itemIndex,
					'customFields',
				);
			const record = await createOpportunity.call(this, candidate, settings, performAs, itemIndex);
			if (custom && candidate.customFields) await storeCustomFields(record, candidate.customFields);
			return { record };
		},
		update: async (opportunity, { changes }) => {
			// planUpdate hands over the merged answers: what the newest form had, with the changes applied.
			if (changes.customFields) await storeCustomFields(opportunity, changes.customFields);
			if (CONTACT_FIELDS.some((field) => changes[field] !== undefined)) {
				// Lever keeps name, emails, phones, headline and location on the contact; there is no opportunity update.
				await leverApiRequest.call(
					this,
					'PUT',
					`/contacts/${encodeURIComponent(opportunity.contact)}`,
					{
						body: contactUpdateBody(opportunity, changes),
						performAs,
						itemIndex,
					},
				);
			}
			const additions: Array<[string, string, string[]]> = [
				['addTags', 'tags', newEntries(opportunity.tags, changes.tags)],
				['addSources', 'sources', newEntries(opportunity.sources, changes.sources)],
				[
					'addLinks',
					'links',
					changes.links
						? newEntries(opportunity.links, profileLinkList({ links: changes.links }))
						: [],
				],
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
			const refetched = await leverApiRequest.call(this, 'GET', opportunityPath(opportunity), {
				itemIndex,
			});
			return { record: refetched.data as LeverOpportunity };
		},
		raceEntry: (opportunity) => ({
			id: opportunity.id,
			createdAt: opportunity.createdAt,
			competes: opportunity.archived === null,
		}),
		// Lever's API deletes no opportunity: the duplicate is archived (the contact is one already: Lever dedupes by email).
		discard: async (opportunity) => {
			const reason = await duplicateArchiveReason.call(this, itemIndex);
			await leverApiRequest.call(this, 'PUT', `${opportunityPath(opportunity)}/archived`, {
				body: { reason },
				performAs,
				itemIndex,
			});
		},
	};

	const outcome = await upsertCandidateByEmail(store, profile, {
		protectedFields: expandProtectedFields(
			this.getNodeParameter('protectedFields', itemIndex, []) as ProfileField[],
		),
		mandatoryFields: this.getNodeParameter('mandatoryFields', itemIndex, []) as ProfileField[],
		fieldsNotStored: fieldsLeverDoesNotStore(customFieldsForm),
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
		...(outcome.duplicateDiscarded ? { duplicateArchived: outcome.duplicateDiscarded } : {}),
		opportunity: outcome.record,
	};
}
