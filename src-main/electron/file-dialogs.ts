import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

/** The save dialog for an export; null when the user cancels. */
export async function chooseExportPath(defaultName: string): Promise<string | null> {
  const extension = defaultName.split('.').pop() ?? 'ndjson';
  const options: SaveDialogOptions = {
    title: 'Export events',
    defaultPath: defaultName,
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The open dialog for an NDJSON export; null when the user cancels. */
export async function chooseImportPath(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open NDJSON file',
    properties: ['openFile'],
    filters: [
      { name: 'NDJSON', extensions: ['ndjson', 'jsonl'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
