// Package safety holds Hearth's wellbeing rules that do not depend on the web
// server or the database: crisis-language detection, the trigger-warning
// vocabulary with tag suggestions for the composer, and the crisis helplines
// shown on the resources page.
//
// # Crisis language
//
// A [Detector] scores a post for current suicidal or self-harm intent of its
// author, locally: no network, no download. It has two layers.
//
// The phrase rules are weighted patterns over normalised text plus context
// rules a moderator can read and argue with: they discount negations ("I
// would never"), past or recovered accounts ("two years clean"), other
// people ("my brother wants to die"), reported speech and fiction,
// hypotheticals and hyperbole attached to a trivial cause ("this traffic
// makes me want to die"). Alone they raise the crisis level
// only. The patterns are grouped by what they detect, roughly along the
// Columbia scale (C-SSRS): patterns_ideation.go (wishes, thoughts, intent),
// patterns_plan.go (a time, a decision, readiness), patterns_method.go and
// patterns_preparation.go (methods, means gathered or in hand, acts under
// way), patterns_selfharm.go, patterns_goodbye.go and patterns_burden.go
// (burden, hopelessness, finality). rules.go runs them; sentences.go,
// framing.go (who and how), tense.go and hyperbole.go are the context rules.
//
// With [WithLearnedModel], a model trained on the labelled data in
// testdata reads the rules' findings with the words around them: a softmax
// over the kinds of the data (each crisis category of the Columbia scale,
// the concern categories, the kinds of hard negative), over hashed words
// and word pairs, the meaning of the words (general-purpose English word
// vectors, meaning.go, so that a word the data never used reads like the
// words it means), word classes (wordclass.go), per-sentence cues of who a
// risky sentence is about and how it is meant (cues.go), and the rules'
// score and families. An everyday word that shares a risk class ("edge",
// "cut", "last", "plan") counts as that class only in a risky sentence
// (contextual.go). Features found in fewer than two training examples
// are dropped. P(crisis) and P(concern or crisis) are sums over the kinds;
// P(crisis) is scaled down when no risk word or rule is present; a long
// post is scored a passage at a time (chunks.go). [Train] fits the model
// deterministically; `hearth crisis-train` writes it to crisis_model.bin,
// which the package embeds. [CrossValidate] trains one model per block of
// the data and scores the block left out (and the background's everyday
// posts a fold at a time), which is what `hearth crisis-eval -cv` prints;
// [Evaluate] measures a detector on a labelled TSV file.
//
// The model meets its cross-validated targets at a recall-oriented
// operating point ([CVCrisisThreshold], [CVConcernThreshold]) where it
// raises about one ordinary peer-support post in twelve, so Hearth serves it
// at higher thresholds ([DefaultCrisisThreshold],
// [DefaultConcernThreshold]) beside the rules: a crisis when the rules read
// one or the model is sure of one (0.90 unscaled, of a passage that names
// no risk), a concern when the model is sure of one.
// That never raises less than the rules alone, and keeps everyday
// posts under the false-alarm ceilings; the figures are in
// testdata/README.md.
//
// Text in a language the detector does not read is not scored but marked
// not screened (language.go), so it is never silently safe. Flagged text
// carries Matches: the rules' phrases, then the words and cues that raised
// the model's score most.
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
