/** Unit, function, stand-in and simulate tests run in node; component tests in jsdom. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const moduleNameMapper = { '^@core/(.*)$': '<rootDir>/core/$1', '^@/(.*)$': '<rootDir>/src/$1' };

/** ESM packages under node_modules that the component tests must compile. */
const esmPackages = ['@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', '@nutui'].join('|');

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/{unit,functions,standin,simulate}/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/components/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/tests/mocks/setup-components.ts'],
      transform: {
        '^.+\\.tsx?$': tsJest,
        // Taro's components and their Stencil runtime ship as ES modules.
        '^.+\\.m?js$': [
          'babel-jest',
          {
            babelrc: false,
            configFile: false,
            presets: [['@babel/preset-env', { targets: { node: 'current' } }]],
          },
        ],
      },
      // Ignore node_modules except the ESM packages above (also inside their nested node_modules).
      transformIgnorePatterns: [`^(?!.*/node_modules/(${esmPackages})/).*/node_modules/`],
      moduleNameMapper: {
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/mocks/style.ts',
        '\\.(png|jpg|svg)$': '<rootDir>/tests/mocks/file.ts',
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index.js',
        '^@tarojs/taro$': '<rootDir>/tests/mocks/taro.ts',
        '^zustand$': '<rootDir>/tests/mocks/zustand.ts',
        ...moduleNameMapper,
      },
      // Compile-time constants Taro's build defines (webpack DefinePlugin); the H5 defaults.
      globals: {
        DEPRECATED_ADAPTER_COMPONENT: false,
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: true,
      },
    },
  ],
};
