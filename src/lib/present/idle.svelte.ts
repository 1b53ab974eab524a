/**
 * True after `ms` without pointer movement, so the projector can hide the pointer. Listens on
 * the window for the life of the owning component.
 */
export function idlePointer(ms = 2500) {
	let idle = $state(false);
	$effect(() => {
		let timer = 0;
		const wake = () => {
			idle = false;
			clearTimeout(timer);
			timer = window.setTimeout(() => (idle = true), ms);
		};
		wake();
		addEventListener('pointermove', wake);
		addEventListener('pointerdown', wake);
		return () => {
			clearTimeout(timer);
			removeEventListener('pointermove', wake);
			removeEventListener('pointerdown', wake);
		};
	});
	return {
		get value() {
			return idle;
		}
	};
}
