/** The last copy, shown briefly so the user knows what is on the clipboard (or why nothing is). */
export interface CopyNotice {
  id: number;
  ok: boolean;
  message: string;
}

const NOTICE_MS = 2_000;

export const copyNotice = $state<{ current: CopyNotice | null }>({ current: null });
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Copies `text` and announces `what` was copied ("path target.name"). */
export async function copyToClipboard(text: string, what: string): Promise<boolean> {
  let notice: CopyNotice;
  try {
    await navigator.clipboard.writeText(text);
    notice = { id: nextId++, ok: true, message: `Copied ${what}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    notice = { id: nextId++, ok: false, message: `Could not copy ${what}: ${reason}` };
  }
  copyNotice.current = notice;
  clearTimeout(timer);
  timer = setTimeout(() => (copyNotice.current = null), notice.ok ? NOTICE_MS : NOTICE_MS * 3);
  return notice.ok;
}
