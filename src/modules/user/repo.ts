// SQL for USERS, USER_SETTINGS and JWT_BLACKLIST (AUTH_DB).
import type { Db } from '../../platform/db/connect.js';
import { ciEquals, ignoreDuplicates, insertReturningId } from '../../platform/db/dialect.js';
import type { UserTables } from './tables.js';

export interface UserRow {
  USER_ID: number;
  EMAIL: string;
  PASSWORD_HASH: string;
  USERNAME: string | null;
  CREATED_AT: Date | null;
}

export class UserRepo {
  constructor(private readonly db: Db<UserTables>) {}

  async findById(id: number): Promise<UserRow | undefined> {
    return this.db.kysely.selectFrom('USERS').selectAll().where('USER_ID', '=', id).executeTakeFirst();
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.kysely
      .selectFrom('USERS')
      .selectAll()
      .where(ciEquals(this.db.kind, 'EMAIL', email))
      .orderBy('USER_ID')
      .limit(1)
      .executeTakeFirst();
  }

  /** Inserts the user and its settings row in one transaction; returns the new id. */
  async create(email: string, passwordHash: string, username: string, createdAt: Date): Promise<number> {
    return this.db.kysely.transaction().execute(async (trx) => {
      const values = { EMAIL: email, PASSWORD_HASH: passwordHash, USERNAME: username, CREATED_AT: createdAt };
      const id = await insertReturningId<UserTables, 'USERS'>(trx, this.db.kind, 'USERS', values, 'USER_ID');
      await trx.insertInto('USER_SETTINGS').values({ USER_ID: id, RECEIVE_NOTIFICATION: 1 }).execute();
      return id;
    });
  }

  async updatePasswordHash(id: number, hash: string): Promise<void> {
    await this.db.kysely.updateTable('USERS').set({ PASSWORD_HASH: hash }).where('USER_ID', '=', id).execute();
  }

  async isBlacklisted(tokenHash: string, now: Date): Promise<boolean> {
    const row = await this.db.kysely
      .selectFrom('JWT_BLACKLIST')
      .select('TOKEN_HASH')
      .where('TOKEN_HASH', '=', tokenHash)
      .where('EXPIRES_AT', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Idempotent: a second logout of the same token keeps the first row. */
  async blacklist(tokenHash: string, expiresAt: Date, userId: string): Promise<void> {
    const insert = this.db.kysely
      .insertInto('JWT_BLACKLIST')
      .values({ TOKEN_HASH: tokenHash, EXPIRES_AT: expiresAt, USER_ID: userId, METADATA: 'user_logout' });
    await ignoreDuplicates(this.db.kind, insert).execute();
  }

  async purgeExpiredBlacklist(now: Date): Promise<number> {
    const res = await this.db.kysely.deleteFrom('JWT_BLACKLIST').where('EXPIRES_AT', '<', now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
