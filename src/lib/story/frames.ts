/**
 * Two animation frames in a row, owned as one: the first lets the layout settle (focus, landing),
 * the second reads where the page came to rest. A new pair replaces the one pending, and the
 * owner cancels whichever frame is pending when it goes away.
 */
export function frameOwner() {
	let id = 0;
	return {
		twice(first: () => void, second: () => void) {
			cancelAnimationFrame(id);
			id = requestAnimationFrame(() => {
				first();
				id = requestAnimationFrame(() => {
					id = 0;
					second();
				});
			});
		},
		cancel() {
			cancelAnimationFrame(id);
			id = 0;
		}
	};
}
