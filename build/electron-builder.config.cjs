// electron-builder configuration for `npm run dist`. Everything the app runs is bundled by Vite
// (dist/renderer, dist-electron), so app.asar needs no node_modules.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.sc.review-desk',
  productName: '评审台',
  // ASCII file names: installers travel by USB stick and e-mail between machines whose
  // code pages do not always agree on Chinese file names.
  artifactName: 'review-desk-${version}-${os}-${arch}.${ext}',
  copyright: 'Review Desk team',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: ['dist/renderer/**', 'dist-electron/**', 'package.json', '!**/*.map'],
  asar: true,
  // Production dependencies are already inside the bundles; nothing native to rebuild.
  npmRebuild: false,
  electronFuses: {
    // No ELECTRON_RUN_AS_NODE: the app binary must not double as a signed Node interpreter.
    runAsNode: false,
    enableCookieEncryption: true,
    // NODE_OPTIONS / --inspect would let anyone with a shortcut inject code into main.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Together these two mean only the shipped, hash-checked app.asar is ever loaded.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The app is served from app://, so file:// needs no privileges beyond a browser's.
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  win: {
    target: ['nsis', 'portable'],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    language: '2052',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Review Desk team <review-desk@example.invalid>',
    synopsis: '专家评审台（离线）',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
  },
};
