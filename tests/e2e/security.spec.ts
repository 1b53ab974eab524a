/**
 * DESIGN §9: a Content-Security-Policy with no inline scripts on every route, no violation of it
 * through a load and a full scroll, and no request to any host but the site's own.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, ROUTES, scrollThrough } from '../support/page';

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name!.toLowerCase(), values])
	);
}

const PAGES = [...ROUTES, '/embed?chapter=tower'];

for (const route of PAGES) {
	test.describe(`${route}`, () => {
		test('carries a CSP meta tag whose script-src allows no inline script', async ({ request }) => {
			const res = await request.get(route);
			expect(res.status()).toBe(200);
			const html = await res.text();
			const metas = [
				...html.matchAll(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/gi)
			].map((m) => m[1]!.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"'));
			expect(metas, 'one CSP <meta> in the prerendered HTML').toHaveLength(1);
			const policy = directives(metas[0]!);
			const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
			expect(scriptSrc, 'script-src (or default-src)').toBeDefined();
			expect(scriptSrc).not.toContain("'unsafe-inline'");
			expect(scriptSrc).not.toContain("'unsafe-eval'");
			expect(scriptSrc).not.toContain('*');
			expect(
				scriptSrc!.filter((s) => /^https?:/.test(s)),
				'no outside script hosts'
			).toEqual([]);
			expect(policy.get('object-src')).toEqual(["'none'"]);
			// Every inline <script> in the page is allowed by a hash in the policy.
			const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
				.map((m) => m[1]!)
				.filter((s) => s.trim());
			if (inline.length)
				expect(
					scriptSrc!.some((s) => s.startsWith("'sha256-")),
					'inline scripts need hashes'
				).toBe(true);
		});

		test('no CSP violation and no outside request through a load and a full scroll', async ({
			page,
			baseURL
		}) => {
			await page.addInitScript(() => {
				const w = window as unknown as { __csp: string[] };
				w.__csp = [];
				document.addEventListener('securitypolicyviolation', (e) =>
					w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`)
				);
			});
			const origin = new URL(baseURL!).origin;
			const outside: string[] = [];
			page.on('request', (r) => {
				const url = r.url();
				if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) outside.push(url);
			});
			const errors = collectErrors(page);
			const res = await page.goto(route);
			expect(res?.status()).toBe(200);
			await page.waitForLoadState('networkidle');
			await scrollThrough(page);
			await page.waitForLoadState('networkidle');
			const violations = await page.evaluate(
				() => (window as unknown as { __csp: string[] }).__csp
			);
			expect(violations, 'securitypolicyviolation events').toEqual([]);
			expect(outside, 'requests leaving the site').toEqual([]);
			expect(errors).toEqual([]);
		});
	});
}
