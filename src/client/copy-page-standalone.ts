/**
 * copy-page.ts as a worker entry of its own for copy-page-loader.ts: two loaders importing the same `?worker&url`
 * would make Vite split its URL into a shared chunk, which turns both inline loaders into extra script requests.
 */
import './copy-page.ts';
