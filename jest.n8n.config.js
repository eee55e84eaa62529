/** `npm run test:n8n`: the package in a real n8n (test/n8n/), one suite at a time; not part of `npm test`. */
const base = require('./jest.config');

module.exports = {
	...base,
	roots: ['<rootDir>/test/n8n'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 10 * 60 * 1000,
	maxWorkers: 1,
};
