import { config } from '@n8n/node-cli/eslint';

/**
 * n8n's community node config, with one exception: JSON Logic Rules routes items to several outputs, which an AI
 * agent's tool call cannot use, so it is not offered as a tool (`usableAsTool` left out on purpose). The toolkit is
 * for self-hosted n8n and the runner, not for n8n Cloud verification, so package.json has `n8n.strict: false`.
 */
export default [
	...config,
	{
		files: ['nodes/JsonLogicRules/JsonLogicRules.node.ts'],
		rules: { '@n8n/community-nodes/node-usable-as-tool': 'off' },
	},
];
