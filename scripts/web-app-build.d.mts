// Types for web-app-build.mjs, which stays plain JavaScript so `npm start` needs no build.
export declare function webAppBuildReason(root: string): string | null;
export declare function buildWebApp(root: string): void;
