import { z } from 'zod/mini'
import { evaluationInputSchema, SCHEMA_VERSION } from '../domain/index.ts'

/**
 * The JSON Schema of the interchange input, from the zod schema, as a file writer sees it
 * (io: 'input': fields with a default are optional, unknown keys are allowed because the
 * parser strips them).
 *
 * zod cannot carry what runs in code, so three things are patched in `override` to keep the
 * JSON Schema from being stricter, or much looser, than parseEvaluationInput:
 *  - dates are a `z.refine(isIsoDate)` check, which zod drops: refined strings (the schema's only
 *    ones are its dates) get a pattern and `format: "date"` (the pattern does not catch
 *    2026-02-30; the parser does);
 *  - codes and modifiers are trimmed and upper-cased before their regex, so zod's
 *    `^[0-9A-Z]{5}$` would refuse " j3301 ", which the parser accepts: the pattern is widened
 *    to what the parser takes;
 *  - trimmed strings with a minimum length of 1 get a pattern needing a non-space character;
 *  - a line's diagnosis pointers are refined to hold no letter twice: `uniqueItems`.
 * Left as is: maxLength counts before trimming, so a padded string near the limit passes the
 * parser and fails the JSON Schema.
 */

export const INPUT_SCHEMA_ID = `urn:injection-coding-worksheet:evaluation-input:v${SCHEMA_VERSION}`

const CODE_PATTERN = '^[0-9A-Z]{5}$'
const MODIFIER_PATTERN = '^[0-9A-Z]{2}$'

type JsonSchema = Record<string, unknown>

function checkKinds(schema: z.core.$ZodType): string[] {
  const checks = (schema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? []
  return checks.map((c) => c._zod.def.check)
}

export function buildInputJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(evaluationInputSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: (ctx) => {
      const json = ctx.jsonSchema
      const checks = checkKinds(ctx.zodSchema)
      // The only refined array is a line's diagnosis pointers: no letter twice.
      if (json.type === 'array' && checks.includes('custom')) {
        json.uniqueItems = true
        json.description = 'Diagnosis pointers (box 24E): letters of box 21\'s diagnoses, A = the first, in the order the line points to them'
        return
      }
      if (json.type !== 'string') return
      // The only refined strings of the input schema are its ISO dates (isoDate in schema.ts).
      if (checks.includes('custom')) {
        json.format = 'date'
        json.pattern = '^\\d{4}-\\d{2}-\\d{2}$'
        json.description = 'A real calendar date written YYYY-MM-DD'
        return
      }
      if (json.pattern === CODE_PATTERN) {
        json.pattern = '^\\s*[0-9A-Za-z]{5}\\s*$'
        json.description = 'CPT/HCPCS code: 5 letters or digits (trimmed and upper-cased on reading)'
        return
      }
      if (json.pattern === MODIFIER_PATTERN) {
        json.pattern = '^\\s*[0-9A-Za-z]{2}\\s*$'
        json.description = 'Modifier: 2 letters or digits (trimmed and upper-cased on reading)'
        return
      }
      if (json.pattern === undefined && typeof json.minLength === 'number' && json.minLength >= 1 && checks.includes('overwrite')) {
        json.pattern = '\\S'
      }
    },
  }) as JsonSchema

  const { $schema, ...rest } = generated
  return {
    $schema,
    $id: INPUT_SCHEMA_ID,
    title: 'Injection Coding Worksheet evaluation input',
    description:
      `Interchange format v${SCHEMA_VERSION} read by the rule module (parseEvaluationInput) and by ` +
      '`npm run check`: one encounter with its procedures, drugs and other lines, and the patient\'s ' +
      'earlier claim lines (history) for frequency limits. Fields with a default may be left out; ' +
      'a file for `npm run check` may also hold an array of these. ' +
      'Generated from src/domain/schema.ts by `npm run schema`; do not edit by hand. ' +
      'parseEvaluationInput is the authority: it also checks that dates are real calendar dates.',
    ...rest,
  }
}
