import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannel, type ApiEventName, type ApiEvents } from '../core/api';
import type { ApiSession, SessionHost } from '../core/service';

/**
 * Binds every method of the contract to `ipcMain.handle`, answering only the window we created
 * and only while it shows our own renderer.
 */
export function bindApi(host: SessionHost, contents: WebContents, isTrustedUrl: (url: string) => boolean): () => void {
  const session: ApiSession = host.openSession(<E extends ApiEventName>(event: E, payload: ApiEvents[E]) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  const assertTrusted = (event: IpcMainInvokeEvent): void => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (event.sender !== contents || !isTrustedUrl(frameUrl)) {
      throw new Error(`Refused an API call from an untrusted sender (${frameUrl || 'unknown frame'}).`);
    }
  };
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => {
      assertTrusted(event);
      return (session[method] as (...params: unknown[]) => Promise<unknown>).apply(session, args);
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
    session.close();
  };
}
