import {
  CORE_JSON_VALUES, HOSTILE_BODIES, HOSTILE_JSON_VALUES, HOSTILE_PATH_VALUES, HOSTILE_STRINGS, HostileFile, Named, RawBody, stringsFor,
} from './hostile-values';

/** The parts of an OpenAPI 3 document the generator reads. */
interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  enum?: unknown[];
  example?: unknown;
  format?: string;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  security?: unknown[];
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One request of the suite. `body` builds a fresh body per send (a FormData cannot be sent twice). */
export interface HostileCase {
  route: string;
  what: string;
  method: string;
  path: string;
  /** Sent with the suite's bearer token (false: anonymously). */
  auth: boolean;
  body?: () => { raw: Buffer | string | FormData; headers: Record<string, string> };
}

/** An id that exists nowhere: routes with a path id refuse or answer 404, never change anything real. */
export const ABSENT_ID = '7d1f4c2a-9b3e-4f6a-8c5d-2e1f0a9b8c7d';

/** Routes whose success would end the suite's own session or that only read the process's health. */
const ANONYMOUS_ONLY = /^\/api\/v1\/auth\//;

function resolve(doc: OpenApi, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
  if (schema.allOf?.length) return resolve(doc, schema.allOf[0]);
  return schema;
}

/** A plausible value for a schema, so that one bad field is the only thing wrong with a body. */
function sample(doc: OpenApi, raw: Schema | undefined, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === 'object' || schema.properties) {
    if (depth > 3) return {};
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(doc, v, depth + 1)]));
  }
  if (schema.type === 'array') return [];
  if (schema.type === 'number' || schema.type === 'integer') return 1;
  if (schema.type === 'boolean') return false;
  return 'x';
}

/** Percent-encoding that also carries what UTF-8 cannot: a lone surrogate becomes its raw (invalid) bytes. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

function withQuery(path: string, name: string, value: string): string {
  return `${path}?${encode(name)}=${encode(value)}`;
}

function jsonBody(value: unknown) {
  return () => ({ raw: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
}

function rawBody(body: RawBody) {
  return () => ({ raw: body.raw, headers: body.headers });
}

function multipartBody(parts: { field: string; file?: HostileFile; text?: string }[]) {
  return () => {
    const form = new FormData();
    for (const part of parts) {
      if (part.file) form.append(part.field, new Blob([new Uint8Array(part.file.bytes)], { type: part.file.type }), part.file.filename);
      else form.append(part.field, part.text ?? '');
    }
    return { raw: form, headers: {} };
  };
}

/** The file part names the multipart routes read (see the controllers' MultipartInterceptor specs). */
const FILE_FIELDS = ['file', 'scan', 'draft', 'pkcs12', 'image', 'units', 'people', 'attachments'];

/**
 * Every route of the document × every class of bad value: each path parameter, each query
 * parameter and each property of a JSON body replaced by hostile values one at a time (the rest
 * plausible), whole hostile bodies, and hostile files on every route that takes an upload.
 */
export function generateCases(doc: OpenApi, files: HostileFile[]): HostileCase[] {
  const cases: HostileCase[] = [];
  let routeIndex = 0;
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const verb = method.toUpperCase();
      // A third of the full list per route, in turn, on the first parameter and property; the core classes everywhere.
      const turn = routeIndex++ % 3;
      const full = HOSTILE_STRINGS.filter(([name], j) => j % 3 === turn || stringsFor('', undefined).some(([core]) => core === name));
      const route = `${verb} ${template}`;
      const params = op.parameters ?? [];
      const auth = !!op.security?.length && !ANONYMOUS_ONLY.test(template);
      const base = template.replace(/\{[^}]+\}/g, ABSENT_ID);
      const add = (what: string, path: string, body?: HostileCase['body']) => cases.push({ route, what, method: verb, path, auth, body });
      const jsonSchema = op.requestBody?.content['application/json']?.schema;
      const baseBody = jsonSchema ? (sample(doc, jsonSchema) as Record<string, unknown>) : undefined;
      const plainBody = baseBody ? jsonBody(baseBody) : undefined;

      for (const param of params.filter((p) => p.in === 'path')) {
        for (const [name, value] of HOSTILE_PATH_VALUES) {
          add(`path ${param.name}: ${name}`, template.replace(`{${param.name}}`, encode(value)).replace(/\{[^}]+\}/g, ABSENT_ID), plainBody);
        }
      }
            for (const [index, param] of params.filter((p) => p.in === 'query').entries()) {
        for (const [name, value] of index === 0 ? full : stringsFor(param.name, param.schema?.type)) add(`query ${param.name}: ${name}`, withQuery(base, param.name, value), plainBody);
        add(`query ${param.name}: repeated`, `${withQuery(base, param.name, 'a')}&${encode(param.name)}=b`, plainBody);
      }
      add('query: unknown parameter __proto__[x]', `${base}?__proto__%5Bx%5D=1&constructor=1`, plainBody);
      if (baseBody) {
        for (const [index, [prop, propSchema]] of Object.entries(resolve(doc, jsonSchema).properties ?? {}).entries()) {
          const isString = resolve(doc, propSchema).type === 'string' || !resolve(doc, propSchema).type;
          const strings = index === 0 ? full : stringsFor(prop, resolve(doc, propSchema).type);
          const values: Named<unknown>[] = [...(isString ? strings : []), ...(index === 0 ? HOSTILE_JSON_VALUES : CORE_JSON_VALUES())];
          for (const [name, value] of values) add(`body ${prop}: ${name}`, base, jsonBody({ ...baseBody, [prop]: value }));
        }
        add('body: unknown property', base, jsonBody({ ...baseBody, isAdmin: true }));
      }
      if (verb !== 'GET') {
        // The bombs and pollutions on every route; the other shapes on every other route, in turn.
        for (const [name, body] of HOSTILE_BODIES.filter((_, j) => j < 5 || j % 2 === turn % 2)) add(`whole body: ${name}`, base, rawBody(body));
        // The same bomb without a token: refused before anything else runs.
        cases.push({ route, what: 'anonymous: JSON nested 3,000 levels', method: verb, path: base, auth: false, body: rawBody(HOSTILE_BODIES[0][1]) });
      }
      const multipart = !!op.requestBody?.content['multipart/form-data'] || (verb === 'POST' && !jsonSchema);
      if (multipart) {
        for (const file of files) {
          const parts = FILE_FIELDS.slice(0, 4).map((field) => ({ field, file }));
          add(`multipart: ${file.name}`, base, multipartBody([...parts, { field: 'metadata', text: JSON.stringify(baseBody ?? {}) }]));
        }
        for (const [name, value] of HOSTILE_STRINGS.filter(([n]) => /NUL|RTL|combining|100,000|polyglot|surrogate/.test(n))) {
          add(`multipart text fields: ${name}`, base, multipartBody([
            { field: 'metadata', text: value }, { field: 'comment', text: value }, { field: 'title', text: value }, { field: 'file', file: files[0] },
          ]));
        }
        add('multipart metadata: JSON nested 3,000 levels', base, multipartBody([{ field: 'metadata', text: String(HOSTILE_BODIES[0][1].raw) }, { field: 'file', file: files[0] }]));
        add('multipart metadata: __proto__ pollution', base, multipartBody([{ field: 'metadata', text: '{"__proto__":{"isAdmin":true}}' }, { field: 'file', file: files[0] }]));
        add('multipart metadata: NUL escaped in JSON', base, multipartBody([{ field: 'metadata', text: '{"subject":"a\\u0000b"}' }, { field: 'file', file: files[0] }]));
      }
    }
  }
  return cases;
}
