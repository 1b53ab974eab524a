import { motion } from '$lib/motion.svelte';

/**
 * The scene settles into each slide's state: `value` runs 0 → 1 over `ms` whenever `key()`
 * changes, at once under reduced motion. The frame loop is cancelled when the key changes again
 * or the owning component goes away.
 */
export function settle(key: () => unknown, ms = 900) {
	let value = $state(1);
	$effect(() => {
		void key();
		if (motion.reduced) {
			value = 1;
			return;
		}
		const t0 = performance.now();
		let frame = requestAnimationFrame(function step(now) {
			value = Math.min(1, (now - t0) / ms);
			if (value < 1) frame = requestAnimationFrame(step);
		});
		value = 0;
		return () => cancelAnimationFrame(frame);
	});
	return {
		get value() {
			return value;
		}
	};
}
