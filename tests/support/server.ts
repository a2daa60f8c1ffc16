/** The tests serve dist/ with the same static server as `npm start` (scripts/static-server.ts). */
export { serve, type StaticServer } from '../../scripts/static-server.ts';
