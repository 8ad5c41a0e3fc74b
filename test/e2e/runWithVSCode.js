// Run the e2e suite in a desktop VS Code on a developer machine (the same suite run-all.sh runs in
// code-server). VS Code is not downloaded: point VSCODE_EXECUTABLE at an installed one.
//
//   npm run build && mkdir -p out/e2e && cp -r test/e2e/suite out/e2e/
//   VSCODE_EXECUTABLE=/usr/share/code/code node test/e2e/runWithVSCode.js
//   (macOS: ".../Visual Studio Code.app/Contents/MacOS/Electron"; Windows: "...\\Code.exe")
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..', '..');

async function main() {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    console.error('VSCODE_EXECUTABLE is not set: set it to the VS Code executable to test with, e.g.\n' +
      '  VSCODE_EXECUTABLE=/usr/share/code/code node test/e2e/runWithVSCode.js\n' +
      '(@vscode/test-electron would otherwise try to download VS Code; on CI use test/e2e/run-all.sh)');
    return 2;
  }
  if (!fs.existsSync(vscodeExecutablePath)) {
    console.error(`VSCODE_EXECUTABLE does not exist: ${vscodeExecutablePath}`);
    return 2;
  }
  const extensionTestsPath = path.join(root, 'out', 'e2e', 'suite', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} not found: build, then copy the suite (mkdir -p out/e2e && cp -r test/e2e/suite out/e2e/)`);
    return 2;
  }
  const workspace = path.join(root, 'examples', 'aks-lab');
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath,
      // other installed extensions (e.g. a YAML extension) would change what the tests see
      launchArgs: [workspace, '--disable-extensions'],
    });
  } catch (e) {
    console.error(`e2e tests failed: ${e && e.message ? e.message : e}`);
    return 1;
  }
}

main().then((code) => { process.exitCode = code; });
