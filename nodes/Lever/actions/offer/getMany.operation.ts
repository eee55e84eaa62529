import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({
	resource: 'offer',
	endpoint: '/opportunities/:opportunity/offers',
	query: () => ({ expand: 'creator' }),
});
