import { DateTime } from 'luxon';
import type { INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The poll triggers' "Event": what a poll returns (one name for both ATSs). */
export function pollEventProperty(options: INodePropertyOptions[], defaultEvent: string): INodeProperties {
	return { displayName: 'Event', name: 'event', type: 'options', options, default: defaultEvent };
}

/** The poll triggers' "Start From" option (in their Options collection). */
export const pollStartFromOption: INodeProperties = {
	displayName: 'Start From',
	name: 'startFrom',
	type: 'dateTime',
	default: '',
	description:
		'On the first poll after activation, return records from this date on (a backfill). Empty: start from the activation time. Ignored once the trigger has polled.',
};

/**
 * "Start From" as epoch milliseconds, or undefined when empty. n8n's date picker gives a local date-time without an
 * offset: it means the workflow's time zone.
 */
export function pollStartFrom(context: IPollFunctions): number | undefined {
	const startFrom = context.getNodeParameter('options.startFrom', '') as unknown;
	if (startFrom === undefined || startFrom === null || startFrom === '') return undefined;
	const time = DateTime.fromISO(String(startFrom), { zone: context.getTimezone() });
	if (!time.isValid) {
		throw new NodeOperationError(context.getNode(), `"Start From" is not a valid date: ${String(startFrom)}`);
	}
	return time.toMillis();
}
