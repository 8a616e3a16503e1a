// Lint: type-aware TypeScript rules plus the import boundaries of STYLE.md §2.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Another module, seen from a file `depth` folders below src/server/modules/<module>/: `../`×(depth+1)
// leaves the module; what follows must be `<other>/index.ts` (platform/, test/, seed/, app.ts are fine).
function otherModule(depth) {
  const up = '\\.\\./'.repeat(depth + 1)
  return {
    // Another module's test support (its test fixtures) may be shared by tests.
    regex: `^${up}(?!platform/|test/|seed/|app\\.ts|config\\.ts)[a-z-]+/(?!index\\.ts$|[a-z-]+\\.test-support\\.ts$).+`,
    message: 'Reach another module only through its index.ts',
  }
}
const MODULE_DEPTHS = [0, 1, 2, 3]
const moduleFiles = (depth) => `src/server/modules/*/${'*/'.repeat(depth)}*.ts`

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'drizzle/**', '.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    // Tests read JSON responses freely.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'src/server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // common/ is imported by server and web and imports neither.
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@server/*', '@web/*', '**/server/**', '**/web/**', 'fastify', 'react'],
              message: 'src/common imports neither server nor web',
            },
          ],
        },
      ],
    },
  },
  // Business code never sees HTTP; modules meet only through index.ts.
  ...MODULE_DEPTHS.map((depth) => ({
    files: [moduleFiles(depth)],
    ignores: [
      'src/server/modules/**/routes*.ts',
      'src/server/modules/**/index.ts',
      'src/server/modules/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fastify', message: 'fastify belongs in routes.ts and platform/http' }],
          patterns: [
            otherModule(depth),
            {
              group: ['**/platform/http/*', '!**/platform/http/session.ts'],
              message: 'actions do not use HTTP plumbing',
            },
          ],
        },
      ],
    },
  })),
  ...MODULE_DEPTHS.map((depth) => ({
    files: [
      `src/server/modules/*/${'*/'.repeat(depth)}routes*.ts`,
      `src/server/modules/*/${'*/'.repeat(depth)}index.ts`,
      `src/server/modules/*/${'*/'.repeat(depth)}*.test.ts`,
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModule(depth)] }] },
  })),
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/config.ts', 'src/server/test/**', 'src/server/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings from Config (src/server/config.ts)',
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@server/*', '**/server/**'],
              message: 'the web talks to the server only through web/lib and common/contracts',
            },
          ],
        },
      ],
    },
  },
)
