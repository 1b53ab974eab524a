/**
 * A live stream written straight to Node's response: a room's update is one encoded chunk written
 * to each of its sockets, with no web stream between (at a district's 3,000 streams, the web
 * streams' own work per chunk cost more than the sockets did). The stream is given back when its
 * response or its socket closes, whichever comes first; a reader that stops reading is cut off
 * rather than let its backlog grow in this process's memory.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Listener } from './events';

/** About a minute of a busy room's updates that a phone has not read: it has gone, or stalled. */
const MAX_BACKLOG = 256 * 1024;

export function serveStream(
	outgoing: ServerResponse,
	socket: Socket,
	attach: (listener: Listener) => () => void,
	done: () => void
) {
	outgoing.writeHead(200, {
		'Content-Type': 'text/event-stream; charset=utf-8',
		'Cache-Control': 'no-store',
		// nginx would otherwise hold the stream back in its buffers.
		'X-Accel-Buffering': 'no'
	});
	let detach = () => {};
	const leave = () => {
		outgoing.off('close', leave);
		socket.off('close', leave);
		detach();
		done();
	};
	outgoing.once('close', leave);
	socket.once('close', leave);
	detach = attach({
		send(chunk) {
			if (outgoing.writableEnded || outgoing.destroyed) return;
			if (outgoing.writableLength > MAX_BACKLOG) outgoing.destroy();
			else outgoing.write(chunk);
		},
		end(last) {
			if (!outgoing.writableEnded) outgoing.end(last);
		}
	});
}
