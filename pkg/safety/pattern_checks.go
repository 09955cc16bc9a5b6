package safety

import (
	"regexp"
	"strings"
)

// Context checks and expressions that several pattern families share.

func selfActCheck(c *matchCtx, w float64) float64 {
	if selfActReject.MatchString(c.after) {
		return 0
	}
	return w
}

var waterRe = regexp.MustCompile(`\b(?:lake|river|sea|ocean|canal|pool|water|waves)\b`)

var jumpDestRe = regexp.MustCompile(`\b(?:off|from|in front of|into|onto|under|on|off of) (?:the |a |my |an |this |that |some |oncoming )?[a-z]`)

var heightsRe = regexp.MustCompile(`\b(?:bridge|roof|rooftop|cliff|balcony|ledge|train|trains|tracks|building|window|height|heights|tower|car park|overpass|platform|floor)\b`)

var pillsRe = re(`\b{PILLS}\b`)

// pillsMentioned: "I'm taking them tonight" is about pills only if the post
// mentions pills.
func pillsMentioned(c *matchCtx, w float64) float64 {
	if pillsRe.MatchString(c.t.text) {
		return w
	}
	return 0
}

var allPillsBulkRe = regexp.MustCompile(`handful|bunch|load|lot of|fistful|heaps|pile|bottle|packet|box|pack|strip|tub|every|too many|double|triple|loads|lots|dozens|hundred|twenty|thirty|forty|fifty|\d`)

var harmWordsRe = regexp.MustCompile(`\b(?:cut|cutting|self harm\w*|sh|deeper|arms?|wrists?|thighs?|skin|bleed|blood|urges?)\b`)

var urgentRe = regexp.MustCompile(`\b(?:right now|now|tonight|waiting|about to|ready)\b`)

// edgeCheck: standing on a bridge is stronger when it is happening now.
func edgeCheck(c *matchCtx, w float64) float64 {
	if urgentRe.MatchString(c.sentence) {
		return 0.7
	}
	return w
}

// objWeight gives a weight to phrases containing word.
type objWeight struct {
	word   string
	weight float64
}

// objectWeight weighs a match by the first listed word its phrase contains,
// so one pattern can cover "want it all to end" and "want the pain to stop"
// with different strength.
func objectWeight(def float64, weights ...objWeight) func(c *matchCtx, w float64) float64 {
	return func(c *matchCtx, w float64) float64 {
		for _, o := range weights {
			if strings.Contains(c.phrase, o.word) {
				return o.weight
			}
		}
		return def
	}
}

func endClauseOr(weight float64, after *regexp.Regexp) func(c *matchCtx, w float64) float64 {
	return func(c *matchCtx, w float64) float64 {
		switch {
		case after.MatchString(c.after):
			return weight
		case endOfClauseRe.MatchString(c.after):
			return w
		}
		return 0
	}
}

// deathTalkRe finds talk of dying or suicide anywhere in a post; it
// gives meaning to bare words like "I've started planning".
var deathTalkRe = regexp.MustCompile(`\b(?:die|dying|death|dead|suicid\w*|kill myself|killing myself|end it|ending it|end my life|ending my life|overdose|not be here|not being here|not exist\w*|way out|goodbye)\b`)

// leisureRe finds a leisurely reason to jump into water.
var leisureRe = regexp.MustCompile(`\b(?:swim|swimming|dip|kayak\w*|canoe\w*|paddle\w*|lesson|boat|fishing|charity|fun|race|challenge|splash|cool off|cool down|wetsuit|plunge|festival|holiday|vacation|beach|pool|party|dare|kids|friends|team|summer)\b`)

// sportJumpRe finds jumps people make for sport or fun.
var sportJumpRe = regexp.MustCompile(`\b(?:diving board|high dive|high board|trampoline|bungee|parachute|skydiv\w*|zip ?line|swimming pool|ski jump|puddle|hurdles?|long jump|high jump)\b`)

// awayAfterRe: "when I'm gone for the weekend" is a trip.
var awayAfterRe = regexp.MustCompile(`^ (?:for|on|to|away|abroad|over|during|next|this|at|in|from|until|till|overnight|travelling|traveling|camping)\b`)

var strongMeansRe = re(`\b(?:{PILLS}|blades?|razor blades?|rope|noose|gun|shotgun|pistol|rifle)\b`)

var urgentTimeRe = regexp.MustCompile(`\b(?:tonight|today|this (?:weekend|week|evening)|right now|now|tomorrow)\b`)

var lifeWordRe = regexp.MustCompile(`\b(?:life|living|alive|existing|existence)\b`)

// deathTalkOr gives w in a post that talks of dying and weight otherwise.
func deathTalkOr(weight float64) func(c *matchCtx, w float64) float64 {
	return func(c *matchCtx, w float64) float64 {
		if deathTalkRe.MatchString(c.t.text) {
			return w
		}
		return weight
	}
}

var edgeTimeRe = regexp.MustCompile(`\b(?:tonight|now|right now|at \d+(?::\d+)? ?(?:am|pm)?|at midnight|when (?:everyone|they) (?:is|are) asleep|tomorrow)\b`)
