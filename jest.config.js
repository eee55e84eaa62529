/**
 * Jest runs TypeScript through ts-jest in transpile-only mode; `npm run build` (tsc) does the type checking.
 * `npm test` runs everything but test/chaos/ (long fault, crash and fuzz runs: `npm run test:chaos`), test/n8n/
 * (the package in a real n8n: `npm run test:n8n`), test/scale/ (n8n's queue mode: `npm run test:scale`) and test/ui/ (the
 * recipes in the n8n editor in a real browser: `npm run test:ui`).
 * globalSetup/globalTeardown: what the tests print and write is kept and scanned for every secret they used
 * (test/secrets/); a leak fails the run.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/chaos/', '<rootDir>/test/n8n/', '<rootDir>/test/scale/', '<rootDir>/test/ui/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/secrets/globalSetup.ts',
	globalTeardown: '<rootDir>/test/secrets/globalTeardown.ts',
	testTimeout: 60000,
	maxWorkers: 2,
};
