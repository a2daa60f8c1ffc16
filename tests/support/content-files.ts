/**
 * The content the site was built from, read straight from the YAML files under content/: what the search tests
 * compare the built index and the results against, independent of the site's own loaders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SpeakerNames } from '../../src/lib/search.ts';
import { projectRoot } from './build.ts';

export const contentDir = join(projectRoot, 'content');
export const readYaml = (path: string) => parse(readFileSync(path, 'utf8'));

export interface TalkFacts {
  id: string;
  conference: string;
  day: number;
  speakers: string[];
  tags: string[];
}

export const talks: TalkFacts[] = readdirSync(join(contentDir, 'talks')).flatMap((conference) =>
  readdirSync(join(contentDir, 'talks', conference)).map((id) => ({ id, ...readYaml(join(contentDir, 'talks', conference, id, 'talk.yaml')) })),
);

export const speakers: Array<SpeakerNames & { id: string }> = readdirSync(join(contentDir, 'speakers')).map((file) => ({
  id: file.replace(/\.yaml$/, ''),
  ...readYaml(join(contentDir, 'speakers', file)),
}));

export const conferences = new Map<string, { start: string; end: string }>(
  readdirSync(join(contentDir, 'conferences')).map((id) => [id, readYaml(join(contentDir, 'conferences', id, 'conference.yaml'))]),
);
