import type { INodeProperties } from 'n8n-workflow';

import { getManyOnly } from '../listOperation';
import type { LeverOperation } from '../types';
import * as getMany from './getMany.operation';

export const operations: Record<string, LeverOperation> = { getMany };

export const description: INodeProperties[] = getManyOnly('source', 'sources', getMany);
