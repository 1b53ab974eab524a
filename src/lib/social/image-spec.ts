/** Where the social image lives and its size (Open Graph's recommended 1.91:1). */
export const SOCIAL_IMAGE = { path: '/social.png', width: 1200, height: 630 } as const;
