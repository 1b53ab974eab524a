import { getContent } from '$lib/content/index.server';
import { withoutSpeakerNotes } from '$lib/content/reader';

export const load = () => ({ content: withoutSpeakerNotes(getContent()) });
