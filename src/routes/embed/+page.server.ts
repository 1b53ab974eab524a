import { getContent } from '$lib/content/index.server';

export const load = () => ({ content: getContent() });
