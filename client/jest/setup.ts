// Jest: the flags Taro's runtime reads as build-time globals (set by its webpack config).
const g = globalThis as Record<string, unknown>;
for (const flag of ['ENABLE_INNER_HTML', 'ENABLE_ADJACENT_HTML', 'ENABLE_SIZE_APIS', 'ENABLE_TEMPLATE_CONTENT', 'ENABLE_MUTATION_OBSERVER', 'ENABLE_CLONE_NODE', 'ENABLE_CONTAINS']) g[flag] = true;
g.DEPRECATED_ADAPTER_COMPONENT = false;
g.__TARO_FRAMEWORK__ = 'react';
process.env.TARO_ENV = 'h5';
