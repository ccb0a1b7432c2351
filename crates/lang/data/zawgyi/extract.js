// Writes the Zawgyi <-> Unicode transliteration rules of the npm package myanmar-tools (Apache-2.0,
// google/myanmar-tools; see LICENSES/myanmar-tools-Apache-2.0.txt) as data: one JSON file per
// direction, a list of phases, each a list of {p, s, start, revisit} rules (p a regular expression
// matched at the current position, s its replacement with $1-style groups written ${1}).
// Run from the repository root after `npm ci` in interop/:
//   node crates/lang/data/zawgyi/extract.js
// and copy zawgyiUnicodeModel.dat from the same package's resources/.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const pkg = path.join(__dirname, "../../../../interop/node_modules/myanmar-tools");
const source = fs.readFileSync(path.join(pkg, "build_node/zawgyi_converter.js"), "utf8");
const context = { exports: {}, require };
vm.createContext(context);
vm.runInContext(source, context);
const version = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).version;
for (const [name, fn] of [["z2u", "getAllRulesZ2U"], ["u2z", "getAllRulesU2Z"]]) {
  const phases = vm.runInContext(`${fn}()`, context).map((rules) =>
    rules.map((r) => ({
      // Every rule is anchored at the current position ("^"); the anchor is kept.
      p: r.p.source,
      s: r.s.replace(/\$(\d)/g, "$${$1}"),
      start: r.matchOnStart != null,
      revisit: r.revisit != null,
    }))
  );
  const out = { source: `myanmar-tools ${version} (npm), ${fn}`, phases };
  fs.writeFileSync(path.join(__dirname, `${name}.json`), JSON.stringify(out, null, 1) + "\n");
  console.log(name, phases.length, "phases", phases.reduce((n, p) => n + p.length, 0), "rules");
}
