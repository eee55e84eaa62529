/**
 * Candidate property value rules per type, as documented on `PUT /candidates/{id}/jobs/{jobId}/properties`
 * (COUNTRY lowercase ISO 3166-1 alpha-2, REGION lowercase ISO 3166-2, CURRENCY `{code: ISO 4217, value}`,
 * SINGLE_SELECT a value id, USER a user id, DATE an ISO date-time) with the documented error codes.
 */
import type { PropertyValue, SmartRecruitersState, SrCandidatePropertyDefinition } from './types';

const COUNTRIES = new Set(
	(
		'ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl ' +
		'cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu ' +
		'gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc ' +
		'md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt ' +
		'pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ' +
		'ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
	).split(' '),
);

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
// Control characters other than tab / line breaks are what "forbidden characters" means for TEXT here (⚠ the docs list none).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface PropertyValueError {
	status: number;
	code: string;
	message: string;
}

/** Validates one value for its definition; returns the error the real API answers with, or undefined. */
export function checkPropertyValue(
	state: SmartRecruitersState,
	definition: SrCandidatePropertyDefinition,
	value: unknown,
): PropertyValueError | undefined {
	const invalid = (expected: string): PropertyValueError => ({
		status: 400,
		// ⚠ the docs name no code for a value of the wrong JSON type; this one is the simulator's.
		code: 'INVALID_PROPERTY_VALUE',
		message: `Property "${definition.label}" (${definition.type}) expects ${expected}`,
	});
	switch (definition.type) {
		case 'BOOLEAN':
			return typeof value === 'boolean' ? undefined : invalid('true or false');
		case 'NUMBER':
		case 'PERCENT':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : invalid('a number');
		case 'TEXT':
			if (typeof value !== 'string') return invalid('a string');
			return FORBIDDEN_TEXT.test(value)
				? {
						status: 400,
						code: 'INVALID_TEXT_FORMAT',
						message: `Property "${definition.label}" contains forbidden characters`,
					}
				: undefined;
		case 'DATE':
			return typeof value === 'string' &&
				ISO_DATE_TIME.test(value) &&
				!Number.isNaN(Date.parse(value))
				? undefined
				: invalid('an ISO 8601 date-time such as 2015-11-17T23:00:00.000Z');
		case 'COUNTRY':
			if (typeof value !== 'string') return invalid('a lowercase ISO 3166-1 alpha-2 code');
			return COUNTRIES.has(value)
				? undefined
				: {
						status: 400,
						code: 'COUNTRY_NOT_FOUND',
						message: `Country "${value}" does not exist (use lowercase ISO 3166-1 alpha-2, e.g. "us")`,
					};
		case 'REGION': {
			if (typeof value !== 'string') return invalid('a lowercase ISO 3166-2 code');
			const match = /^([a-z]{2})-[a-z0-9]{1,3}$/.exec(value);
			return match && COUNTRIES.has(match[1])
				? undefined
				: {
						status: 400,
						code: 'REGION_NOT_FOUND',
						message: `Region "${value}" does not exist (use lowercase ISO 3166-2, e.g. "us-wa")`,
					};
		}
		case 'CURRENCY': {
			const money = value as { code?: unknown; value?: unknown } | null;
			if (
				!money ||
				typeof money !== 'object' ||
				typeof money.code !== 'string' ||
				typeof money.value !== 'number'
			) {
				return invalid('{"code": "<ISO 4217>", "value": <number>}');
			}
			return CURRENCIES.has(money.code)
				? undefined
				: {
						status: 400,
						code: 'CURRENCY_NOT_FOUND',
						message: `Currency "${money.code}" does not exist`,
					};
		}
		case 'SINGLE_SELECT':
			if (typeof value !== 'string')
				return invalid('a value id from /configuration/candidate-properties/{id}/values');
			return definition.values?.some((option) => option.id === value)
				? undefined
				: {
						status: 400,
						code: 'VALUE_NOT_FOUND',
						message: `Value "${value}" is not a value id of property "${definition.label}"`,
					};
		case 'USER':
			if (typeof value !== 'string') return invalid('a user id');
			return state.users.some((user) => user.id === value)
				? undefined
				: { status: 400, code: 'USER_NOT_FOUND', message: `User "${value}" does not exist` };
	}
}

/** The human-readable label the API adds next to ids (`valueLabel`). */
export function propertyValueLabel(
	state: SmartRecruitersState,
	definition: SrCandidatePropertyDefinition,
	value: PropertyValue,
): string | undefined {
	if (definition.type === 'SINGLE_SELECT')
		return definition.values?.find((option) => option.id === value)?.label;
	if (definition.type === 'USER') {
		const user = state.users.find((candidate) => candidate.id === value);
		return user ? `${user.firstName} ${user.lastName}` : undefined;
	}
	return undefined;
}
