import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { EsbuildPlugin } from 'esbuild-loader';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';

const coreDir = path.resolve(__dirname, '..', 'core');
const isWeapp = process.env.TARO_ENV === 'weapp';

// Each platform builds into its own folder so weapp and H5 can coexist (dist/weapp, dist/h5).
export default defineConfig<'webpack5'>(async (merge) => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linlitong',
    date: '2026-11-23',
    // NutUI is drawn at 375 wide; our own styles at the usual 750.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // NutUI renders div/span: the html plugin gives them mini-program templates.
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    alias: { '@core': coreDir },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Which pages WeChat search may index (referenced by sitemapLocation in app.config.ts).
    ...(isWeapp && {
      copy: { patterns: [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }], options: {} },
    }),
    mini: {
      // core/ lives outside src/: compile it like our own source.
      compile: { include: [coreDir] },
      // NutUI styles are imported per component; their relative order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Old phones: the weapp runs in the phone's own JavaScript engine and is uploaded as built
        // (project.config.json: es6 and enhance off); iOS before 13.4 has no ?. or ??. Babel
        // compiles only src/, core/ and packages named *taro*, and for package.json's modern
        // browserslist (H5's), so every emitted chunk (node_modules and the webpack runtime too)
        // is lowered to ES2015 here, before terser minifies it. tests/simulate/es2015.test.ts
        // parses the output.
        chain.plugin('es2015').use(EsbuildPlugin, [{ target: 'es2015' }]);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      esnextModules: ['nutui-react'],
      // Pictures are files, not base64 in the scripts: the first screen's JavaScript stays small
      // and the tab icons and the empty-state picture are fetched (and cached) on their own.
      imageUrlLoaderOption: { limit: 1024 },
      compile: { include: [coreDir] },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Pages are loaded on demand (import() per route). Taro splits only the initial chunk, so
        // React, NutUI and our components were copied into every page chunk; split async chunks too.
        chain.optimization.merge({
          splitChunks: {
            chunks: 'all',
            cacheGroups: {
              // The toast and the modal (services/platform-dialogs.ts and Taro's H5 code for them)
              // load with the first one shown, not with the first screen (bench:size).
              dialogs: {
                test: /services[\\/]platform-dialogs|taro-h5[\\/]dist[\\/]api[\\/]ui[\\/]interaction/,
                name: 'dialogs',
                priority: 200,
                enforce: true,
              },
            },
          },
        });
      },
    },
  };
  return merge({}, config, process.env.NODE_ENV === 'development' ? { mini: {}, h5: {} } : {});
});
