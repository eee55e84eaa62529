/**
 * Lint for what is not node package code: the runner, the tests and simulators, the scripts. The node packages are
 * linted with n8n's own config (eslint.config.mjs, packages/toolkit/eslint.config.mjs, scripts/gates.mjs), which
 * forbids what a runner or a test must do (process, timers, files).
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/dist/**', '**/node_modules/**', 'test/bad-input/corpus/**'] },
	{
		files: ['runner/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// A leading underscore marks what is unused on purpose: a rest-sibling omit, an express error handler's next.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
					ignoreRestSiblings: true,
				},
			],
			// `let x; … () => x …; x = …`: a variable a closure reads before its one assignment cannot be const.
			'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
		},
	},
	{
		// Tests read untyped JSON from simulators and CLI output; `any` there saves casts on every property access.
		files: ['test/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		files: ['**/*.js', '**/*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node, sourceType: 'commonjs', ecmaVersion: 2022 },
	},
	{
		files: ['**/*.mjs'],
		languageOptions: { sourceType: 'module' },
	},
);
