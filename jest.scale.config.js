/** `npm run test:scale`: the recipes in n8n's queue mode (test/scale/), about 20 minutes on a quiet 2-core machine; not part of `npm test`. */
const n8n = require('./jest.n8n.config');

module.exports = { ...n8n, roots: ['<rootDir>/test/scale'], testTimeout: 90 * 60 * 1000 };
