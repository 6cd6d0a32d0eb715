/**
 * Shared first step of query-parameter validation: raw values (string, repeated strings, or numbers
 * from the CLI) → strings for single-valued names and arrays for repeatable ones, with a problem
 * for every unknown or repeated name. zod schemas then check the values.
 */
import type { z } from 'zod';
import { ValidationError } from '../errors.ts';

type RawValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface ParamSpec {
  /** Names that may appear once. */
  single: readonly string[];
  /** Names that may repeat (`author=a&author=b`). */
  multi?: readonly string[];
  /** Names whose values are comma-separated lists (`facets=author,year`). */
  list?: readonly string[];
}

/** Strings of one raw parameter; empty values (an empty form field) count as absent. */
function valuesOf(raw: RawValue): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v) => v !== undefined && v !== null).map(String).filter((v) => v !== '');
}

export function shapeParams(query: Record<string, unknown>, spec: ParamSpec): { shaped: Record<string, unknown>; problems: string[] } {
  const known = [...spec.single, ...(spec.multi ?? []), ...(spec.list ?? [])];
  const shaped: Record<string, unknown> = Object.create(null);
  const problems: string[] = [];
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      problems.push(known.length ? `unknown parameter "${name}" (known: ${known.join(', ')})` : `unknown parameter "${name}" (this endpoint takes none)`);
      continue;
    }
    const values = valuesOf(query[name] as RawValue);
    if (values.length === 0) continue;
    if (spec.single.includes(name)) {
      if (values.length > 1) problems.push(`${name} was given ${values.length} times; give it once`);
      else shaped[name] = values[0];
    } else if (spec.list?.includes(name)) {
      shaped[name] = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    } else {
      shaped[name] = values;
    }
  }
  return { shaped, problems };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    const where = i.path.length ? `${i.path.map(String).join('.')}: ` : '';
    return `${where}${i.message}`;
  });
}

/** Shapes and validates the parameters of one endpoint; throws ValidationError listing every problem. */
export function parseParams<S extends z.ZodType>(schema: S, query: Record<string, unknown>, spec: ParamSpec, endpoint: string): z.output<S> {
  const { shaped, problems } = shapeParams(query, spec);
  const parsed = schema.safeParse(shaped);
  if (!parsed.success) problems.push(...describeIssues(parsed.error.issues));
  if (problems.length || !parsed.success) {
    throw new ValidationError(`Invalid parameters for ${endpoint}: ${problems.join('; ')}.`, `See docs/API.md or GET /api/openapi.json for the parameters of ${endpoint}.`);
  }
  return parsed.data;
}
