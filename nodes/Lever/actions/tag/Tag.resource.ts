import type { INodeProperties } from 'n8n-workflow';

import { getManyOnly } from '../endpointList';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = getManyOnly('tag', 'tags', getMany);
