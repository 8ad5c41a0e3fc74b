// Mocha entry for the e2e suite: the module the extension host loads as extensionTestsPath
// (code-server via run-tests.sh, or a desktop VS Code via runWithVSCode.js). It runs every
// `*.e2e.js` file next to it. Plain JS, so it runs without compilation once copied to out/e2e/suite/.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.e2e.js test files in ${__dirname}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
};
