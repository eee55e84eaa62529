/**
 * Jest runs TypeScript through ts-jest in transpile-only mode; `npm run build` (tsc) does the type checking.
 * `npm test` runs everything but test/chaos/ (long fault, crash and fuzz runs: `npm run test:chaos`), test/n8n/
 * (the package in a real n8n: `npm run test:n8n`) and test/scale/ (n8n's queue mode: `npm run test:scale`).
 * globalSetup/globalTeardown: what the tests print and write is kept and scanned for every secret they used
 * (test/secrets/); a leak fails the run.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/test/chaos/',
		'<rootDir>/test/n8n/',
		'<rootDir>/test/scale/',
	],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/secrets/globalSetup.ts',
	globalTeardown: '<rootDir>/test/secrets/globalTeardown.ts',
	// A hang guard, not a speed check: on a loaded 2-core machine (CI, or two `npm test`s side by side) a test that
	// starts serve three times takes several times its quiet-machine 30 s.
	testTimeout: 5 * 60 * 1000,
	maxWorkers: 2,
};
