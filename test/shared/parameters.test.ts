/** How list parameters are read in both ATS nodes (tags, sources, job ids, user ids, pasted keys). */
import { splitKeys, toList } from '../../nodes/shared/parameters';

describe('toList', () => {
	it('splits text at commas and new lines, trims, and drops empty entries', () => {
		expect(toList(' a, b ,\nc\n\n, ,d')).toEqual(['a', 'b', 'c', 'd']);
	});

	it('takes arrays from expressions and multi-selects as they are, entry by entry', () => {
		expect(toList([' x ', '', 'y', null, 3])).toEqual(['x', 'y', '3']);
	});

	it('reads a single number or boolean as one entry and anything else as none', () => {
		expect(toList(42)).toEqual(['42']);
		expect(toList(true)).toEqual(['true']);
		expect(toList(undefined)).toEqual([]);
		expect(toList({ a: 1 })).toEqual([]);
	});
});

describe('splitKeys', () => {
	it('splits pasted keys at commas, spaces and new lines', () => {
		expect(splitKeys('k1, k2\nk3 k4')).toEqual(['k1', 'k2', 'k3', 'k4']);
		expect(splitKeys(undefined)).toEqual([]);
	});
});
