import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

/**
 * Checks every request's input before any handler, DTO transformation or query sees it:
 * nesting depth, characters no document text contains, and keys that would reach an object's
 * prototype. A refused request gets a 4xx with a code and writes nothing.
 */

/** Deeper than any DTO of the API (three levels at most) with a wide margin; class-transformer recurses per level. */
export const MAX_JSON_DEPTH = 32;

/**
 * C0 controls except tab, line feed and carriage return; DEL; C1 controls; the bidirectional
 * embeddings, overrides and isolates (they make `gpj.exe` look like `exe.jpg`); lone surrogates
 * (not text, and PostgreSQL cannot store them).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN_CHARACTERS.test(text);
}

export function jsonTooDeep(where: string): AppError {
  return new AppError(400, 'JSON_TOO_DEEP', `Dữ liệu JSON lồng quá ${MAX_JSON_DEPTH} cấp (${where}: nesting deeper than ${MAX_JSON_DEPTH} levels)`);
}

function invalidCharacters(field: string): AppError {
  return new AppError(400, 'INVALID_CHARACTERS', `Trường "${field}" chứa ký tự điều khiển hoặc ký tự đảo chiều không được phép (control or bidirectional override characters)`, [
    { field, message: 'contains control, bidirectional override or unpaired surrogate characters' },
  ]);
}

function reservedKey(field: string): AppError {
  return new AppError(400, 'RESERVED_KEY', `Tên trường "${field}" không được phép (reserved key)`, [{ field, message: 'reserved key' }]);
}

/**
 * The deepest nesting of a JSON text, counted on the raw bytes before it is parsed (brackets inside
 * strings do not count). Linear and without recursion, so a 3,000-level body costs nothing.
 */
export function jsonDepth(raw: Buffer | string, limit = Infinity): number {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1'); // brackets and quotes are ASCII
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}

/** `verify` hook of the JSON body parser: refuses a body nested deeper than MAX_JSON_DEPTH before JSON.parse runs. */
export function verifyJsonDepth(_req: unknown, _res: unknown, raw: Buffer): void {
  if (jsonDepth(raw, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    // body-parser keeps `status` and `type`; the problem-details filter maps the type to JSON_TOO_DEEP.
    throw Object.assign(new Error('JSON nested too deep'), { status: 400, statusCode: 400, type: 'entity.too.deep', expose: true });
  }
}

/**
 * Throws the first problem found in a parsed value: a key that names a prototype, a string with a
 * forbidden character, or nesting deeper than MAX_JSON_DEPTH. `field` names where it was found.
 */
export function checkInputValue(value: unknown, field: string, depth = 0): void {
  if (typeof value === 'string') {
    if (hasForbiddenCharacters(value)) throw invalidCharacters(field);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_JSON_DEPTH) throw jsonTooDeep(field);
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkInputValue(item, `${field}[${i}]`, depth + 1));
    return;
  }
  for (const key of Object.keys(value)) {
    const path = field ? `${field}.${key}` : key;
    if (RESERVED_KEYS.has(key)) throw reservedKey(path);
    if (hasForbiddenCharacters(key)) throw invalidCharacters(path);
    checkInputValue((value as Record<string, unknown>)[key], path, depth + 1);
  }
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new AppError(400, 'INVALID_CHARACTERS', 'Đường dẫn có mã hoá % không hợp lệ (malformed percent-encoding in the path)');
  }
}

/** Body (JSON; multipart fields are checked where they are parsed), query string and path of every request. */
@Injectable()
export class InputChecksMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    try {
      if (hasForbiddenCharacters(decodedPath(req.path))) throw invalidCharacters('path');
      checkInputValue(req.query, '');
      if (req.body !== undefined && typeof req.body === 'object') checkInputValue(req.body, '');
      next();
    } catch (error) {
      next(error);
    }
  }
}
