#!/usr/bin/env node
// Tells the shell scripts whether PostgreSQL / Redis answer at a URL, and creates a database.
//   node scripts/probe.js pg <url>          exit 0 when the server answers
//   node scripts/probe.js redis <url>       exit 0 when the server answers PING
//   node scripts/probe.js createdb <url>    creates the URL's database when missing
//   node scripts/probe.js dropdb <url>      drops the URL's database
'use strict';
const { Client } = require('pg');
const net = require('node:net');

async function withServer(url, fn) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  target.pathname = '/postgres';
  const client = new Client({ connectionString: target.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client, database);
  } finally {
    await client.end();
  }
}

function pingRedis(url) {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.hostname, port: Number(target.port || 6379) });
    socket.setTimeout(3000, () => socket.destroy(new Error('timeout')));
    socket.on('error', reject);
    socket.on('connect', () => {
      const auth = target.password ? `AUTH ${decodeURIComponent(target.password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (data) => {
      socket.end();
      if (data.toString().includes('PONG')) resolve();
      else reject(new Error(data.toString().trim()));
    });
  });
}

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

const commands = {
  pg: (url) => withServer(url, (c) => c.query('SELECT 1')),
  redis: (url) => pingRedis(url),
  createdb: (url) =>
    withServer(url, async (c, db) => {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (!rowCount) await c.query(`CREATE DATABASE ${quote(db)}`);
    }),
  dropdb: (url) => withServer(url, (c, db) => c.query(`DROP DATABASE IF EXISTS ${quote(db)} WITH (FORCE)`)),
};

const [command, url] = process.argv.slice(2);
if (!commands[command] || !url) {
  console.error('usage: probe.js pg|redis|createdb|dropdb <url>');
  process.exit(2);
}
commands[command](url).then(
  () => process.exit(0),
  (error) => {
    if (process.env.PROBE_VERBOSE) console.error(error.message);
    process.exit(1);
  },
);
