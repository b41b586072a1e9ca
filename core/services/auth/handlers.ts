import type { authContract, usersContract } from '../../contract/auth';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../rpc/handlers';
import type { AuthService } from './auth-service';

export function authHandlers(auth: AuthService): Handlers<typeof authContract> {
  return {
    status: (_input, ctx) => ({ needsSetup: auth.needsSetup(), user: ctx.user }),
    setupAdmin: async (input, ctx) => {
      const s = await auth.setupAdmin(input, ctx.conn.transport, ctx.conn.peer);
      ctx.conn.sessionToken = s.token;
      return s;
    },
    login: async (input, ctx) => {
      const s = await auth.login(input.username, input.password, ctx.conn.transport, ctx.conn.peer);
      ctx.conn.sessionToken = s.token;
      return s;
    },
    resume: (input, ctx) => {
      const p = auth.resolveSession(input.token);
      if (!p) throw new AppError('AUTH_SESSION_INVALID');
      ctx.conn.sessionToken = input.token;
      return { token: input.token, expiresAt: p.expiresAt, user: p.user };
    },
    logout: (_input, ctx) => {
      if (ctx.conn.sessionToken) auth.logout(ctx.conn.sessionToken, ctx.actor);
      ctx.conn.sessionToken = null;
      return { ok: true as const };
    },
  };
}

export function usersHandlers(auth: AuthService): Handlers<typeof usersContract> {
  return {
    list: () => auth.listUsers(),
    create: (input, ctx) => auth.createUser(ctx.actor, input),
    setPassword: async (input, ctx) => {
      await auth.setPassword(ctx.actor, input.userId, input.password);
      return { ok: true as const };
    },
    unlock: (input, ctx) => auth.unlock(ctx.actor, input.userId),
    setDisabled: (input, ctx) => auth.setDisabled(ctx.actor, input.userId, input.disabled),
    setRole: (input, ctx) => auth.setRole(ctx.actor, input.userId, input.role),
  };
}
