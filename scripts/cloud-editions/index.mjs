/**
 * The Cloud editions of the recipes, derived from the toolkit editions (recipes/*.json): their Lever and
 * SmartRecruiters nodes unchanged, every toolkit node replaced by n8n's built-in nodes (docs/recipes.md, "Cloud
 * editions"). `npm run recipes:cloud` writes them to recipes/cloud/; test/recipes/cloudEditions.test.ts checks that
 * the committed files are what this builds, so edit the toolkit editions or these scripts, never the output.
 */
import { exportLever, exportSmartRecruiters } from './export.mjs';
import { hireLever, hireSmartRecruiters } from './hire.mjs';
import { pushLever, pushSmartRecruiters } from './push.mjs';

export function cloudEditions() {
	return {
		'push-on-interested.lever.json': pushLever(),
		'push-on-interested.smartrecruiters.json': pushSmartRecruiters(),
		'hire-to-onboarding.lever.json': hireLever(),
		'hire-to-onboarding.smartrecruiters.json': hireSmartRecruiters(),
		'export-on-interview-feedback.lever.json': exportLever(),
		'export-on-interview-feedback.smartrecruiters.json': exportSmartRecruiters(),
	};
}
