/**
 * Every operation of the SmartRecruiters node is run by one of the node test files. operations.test.ts runs the
 * first ones and checks that each described operation is run there or owned by another file below; each of those
 * files checks that it ran every operation it owns. So an operation nobody runs fails a test, whichever file grows.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';

export const OPERATIONS_BY_FILE: Record<string, string[]> = {
	'applications.test.ts': [
		'candidate:delete',
		'candidate:downloadAttachment',
		'candidate:getAttachments',
		'candidate:getConsent',
		'candidate:getOnboardingStatus',
		'candidate:getProperties',
		'candidate:getScreeningAnswers',
		'candidate:requestConsent',
		'candidate:setOnboardingStatus',
		'offer:downloadDocument',
		'offer:getDocuments',
	],
	'configuration.test.ts': [
		'configuration:createDepartment',
		'configuration:getCandidateProperties',
		'configuration:getCandidatePropertyValues',
		'configuration:getCompany',
		'configuration:getDepartments',
		'configuration:getHiringProcesses',
		'configuration:getJobProperties',
		'configuration:getJobPropertyValues',
		'configuration:getOfferProperties',
		'configuration:getRejectionReasons',
		'configuration:getSources',
		'configuration:getSourceTypes',
		'configuration:getWithdrawalReasons',
		'user:get',
		'user:getMany',
	],
	'jobs.test.ts': [
		'job:addHiringTeamMember',
		'job:create',
		'job:getNote',
		'job:getPublications',
		'job:getStatusHistory',
		'job:publish',
		'job:removeHiringTeamMember',
		'job:setStatus',
		'job:unpublish',
		'job:update',
		'job:updateNote',
		'position:create',
		'position:delete',
		'position:get',
		'position:getMany',
		'position:update',
	],
	'interviews.test.ts': [
		'interview:create',
		'interview:delete',
		'interview:update',
		'review:create',
	],
};

/** The resource:operation pairs the node's description offers. */
export function describedOperations(): string[] {
	const { properties } = new SmartRecruiters().description;
	const resources = (
		properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]
	).map((o) => String(o.value));
	return resources.flatMap((resource) =>
		properties
			.filter(
				(p: INodeProperties) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
			)
			.flatMap((p) =>
				(p.options as INodePropertyOptions[]).map((o) => `${resource}:${String(o.value)}`),
			),
	);
}
