// Types for start-banner.mjs, which stays plain JavaScript so `npm start` needs no build.
export declare const DEMO_SIGN_IN: { tenant: string; email: string; password: string };
export declare function trustedDocumentsOn(env: Record<string, string | undefined>, nodeEnv: string): boolean;
export declare function registeredSignInHash(root: string): string | undefined;
export declare function signInRequestBody(options: { trusted: boolean; signInHash: string | undefined }): unknown;
export declare function signInBannerLines(options: { sandbox: string; trusted: boolean; signInHash: string | undefined }): string[];
