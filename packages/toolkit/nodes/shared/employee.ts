import { z } from 'zod';

import { describeProfileIssues } from '../../../../nodes/shared/candidate';

/**
 * The employee record the hire → onboarding recipe sends to an onboarding/HRIS system. The Field Map node builds it
 * from ATS data (Lever opportunity + offer + posting, SmartRecruiters candidate + job + offer) and the Onboarding
 * Push node sends it; both validate with this schema.
 */

const SALARY_INTERVALS = [
	'hour',
	'day',
	'week',
	'biweek',
	'semimonth',
	'month',
	'bimonth',
	'year',
	'once',
] as const;
export type SalaryInterval = (typeof SALARY_INTERVALS)[number];

/** Interval spellings of the ATSs (Lever offer `salary_interval`, e.g. "per-year-salary") and of people. */
const INTERVAL_ALIASES: Record<string, SalaryInterval> = {
	'per-hour-wage': 'hour',
	hourly: 'hour',
	'per-day-wage': 'day',
	daily: 'day',
	'per-week-salary': 'week',
	weekly: 'week',
	'bi-week-salary': 'biweek',
	biweekly: 'biweek',
	'semi-month-salary': 'semimonth',
	semimonthly: 'semimonth',
	'per-month-salary': 'month',
	monthly: 'month',
	'bi-month-salary': 'bimonth',
	bimonthly: 'bimonth',
	'per-year-salary': 'year',
	yearly: 'year',
	annual: 'year',
	annually: 'year',
	'one-time': 'once',
	'one time': 'once',
};

/** Required text; ids and numbers mapped from ATS data are taken as text. */
const required = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : value),
	z
		.string({ required_error: 'is required', invalid_type_error: 'must be text' })
		.trim()
		.min(1, 'must not be empty'),
);
const email = z.string({ required_error: 'is required' }).trim().email('must be an email address');

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A start date as the onboarding system wants it (YYYY-MM-DD) from what the ATSs give: a date, an ISO date-time
 * (SmartRecruiters `startsOn`, whose date part is kept as written) or epoch milliseconds (Lever offer
 * `anticipated_start_date`, read in UTC).
 */
export function toCalendarDate(value: unknown): string | undefined {
	if (typeof value === 'number' || (typeof value === 'string' && /^\d{10,}$/.test(value.trim()))) {
		const date = new Date(Number(value));
		return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
	}
	if (typeof value !== 'string') return undefined;
	const day = value.trim().slice(0, 10);
	if (!DAY.test(day) || (value.trim().length > 10 && value.trim()[10] !== 'T')) return undefined;
	const parsed = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day
		? day
		: undefined;
}

const startDate = z.preprocess(
	(value) =>
		value === undefined || value === null || value === ''
			? undefined
			: (toCalendarDate(value) ?? value),
	z
		.string({ required_error: 'is required' })
		.regex(DAY, 'must be a date: YYYY-MM-DD, an ISO date-time or epoch milliseconds'),
);

const amount = z.preprocess(
	(value) => {
		if (typeof value !== 'string') return value;
		const text = value
			.trim()
			.replace(
				/^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/,
				(_match, whole: string, fraction = '') => whole.replace(/,/g, '') + fraction,
			);
		return /^\d+(\.\d+)?$/.test(text) ? Number(text) : value;
	},
	z
		.number({ required_error: 'is required', invalid_type_error: 'must be a number' })
		.positive('must be greater than 0'),
);

const interval = z.preprocess(
	(value) =>
		typeof value === 'string'
			? (INTERVAL_ALIASES[value.trim().toLowerCase()] ?? value.trim().toLowerCase())
			: value,
	z.enum(SALARY_INTERVALS, {
		errorMap: (_issue, context) => ({
			message:
				context.data === undefined
					? 'is required'
					: `must be one of ${SALARY_INTERVALS.join(', ')}`,
		}),
	}),
);

/**
 * A custom field of the onboarding system (T-shirt size, start location, referrer …): text, a number, yes/no, or a
 * list of texts (multiple-select answers), as the ATS gave it.
 */
const customFieldValue = z.union(
	[
		z.string().trim().min(1),
		z.number().finite(),
		z.boolean(),
		z.array(z.string().trim().min(1)).min(1),
	],
	{ errorMap: () => ({ message: 'must be text, a number, true/false or a list of texts' }) },
);

export const employeeRecordSchema = z
	.object({
		atsSource: required,
		atsCandidateId: required,
		firstName: required,
		lastName: required,
		email,
		personalEmail: email.optional(),
		jobTitle: required,
		department: z.string().trim().min(1).optional(),
		location: z.string().trim().min(1).optional(),
		startDate,
		salary: z
			.object({
				amount,
				currency: z.preprocess(
					(value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
					z
						.string({ required_error: 'is required' })
						.regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR'),
				),
				interval,
			})
			.strict()
			.optional(),
		managerEmail: email.optional(),
		referral: z.string().trim().min(1).optional(),
		/** Further fields the onboarding system takes, by its own names (e.g. Lever profile form answers). */
		customFields: z
			.record(z.string().trim().min(1, 'names must not be empty'), customFieldValue)
			.optional(),
	})
	.strict();

export type EmployeeRecord = z.infer<typeof employeeRecordSchema>;

/**
 * Drops empty values (unset mappings), and empty entries of the salary and the custom fields (an all-empty one goes
 * too), so optional fields stay absent instead of invalid: a hire whose form lacks an answer still goes through.
 */
function withoutEmptyValues(raw: Record<string, unknown>): Record<string, unknown> {
	const isEmpty = (value: unknown) =>
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0);
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (isEmpty(value)) continue;
		if (
			(key === 'salary' || key === 'customFields') &&
			typeof value === 'object' &&
			!Array.isArray(value)
		) {
			const entries = Object.fromEntries(
				Object.entries(value as object).filter(([, entry]) => !isEmpty(entry)),
			);
			if (Object.keys(entries).length > 0) result[key] = entries;
			continue;
		}
		result[key] = value;
	}
	return result;
}

/** Validates and normalises an employee record; idempotent, so a record can be checked again before sending. */
export function parseEmployeeRecord(
	raw: unknown,
): { ok: true; record: EmployeeRecord } | { ok: false; message: string } {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		return { ok: false, message: 'the employee record must be an object' };
	}
	const parsed = employeeRecordSchema.safeParse(withoutEmptyValues(raw as Record<string, unknown>));
	return parsed.success
		? { ok: true, record: parsed.data }
		: { ok: false, message: describeProfileIssues(parsed.error) };
}
