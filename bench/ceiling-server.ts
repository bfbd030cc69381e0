// Ceilings for the benchmark: a bare Fastify app (no plugins, no auth, no logging) with the cheapest possible
// routes on the same servers — one cached Redis value, one row by primary key from MariaDB.
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { parseDbUrl } from '../src/config.js';
import type { ServiceDatabase } from '../src/tables.js';

const url = parseDbUrl(process.env.MARIADB_SERVICE_URL!);
const db = new Kysely<ServiceDatabase>({
  dialect: new MysqlDialect({
    pool: createPool({ host: url.host, port: url.port, user: url.user, password: url.password, database: url.database, connectionLimit: 20, timezone: 'Z' }),
  }),
});
const redis = new Redis(process.env.REDIS_URL!);
const app = Fastify();

// One stored value per cached scenario, so each is compared with a route returning the same bytes.
app.get<{ Params: { name: string } }>('/ceiling/redis/:name', async (request, reply) => {
  const raw = await redis.get(`${process.env.CEILING_REDIS_PREFIX!}${request.params.name}`);
  return reply.type('application/json').send(raw ?? 'null');
});

app.get<{ Params: { id: string } }>('/ceiling/pk/:id', async (request) => {
  return db.selectFrom('FCT_KOK_PRODUCT_INFO').selectAll().where('KOK_PRODUCT_ID', '=', Number(request.params.id)).executeTakeFirst();
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 9101) });
