/**
 * n8n-core's services live in its DI container (@n8n/di). They are resolved from n8n-core's own location so the
 * runner talks to the very Container instance n8n-core uses, whatever npm hoisted where.
 */
import { createRequire } from 'node:module';

const coreRequire = createRequire(require.resolve('n8n-core'));

export const { Container } = coreRequire('@n8n/di') as {
	Container: { get<T>(type: unknown): T; set(type: unknown, instance: unknown): void };
};

/** Owns all outbound HTTP of nodes (package @n8n/backend-network). */
export const { OutboundHttp } = coreRequire('@n8n/backend-network') as { OutboundHttp: unknown };

/** n8n's winston logger (package @n8n/backend-common); constructing it also re-points n8n-workflow's LoggerProxy. */
export const { Logger } = coreRequire('@n8n/backend-common') as { Logger: unknown };
