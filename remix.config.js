/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // build/index.js is the whole server (express + Remix), see app/server.ts.
  server: "./app/server.ts",
  future: {
    v3_fetcherPersist: true,
    v3_lazyRouteDiscovery: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Single fetch stays off: loaders return Responses (Response.json) that the tests call directly.
    v3_singleFetch: false,
  },
};
