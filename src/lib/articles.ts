/**
 * The routes that are read as articles (the story and its embed), as against the classroom's
 * apps: they are the ones measured against a static article's budgets, so what they load first
 * and when differs (see hooks.server.ts for their scripts, +layout.svelte for their fonts).
 */
const ARTICLES = new Set(['/', '/embed']);

export const isArticle = (routeId: string | null | undefined) => ARTICLES.has(routeId ?? '');
