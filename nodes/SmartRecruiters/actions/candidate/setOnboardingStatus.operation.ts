import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { applicationOf } from '../../helpers/application';
import { ONBOARDING_STATUSES } from '../../helpers/constants';
import { onboardingStatus } from '../../helpers/lookups';
import { applicationProperties } from '../common.descriptions';

const properties: INodeProperties[] = [
	...applicationProperties('The job application (the hire) whose onboarding status changes'),
	{
		displayName: 'Onboarding Status',
		name: 'onboardingStatus',
		type: 'options',
		options: ONBOARDING_STATUSES,
		default: 'ONBOARDING_SUCCESSFUL',
		description:
			'Where the hire stands in your onboarding or HR system, e.g. Onboarding Successful once the employee record exists',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['setOnboardingStatus'] } },
	properties,
);

/** Setting the same status again changes nothing, so a rerun is harmless. Returns the status SmartRecruiters now has. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { candidateId, jobId } = applicationOf.call(this, itemIndex);
	const body = { onboardingStatus: String(this.getNodeParameter('onboardingStatus', itemIndex)) };
	return await onboardingStatus.call(this, candidateId, jobId, itemIndex, body);
}
