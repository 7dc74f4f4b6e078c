import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'dist-workbench/**', 'coverage/**', 'node_modules/**', 'test-results/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // core stays pure: no Office, React or DOM
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', '@fluentui/*', '**/excel/**', '**/taskpane/**', '**/functions/**'] }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'CustomFunctions'],
    },
  },
  {
    // one door in the pane (issue 12): only the workbook hook calls src/excel. Elsewhere in the
    // pane, types are fine, and so are host's cancel plumbing and errors' wording (neither touches
    // a workbook); the entry point takes officeRun from host.
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/usePane.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/excel/*', '!**/excel/host', '!**/excel/errors'],
              allowTypeImports: true,
              message: 'Only src/taskpane/usePane.ts (the workbook hook) calls src/excel; pass data and callbacks as props.',
            },
          ],
        },
      ],
    },
  },
);
