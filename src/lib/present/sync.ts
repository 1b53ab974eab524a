/**
 * Keeps the presenter (`/present`) and the speaker view (`/present/notes`) on the same slide,
 * both ways, across windows of one browser. One BroadcastChannel, closed by the caller on unmount.
 *
 * - `here`: "I am now on this slide" — sent after a local change, and as the answer to `where`.
 * - `where`: "where are we?" — sent by a window that opens late; any open window answers `here`.
 */
export type SyncMessage = { type: 'here'; id: string; blackout: boolean } | { type: 'where' };

export const CHANNEL = 'strangers:present';

export function isSyncMessage(data: unknown): data is SyncMessage {
	if (typeof data !== 'object' || data === null) return false;
	const m = data as Record<string, unknown>;
	if (m.type === 'where') return true;
	return m.type === 'here' && typeof m.id === 'string' && typeof m.blackout === 'boolean';
}

export interface Sync {
	post(message: SyncMessage): void;
	close(): void;
}

export function openSync(onMessage: (message: SyncMessage) => void, name = CHANNEL): Sync {
	if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
	const channel = new BroadcastChannel(name);
	const listener = (e: MessageEvent) => {
		if (isSyncMessage(e.data)) onMessage(e.data);
	};
	channel.addEventListener('message', listener);
	let open = true;
	return {
		post(message) {
			if (open) channel.postMessage(message);
		},
		close() {
			if (!open) return;
			open = false;
			channel.removeEventListener('message', listener);
			channel.close();
		}
	};
}
