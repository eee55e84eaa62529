/** `npm run test:chaos`: the long fault-injection, crash-and-rerun and fuzz runs in test/chaos/ (not part of `npm test`). */
const base = require('./jest.config');

module.exports = {
	...base,
	roots: ['<rootDir>/test/chaos'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 30 * 60 * 1000,
};
