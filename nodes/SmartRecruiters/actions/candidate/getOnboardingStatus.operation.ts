import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { applicationOf } from '../../helpers/application';
import { onboardingStatus } from '../../helpers/lookups';
import { applicationProperties } from '../common.descriptions';

const properties: INodeProperties[] = applicationProperties(
	'The job application (the hire) whose onboarding status is read',
);

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getOnboardingStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { candidateId, jobId } = applicationOf.call(this, itemIndex);
	return await onboardingStatus.call(this, candidateId, jobId, itemIndex);
}
