/**
 * `npm run test:ui`: the recipes in the n8n editor, in Debian's headless Chromium (test/ui/), one suite at a time;
 * writes the canvas pictures in docs/images/. Not part of `npm test`.
 */
const n8n = require('./jest.n8n.config');

module.exports = { ...n8n, roots: ['<rootDir>/test/ui'] };
