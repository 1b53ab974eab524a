/**
 * The projector window's own actions: full screen (tracked, so its button shows the state) and
 * opening the speaker view in a second window.
 */
export function screen() {
	let fullscreen = $state(false);
	$effect(() => {
		const track = () => (fullscreen = !!document.fullscreenElement);
		document.addEventListener('fullscreenchange', track);
		return () => document.removeEventListener('fullscreenchange', track);
	});
	return {
		get fullscreen() {
			return fullscreen;
		},
		toggleFullscreen() {
			if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
			else document.documentElement.requestFullscreen?.().catch(() => {});
		},
		openNotes(slideId: string) {
			window.open(`/present/notes#${slideId}`, 'strangers-notes', 'popup,width=1280,height=800');
		}
	};
}
