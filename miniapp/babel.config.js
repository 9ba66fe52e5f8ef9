// babel-preset-taro: React + TypeScript, compiled by the webpack5 runner.
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
      // Taro only sets NODE_ENV for its own process, so the preset would add react-refresh to production
      // H5 bundles ($RefreshReg$ is not defined). We never use hot reload, so it stays off.
      hot: false,
    }],
  ],
}
