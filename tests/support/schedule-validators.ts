/**
 * Real validators for the schedule exports: ajv (+ ajv-formats) with our transcription of the c3voc JSON schema,
 * xmllint (libxml2 compiled to WebAssembly) with our transcription of the frab XSD, and ical.js for iCalendar.
 * The schemas live in tests/schemas/ and say in their header what they transcribe and how they differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import ICAL from 'ical.js';
import { projectRoot } from './build.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// c3voc names a "color" format without defining it; its XSD's hexColor is the rule we hold ourselves to.
ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);

const jsonSchema = JSON.parse(readFileSync(join(projectRoot, 'tests/schemas/c3voc-schedule.schema.json'), 'utf8'));
const validateJson = ajv.compile(jsonSchema);
const xsd = readFileSync(join(projectRoot, 'tests/schemas/frab-schedule.xsd'), 'utf8');

/** ajv's errors as "path: message" lines; empty when the document is valid. */
export function c3vocJsonErrors(document: unknown): string[] {
  return validateJson(document) ? [] : (validateJson.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}

/** xmllint's errors against the frab XSD; empty when the document is valid. */
export async function frabXmlErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'schedule.xml', contents: xml }], schema: [xsd] });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/** Parses an iCalendar file with ical.js, registers its time zones, and returns its events. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events };
}

export { ICAL };
