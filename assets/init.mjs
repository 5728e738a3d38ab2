// Runs only in browsers that support modules, which is what GOV.UK Frontend's scripts need.
// Only the components Digikind's templates give a data-module; build.mjs bundles just these.
import {
  Button,
  Checkboxes,
  createAll,
  ErrorSummary,
  NotificationBanner,
  Radios,
  SkipLink,
} from "govuk-frontend";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
for (const Component of [Button, Checkboxes, ErrorSummary, NotificationBanner, Radios, SkipLink]) {
  createAll(Component);
}
