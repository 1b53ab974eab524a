import { describe, expect, it } from 'vitest';
import {
	heightMessages,
	hostOriginFrom,
	isSizeOnly,
	pymMessage
} from '../../src/lib/embed/protocol';
import { siteUrlWarning } from '../../src/lib/social/site-warning';

describe('the host origin an embed writes to', () => {
	it('prefers pym’s parentUrl, then the referrer', () => {
		expect(
			hostOriginFrom(
				'?childId=a&parentUrl=https%3A%2F%2Fnews.example%2Fa%3Fb',
				'https://x.example/'
			)
		).toBe('https://news.example');
		expect(hostOriginFrom('?childId=a', 'https://paper.example/story/1')).toBe(
			'https://paper.example'
		);
	});
	it('knows nothing from a blank or non-web referrer', () => {
		expect(hostOriginFrom('', '')).toBeNull();
		expect(hostOriginFrom('?parentUrl=javascript:alert(1)', 'about:blank')).toBeNull();
		expect(hostOriginFrom('?parentUrl=not%20a%20url', '')).toBeNull();
	});
	it('lets only size messages go to any origin', () => {
		for (const m of heightMessages(800, 'strangers-1')) expect(isSizeOnly(m)).toBe(true);
		expect(isSizeOnly(pymMessage('strangers-1', 'parentPositionInfo'))).toBe(false);
		expect(isSizeOnly(pymMessage('strangers-1', 'navigateTo', 'https://evil.example'))).toBe(false);
	});
});

describe('the deployment build’s PUBLIC_SITE_URL warning', () => {
	it('names the variable when a deployment build lacks it', () => {
		const message = siteUrlWarning({}, true);
		expect(message).toMatch(/PUBLIC_SITE_URL is not set/);
		expect(message).toContain('http://localhost:4173');
		expect(siteUrlWarning({ PUBLIC_SITE_URL: '  ' }, true)).toMatch(/PUBLIC_SITE_URL/);
	});
	it('is quiet when set, or for a local build', () => {
		expect(siteUrlWarning({ PUBLIC_SITE_URL: 'https://strangers.example.org' }, true)).toBeNull();
		expect(siteUrlWarning({}, false)).toBeNull();
	});
});
