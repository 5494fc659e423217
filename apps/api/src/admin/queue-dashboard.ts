import type { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, Request, Response, Router } from 'express';
import { JobQueue, problem } from '@eoffice/core';
import { DASHBOARD_COOKIE, DashboardSessionService } from './dashboard-session.service';

export const DASHBOARD_PATH = '/api/v1/admin/queues';

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The queue dashboard (bull-board) at /api/v1/admin/queues, only for a browser holding the cookie
 * that POST /admin/queues/session gives an administrator; everything else gets 401. The session
 * route itself passes through to the API's own (bearer-authenticated) controller.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const sessions = app.get(DashboardSessionService);
  // Every request asks the account (not only the cookie's signature): see DashboardSessionService.
  const gate = (req: Request, res: Response, next: NextFunction): void => {
    sessions.holder(cookieOf(req, DASHBOARD_COOKIE)).then((holder) => {
      if (holder) return next();
      const body = problem(401, 'UNAUTHORIZED', 'Cần đăng nhập quản trị để xem bảng điều khiển hàng đợi (administrator sign-in required)');
      res.status(401).type('application/problem+json').json({ ...body, instance: req.originalUrl });
    }, next);
  };
  // bull-board (its UI, express adapter and their modules) is loaded by the first administrator who
  // opens the dashboard, not at start: few ever open it, and every start paid for it (bench/cold-start.sh).
  let board: Router | undefined;
  const dashboard = (req: Request, res: Response, next: NextFunction): void => {
    board ??= boardRouter(app);
    board(req, res, next);
  };
  const guarded = Router().use(gate, dashboard);
  app.use(DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => (req.path === '/session' ? next() : guarded(req, res, next)));
}

function boardRouter(app: NestExpressApplication): Router {
  /* eslint-disable @typescript-eslint/no-require-imports -- a deferred load on purpose */
  const { createBullBoard } = require('@bull-board/api') as typeof import('@bull-board/api');
  const { BullMQAdapter } = require('@bull-board/api/bullMQAdapter') as typeof import('@bull-board/api/bullMQAdapter');
  const { ExpressAdapter } = require('@bull-board/express') as typeof import('@bull-board/express');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  // @bull-board/express 9.10.1 carries its own copy of @bull-board/api 9.10.1 beside our 9.10.2: the
  // same shapes, declared twice, so the types need a cast until the two versions are aligned.
  type ServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: app.get(JobQueue).all().map((queue) => new BullMQAdapter(queue)), serverAdapter: serverAdapter as unknown as ServerAdapter });
  return serverAdapter.getRouter() as Router;
}
