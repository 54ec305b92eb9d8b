/**
 * Entry of the store's writer thread: every write to the event log runs here, so inserts,
 * indexing and retention never hold up the thread that receives frames and serves the UI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database';
import { LogWriter } from './log-writer';
import type { WriterReply, WriterRequest, WriterThreadData } from './writer-protocol';

const port = parentPort!;
const db = openDatabase(workerData as WriterThreadData);
const writer = new LogWriter(db);

function perform(request: WriterRequest): unknown {
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

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    reply = { id: request.id, ok: true, value: perform(request) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    reply = { id: request.id, ok: false, message, code: typeof code === 'string' ? code : null };
  }
  port.postMessage(reply);
  if (request.op === 'close') port.close();
});
