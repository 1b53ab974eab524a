import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('$app/paths', () => ({ resolve: (path: string) => path }));
vi.mock('$lib/story/reading-load', () => ({
	hasPrerenderedStory: () => true,
	placeholders: () => ({ chapters: {}, scenes: {}, features: {} }),
	prerendered: () => {
		throw new Error('not in the browser');
	},
	fetched: () => {
		throw new Error('the page holds its story');
	}
}));

describe("the reading page's load in the browser", () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllEnvs();
	});

	it('hands the page over to hydration only in a task after the one that evaluated its modules', async () => {
		vi.stubEnv('SSR', false);
		vi.useFakeTimers();
		const { load } = await import('../../src/routes/+page');
		const data = { content: { chapters: [] } };
		let returned = false;
		const result = (load as (e: unknown) => Promise<unknown>)({ data, fetch }).then((r) => {
			returned = true;
			return r;
		});
		for (let i = 0; i < 10; i++) await Promise.resolve();
		expect(returned).toBe(false);
		vi.runAllTimers();
		expect(await result).toMatchObject({ content: data.content, stills: { chapters: {} } });
	});
});
