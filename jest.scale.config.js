/** `npm run test:scale`: the recipes in n8n's queue mode (test/scale/), about 25 minutes; not part of `npm test`. */
const base = require('./jest.config');

module.exports = {
	...base,
	roots: ['<rootDir>/test/scale'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 90 * 60 * 1000,
	maxWorkers: 1,
};
