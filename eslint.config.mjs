// ESLint for the mini-program's sources (client/src), run by `npm test`. typescript-eslint's
// recommended rules plus React's rules of hooks: a hook's dependencies are checked, not waved
// through with a disable comment.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['client/dist/**', 'client/config/**', 'client/jest/**', 'client/*.js'] },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A colour is a token in app.css (ui/tokens.ts for the few JavaScript needs): ui/tokens.test.ts checks the CSS too.
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[value=/#[0-9a-fA-F]{3,8}\\b/]', message: 'A colour literal is a missing token: use var(--bm-…) in CSS or COLORS from ui/tokens.ts.' },
        { selector: 'TemplateElement[value.raw=/#[0-9a-fA-F]{3,8}\\b/]', message: 'A colour literal is a missing token: use var(--bm-…) in CSS or COLORS from ui/tokens.ts.' },
      ],
    },
  },
  {
    files: ['client/src/ui/tokens.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['client/src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
