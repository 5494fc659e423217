import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const API_PREFIX = 'api/v1';

/** The paths outside the versioned prefix (probes, the metrics scrape, and the public verification link printed on issued documents). */
export const UNPREFIXED_PATHS = ['health', 'ready', 'metrics', 'verify/:token'];

/** The OpenAPI document of the API: served at /docs and written to openapi.json (npm run openapi:snapshot). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('eOffice API')
      .setDescription('Văn phòng điện tử: incoming and outgoing official documents. Errors are RFC 9457 problem details.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The same document with every object's keys in order, so the committed snapshot changes only when
 * the contract does (arrays keep their order: it means something in `required`, enums, parameters).
 */
export function sortedDocument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDocument);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedDocument((value as Record<string, unknown>)[key])]),
  );
}
