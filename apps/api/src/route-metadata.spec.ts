import 'reflect-metadata';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { IS_PUBLIC, OPTIONAL_AUTH, REQUIRED_ROLES, SIGNED_IN } from '@eoffice/accounts';
import { AppModule } from './app.module';

/**
 * Every route says who may call it and what it answers: an access declaration (@Public,
 * @OptionalAuth, @Roles or @SignedIn, on the route or its controller) and a declared success
 * response (@Answers, or @ApiResponse with a 2xx). A route added without either fails here, before
 * it reaches the OpenAPI snapshot. Controllers are found by walking the module graph from AppModule,
 * so a new library's controllers are covered as soon as the API imports its module.
 */

/** Where @nestjs/swagger keeps @ApiResponse (its DECORATORS.API_RESPONSE; the package does not export its constants). */
const API_RESPONSE = 'swagger/apiResponse';

type ModuleRef = Type<unknown> | { module: Type<unknown>; controllers?: Type<unknown>[]; imports?: unknown[] };

function controllersOf(root: ModuleRef, seen = new Set<unknown>()): Type<unknown>[] {
  const moduleClass = typeof root === 'function' ? root : root?.module;
  if (!moduleClass || seen.has(root)) return [];
  seen.add(root);
  const dynamic: { controllers?: Type<unknown>[]; imports?: unknown[] } = typeof root === 'function' ? {} : root;
  const controllers = [...(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) ?? []), ...(dynamic.controllers ?? [])];
  const imports = [...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) ?? []), ...(dynamic.imports ?? [])] as ModuleRef[];
  return [...controllers, ...imports.flatMap((child) => controllersOf(child, seen))];
}

interface Route {
  name: string;
  handler: object;
  controller: Type<unknown>;
}

function routesOf(controller: Type<unknown>): Route[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((key) => key !== 'constructor' && typeof prototype[key] === 'function')
    .map((key) => ({ key, handler: prototype[key] as object }))
    .filter(({ handler }) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined)
    .map(({ key, handler }) => ({ name: `${controller.name}.${key}`, handler, controller }));
}

const declared = (key: string, { handler, controller }: Route): boolean => {
  const value = Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
};

function hasAccessDeclaration(route: Route): boolean {
  return [IS_PUBLIC, OPTIONAL_AUTH, REQUIRED_ROLES, SIGNED_IN].some((key) => declared(key, route));
}

function hasSuccessResponse({ handler, controller }: Route): boolean {
  const responses = { ...Reflect.getMetadata(API_RESPONSE, controller), ...Reflect.getMetadata(API_RESPONSE, handler) };
  return Object.keys(responses).some((status) => /^2\d\d$/.test(status));
}

describe('route metadata: every route declares its access and its answer', () => {
  const controllers = [...new Set(controllersOf(AppModule))];
  const routes = controllers.flatMap(routesOf);

  it('finds the routes of the API', () => {
    // A floor, not the count: it only guards against the walk finding nothing.
    expect(routes.length).toBeGreaterThan(90);
  });

  it('gives every route an access declaration (@Public, @OptionalAuth, @Roles or @SignedIn)', () => {
    expect(routes.filter((route) => !hasAccessDeclaration(route)).map((route) => route.name)).toEqual([]);
  });

  it('gives every route a declared success response (@Answers)', () => {
    expect(routes.filter((route) => !hasSuccessResponse(route)).map((route) => route.name)).toEqual([]);
  });
});
