import fs from 'node:fs/promises';
import express from 'express';
import { serveBench } from './server-process.ts';

// Forked by run-benchmarks.ts: the floor for any JSON route on this machine, one real response served from memory.
const [bodyFile = ''] = process.argv.slice(2);
const body = await fs.readFile(bodyFile, 'utf8');

const app = express();
app.get('/bare', (_req, res) => void res.type('json').send(body));
const server = app.listen(0, '127.0.0.1');
serveBench(server, {}, async () => {});
