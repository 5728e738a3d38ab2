// Builds Digikind's static assets from the npm packages into build/static,
// so nothing is fetched from the internet when Digikind runs.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildSync } from "esbuild";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "build", "static", "digikind");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "assets", "digikind.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
// The footer's crown crest is GOV.UK's own mark: drop its rules, so no page can show it
// and the CSS refers to no file Digikind does not ship.
const withoutCrest = css.css.replace(/[^{}]*govuk-footer__copyright-logo[^{}]*\{[^{}]*\}/g, "");
if (withoutCrest.includes("govuk-crest")) throw new Error("GOV.UK crest still referenced in CSS");
writeFileSync(join(out, "digikind.css"), withoutCrest);

// GOV.UK Frontend's scripts for just the components Digikind uses, in one small module.
// GOV.UK's images (crown, crest) and fonts are its own brand: Digikind ships its own icon instead.
buildSync({
  entryPoints: [join(root, "assets", "init.mjs")],
  outfile: join(out, "digikind.js"),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
});
cpSync(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));

// Every asset also compressed beside itself (name.css.br, name.css.gz): WhiteNoise sends
// these to browsers that accept them, on the embedded server as behind a proxy.
for (const name of readdirSync(out, { recursive: true })) {
  if (!/\.(css|js|svg)$/.test(name)) continue;
  const path = join(out, name);
  const body = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
}
cpSync(join(modules, "axe-core", "axe.min.js"), join(root, "build", "axe.min.js"));
console.log(`Built Digikind assets in ${out}`);
