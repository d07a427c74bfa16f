// The public contract of @paht/client-sdk: everything, as in its first
// versions. Everything is a named export and the package has no side
// effects: bundlers keep only what you import. A page without a staff token
// imports `@paht/client-sdk/public` instead (no staff document can reach its
// bundle); staff workspaces add `@paht/client-sdk/staff`.
export * from './public.js';
export * from './staff.js';
