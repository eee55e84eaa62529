/** The one "already seen" memory of the triggers: separate check and remember, newest kept, bounded. */
import type { IDataObject } from 'n8n-workflow';

import { seenIds } from '../../nodes/shared/seenIds';

describe('seenIds', () => {
	it('remembers only when told to, so a check alone never marks an id as handled', () => {
		const staticData: IDataObject = {};
		const seen = seenIds(staticData, 'recent', 3);
		expect(seen.has('a')).toBe(false);
		expect(seen.has('a')).toBe(false);
		seen.remember('a');
		expect(seen.has('a')).toBe(true);
		expect(staticData.recent).toEqual(['a']);
	});

	it('keeps the newest ids within the capacity, a remembered id again counting as newest', () => {
		const staticData: IDataObject = {};
		const seen = seenIds(staticData, 'recent', 3);
		seen.remember('a', 'b');
		seen.remember('c');
		seen.remember('a');
		seen.remember('d');
		expect(staticData.recent).toEqual(['c', 'a', 'd']);
		expect(seen.has('b')).toBe(false);
	});

	it('forgets an id, and reads what an earlier execution stored', () => {
		const staticData: IDataObject = { recent: ['x', 'y'] };
		const seen = seenIds(staticData, 'recent', 10);
		expect(seen.has('y')).toBe(true);
		seen.forget('y');
		expect(seen.has('y')).toBe(false);
		expect(seenIds(staticData, 'recent', 10).has('x')).toBe(true);
	});
});
