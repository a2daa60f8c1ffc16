/** The real `astro build` in a child process: the helper lives beside the CLI scripts, which use it too. */
export { build, cleanEnv, freshOutDir, projectRoot, type BuildResult } from '../../scripts/lib/build.ts';
