// ESLint flat config: the rules gts applies (recommended JavaScript and typescript-eslint rules,
// Prettier for layout), as in Google's Apps Script TypeScript template (google/aside).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {ignores: ['node_modules/', 'dist/', '**/build/', 'demo/', 'coverage/', 'test/fixtures/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {ecmaVersion: 2022, sourceType: 'module'},
    rules: {
      // gts: prefer const, no var, strict equality.
      'prefer-const': ['error', {ignoreReadBeforeAssign: true}],
      'no-var': 'error',
      eqeqeq: ['error', 'always', {null: 'ignore'}],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
      ],
      // Sanitising XML text strips control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // The emulator, scripts and tests handle Apps Script objects of any shape (as scripts do);
    // the program itself (src/) stays fully typed.
    files: ['emulator/**', 'test/**', 'scripts/**', 'bin/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Node scripts and the CommonJS entry points.
    files: ['**/*.cjs', '**/*.mjs', 'scripts/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
