/**
 * Entry of the store's writer thread: every write to the event log runs here, so inserts,
 * indexing and retention never hold up the thread that receives frames and serves the UI.
 * The same script runs the checkpointer thread beside it.
 */
import type Database from 'better-sqlite3';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runCheckpoints } from './checkpointer';
import { openDatabase } from './database';
import { LogWriter } from './log-writer';
import type { WriterReply, WriterRequest, WriterThreadData } from './writer-protocol';

const data = workerData as WriterThreadData;
if (data.role === 'checkpointer') runCheckpoints(data, parentPort!);
else serveWrites(data, parentPort!);

function serveWrites(data: WriterThreadData, port: MessagePort): void {
  const db = openDatabase(data);
  const writer = new LogWriter(db);
  port.on('message', (request: WriterRequest) => {
    let reply: WriterReply;
    try {
      reply = { id: request.id, ok: true, value: perform(db, writer, request) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = (error as { code?: unknown }).code;
      reply = { id: request.id, ok: false, message, code: typeof code === 'string' ? code : null };
    }
    port.postMessage(reply);
    if (request.op === 'close') port.close();
  });
}

function perform(db: Database.Database, writer: LogWriter, request: WriterRequest): unknown {
  switch (request.op) {
    case 'append':
      return writer.append(request.rows);
    case 'catchUpSearch':
      return writer.catchUpSearch();
    case 'applyRetention':
      return writer.applyRetention(request.policy, request.now);
    case 'close':
      writer.close();
      db.close();
      return undefined;
  }
}
