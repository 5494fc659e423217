import type { components, paths } from './api-types';

/**
 * Reply types from the contract (openapi.json → api-types.ts): a suite that calls
 * `client.get(`/api/v1/incoming/${id}`)` gets the body typed as the route's success DTO, so a
 * renamed field breaks the type check, not a user. The path is matched segment by segment against
 * the contract's templates (`{id}` takes one segment; the query string is ignored). A path the
 * contract does not know (built at run time, or hostile on purpose) answers `unknown`.
 */
export type Problem = components['schemas']['ProblemDto'];
export type Schemas = components['schemas'];
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type WithoutQuery<S extends string> = S extends `${infer Base}?${string}` ? Base : S;
type Segments<S extends string> = S extends `${infer Head}/${infer Tail}` ? [Head, ...Segments<Tail>] : [S];

/** True when every segment of the concrete path fits the template's (a `{param}` takes any non-empty one). */
type Fits<Actual extends unknown[], Template extends unknown[]> = Actual extends [infer A, ...infer ARest]
  ? Template extends [infer T, ...infer TRest]
    ? T extends `{${string}}`
      ? A extends ''
        ? false
        : Fits<ARest, TRest>
      : A extends T
        ? Fits<ARest, TRest>
        : false
    : false
  : Template extends []
    ? true
    : false;

/** Templates whose segments the concrete path fits (`/admin/backups/drills` fits `/admin/backups/{id}` too). */
type FittingRoutes<S extends string, M extends Method> = {
  [P in keyof paths & string]: Fits<Segments<WithoutQuery<S>>, Segments<P>> extends true
    ? paths[P][M] extends { responses: unknown }
      ? P
      : never
    : never;
}[keyof paths & string];

/** The contract's template for a concrete path and method, e.g. `/api/v1/incoming/{id}`; a literal route wins over a template. */
export type RouteOf<S extends string, M extends Method> =
  WithoutQuery<S> extends FittingRoutes<S, M> ? WithoutQuery<S> & FittingRoutes<S, M> : FittingRoutes<S, M>;

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type SuccessStatus = 200 | 201 | 202 | 204;
/** The JSON body when the route has one (reports also come as files), else the only one. */
type ContentOf<R> = R extends { content: infer C } ? (C extends { 'application/json': infer J } ? J : C[keyof C]) : undefined;
/**
 * The problem's fields a success body does not have itself (both have a `status`, for one). A file
 * download reads as its text, or as the problem when refused.
 */
type WithProblem<B> = B extends object ? B & Partial<Omit<Problem, keyof B>> : B & Partial<Problem>;
type Responses<O> = O extends { responses: infer R } ? R : never;
type SuccessBody<O> = { [S in SuccessStatus & keyof Responses<O>]: ContentOf<Responses<O>[S]> }[SuccessStatus & keyof Responses<O>];

/**
 * What a suite reads from a reply: the success body, or on an error the problem's fields (`code`,
 * `errors`, …) — a suite checks `status` first, as a client would.
 */
export type ReplyBody<S extends string, M extends Method> = [RouteOf<S, M>] extends [never]
  ? Partial<Problem>
  : SuccessBody<Operation<RouteOf<S, M>, M>> extends infer B
    ? [B] extends [undefined]
      ? Partial<Problem> // 204: no body; a suite reads one only when refused
      : WithProblem<B>
    : never;
