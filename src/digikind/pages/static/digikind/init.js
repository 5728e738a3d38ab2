// Runs only in browsers that support modules, which is what GOV.UK Frontend's scripts need.
import { initAll } from "./govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
