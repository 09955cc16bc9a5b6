// Package safety holds Hearth's wellbeing rules that do not depend on the web
// server or the database: crisis-language detection, the trigger-warning
// vocabulary with tag suggestions for the composer, and the crisis helplines
// shown on the resources page.
//
// # Crisis language
//
// A [Detector] scores a post for current suicidal or self-harm intent of its
// author. It is deliberately transparent and local: no model, no network, only
// weighted phrase patterns over normalised text plus context rules that a
// moderator can read and argue with. The context rules discount negations
// ("I would never"), past or recovered accounts ("two years clean"), other
// people ("my brother wants to die"), reported speech and fiction, hypotheticals
// and hyperbole attached to a trivial cause ("this traffic makes me want to
// die"). [Evaluate] measures a detector against a labelled TSV file, which is
// what the `hearth crisis-eval` command prints.
//
// The detector is a safety net, not a diagnosis: a post that scores below the
// threshold may still need a human, and the author of a flagged post always
// keeps the right to publish.
//
// # Trigger warnings
//
// [DefaultTags] is the seed vocabulary admins start from; [SuggestTags]
// proposes tags for a draft. Suggestions never block a post.
//
// # Helplines
//
// [DefaultHelplines] is the embedded seed list of national crisis lines and
// [ParseHelplines] reads the same TSV format when admins import an edited copy.
//
// The package imports the standard library, golang.org/x/text and
// hearth/pkg/forum (for the domain's errors: ErrNotFound, ValidationError).
// It never imports echo, gorm or any other Hearth package, so the HTTP and
// storage layers can depend on it and never the other way round;
// hearth/pkg/store implements the HelplineStore declared here.
package safety
