/** The address `npm run preview` serves: the site's address when no PUBLIC_SITE_URL is given. */
export const DEFAULT_SITE_URL = 'http://localhost:4173';
