/** Where scroll position comes from: the window on `/`, the host page inside an embed. */
export interface ScrollSource {
	/** Scroll offset of the story's document and the height of the viewport it is seen through. */
	read(): { y: number; vh: number };
	/** Calls `onChange` whenever that may have changed; returns the unsubscribe. */
	subscribe(onChange: () => void): () => void;
}

export function windowSource(): ScrollSource {
	return {
		read: () => ({ y: window.scrollY, vh: window.innerHeight }),
		subscribe(onChange) {
			window.addEventListener('scroll', onChange, { passive: true });
			window.addEventListener('resize', onChange);
			return () => {
				window.removeEventListener('scroll', onChange);
				window.removeEventListener('resize', onChange);
			};
		}
	};
}
