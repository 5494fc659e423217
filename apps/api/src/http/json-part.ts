import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { AppError, checkInputValue, FieldError, jsonDepth, jsonTooDeep, MAX_JSON_DEPTH } from '@eoffice/core';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((e) => {
    const field = `${prefix}.${e.property}`;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ field, message })),
      ...flatten(e.children ?? [], field),
    ];
  });
}

/** The plain text fields of a multipart request, validated like a JSON body of strings. */
export async function parseFormFields<T extends object>(type: new () => T, fields: Record<string, string>): Promise<T> {
  const instance = plainToInstance(type, fields);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw AppError.validation('Dữ liệu gửi lên không hợp lệ (validation failed)', flatten(errors, 'form'));
  return instance;
}

/** A JSON field of a multipart request (`metadata`, `result`), validated like any JSON body. */
export async function parseJsonPart<T extends object>(type: new () => T, text: string | undefined, field: string): Promise<T> {
  if (text === undefined) throw AppError.validation(`Thiếu trường "${field}" (missing ${field})`, [{ field, message: 'required' }]);
  // Same checks as a JSON body (InputChecksMiddleware): depth before parsing, characters and keys after.
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw jsonTooDeep(field);
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch {
    throw new AppError(400, 'MALFORMED_JSON', `Trường "${field}" không phải JSON hợp lệ (malformed JSON)`);
  }
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) {
    throw AppError.validation(`Trường "${field}" phải là một đối tượng JSON`, [{ field, message: 'must be a JSON object' }]);
  }
  checkInputValue(plain, field);
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw AppError.validation('Dữ liệu gửi lên không hợp lệ (validation failed)', flatten(errors, field));
  return instance;
}
