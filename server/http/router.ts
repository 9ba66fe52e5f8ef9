// The router every route module registers on, and the shape of a route module.
import type Router from '@koa/router';
import type { AppDeps, AppState } from '../deps.ts';
import type { PathSpec } from './openapi.ts';

export type AppRouter = Router<AppState>;

/** A route module: registers its routes and describes them for the OpenAPI document. */
export interface RouteModule {
  register(router: AppRouter, deps: AppDeps): void;
  openapi: PathSpec;
}
