// Builds Digikind's static assets from the npm packages into build/static,
// so nothing is fetched from the internet when Digikind runs.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const out = join(root, "build", "static", "digikind");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "govuk"), { recursive: true });

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

const govuk = join(modules, "govuk-frontend", "dist", "govuk");
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk", "govuk-frontend.min.js"));
// GOV.UK's images (crown, crest) and fonts are its own brand: Digikind ships its own icon instead.
cpSync(join(modules, "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
cpSync(join(modules, "axe-core", "axe.min.js"), join(root, "build", "axe.min.js"));
console.log(`Built Digikind assets in ${out}`);
