package safety

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Suggestion proposes one trigger-warning tag for a draft.
type Suggestion struct {
	Slug   string // a slug from DefaultTags
	Reason string // why, for the author: `mentions "overdose"`
	Word   string // the words that prompted it ("overdose"), for a reason in another language
}

// tagRule is one family of words that suggests a tag. notBefore and
// notAfter drop idioms ("I nearly died laughing", "substance abuse" for the
// abuse tag).
type tagRule struct {
	re        *regexp.Regexp
	notBefore *regexp.Regexp
	notAfter  *regexp.Regexp
}

type tagRules struct {
	slug  string
	rules []tagRule
}

func rule(src string) tagRule { return tagRule{re: re(`\b(?:` + src + `)\b`)} }

func (r tagRule) not(before, after string) tagRule {
	if before != "" {
		r.notBefore = re(`(?:` + before + `) $`)
	}
	if after != "" {
		r.notAfter = re(`^ (?:` + after + `)\b`)
	}
	return r
}

// suggestRules is built once; the order follows DefaultTags.
var suggestRules = sync.OnceValue(func() []tagRules {
	diedIdiomBefore := `nearly|almost|practically|basically|literally|i|i just|i have|phone|battery|laptop|computer|car|plant|plants|tv|wifi|it|joke|conversation|fun|vibe|hype|trend|show|series|game|server`
	return []tagRules{
		{TagSuicide, []tagRule{
			rule(`suicid(?:e|es|al|ality)|sewerslide`).not("", `squad|doors?|bombers?|bombing`),
			rule(`(?:kill|killing|killed|kills|hang|hanging|hanged|shoot|shooting) (?:myself|himself|herself|themselves|yourself)|(?:end|ending|ended|take|taking|took|takes) (?:my|his|her|their|your) (?:own )?life|want(?:ed|s|ing)? to die|end it all|goodbye (?:letters?|notes?)|noose|overdose on purpose`).
				not("", `laughing|up|at (?:work|the gym)|with (?:work|revision)|over (?:this|that)|for (?:forgetting|not|being|saying|doing|a|an|the)|back|into (?:my|his|her|their) own hands|of (?:embarrassment|shame|boredom|laughter)`),
		}},
		{TagSelfHarm, []tagRule{
			rule(`self harm(?:s|ed|ing|ers?)?`),
			rule(`(?:cut|cutting|cuts|burn|burned|burnt|burning|harm|harmed|harming|hurt|hurting|scratch|scratched|scratching|hit|hitting|punched|punching) (?:myself|himself|herself|themselves)|(?:slit|slitting|cut|cutting) (?:my|his|her|their) wrists?|razor blades?|(?:self harm|cutting) scars|sh urges|relapsed? (?:on|with|into) (?:self harm|cutting)`).
				not("", `shaving|cooking|chopping|slicing|opening|on (?:a|the|some)|by accident|accidentally|while|with (?:a|the|an) (?:knife|paper|tin|can|iron|kettle|pan)|in the kitchen|at (?:work|the gym)|lifting|running|playing|skiing|off|out|short|free|loose|some slack|a break|a slice|a piece|up|in (?:the|a) (?:gym|game|match|accident|fall)|during|ironing|baking`),
		}},
		{TagAbuse, []tagRule{
			rule(`abus(?:e|ed|es|er|ers|ive|ing)`).not(`substance|drug|alcohol|solvent|of|welfare|benefit|benefits|system|power|authority|data`, ""),
			rule(`gaslight(?:ing|ed|s)?|domestic violence|coercive control|controlling relationship|narcissistic abuse|groom(?:ed|ing)|neglected (?:me|us|as a child)|childhood neglect|(?:he|she|they|my \w+) (?:hit|hits|beat|beats|kicked|slapped|punched|choked) me`),
		}},
		{TagSexualViolence, []tagRule{
			rule(`rap(?:e|ed|es|ist|ists)|sexual(?:ly)? (?:assault(?:ed)?|abuse(?:d)?|violence|harass(?:ed|ment)?)|molest(?:ed|ation|er|ing)?|groped|non ?consensual|incest|date rape|spiked (?:my|her|his) drink|csa`),
		}},
		{TagDeathLoss, []tagRule{
			rule(`died|dies`).not(diedIdiomBefore, `laughing|of (?:embarrassment|shame|boredom|laughter|cringe)|inside|a little|on me`),
			rule(`passed away|passed on|funeral|funerals|grief|grieving|grieve|bereave(?:d|ment)|miscarr(?:iage|ied)|stillb(?:orn|irth)|widow(?:ed|er)?|condolences|memorial service|(?:had to be|having to) put (?:him|her|them|my \w+) down|(?:had to be|was) put down|lost my (?:\w+ )?(?:mum|mom|mother|dad|father|son|daughter|baby|brother|sister|husband|wife|partner|friend|grandma|grandmother|grandad|grandpa|grandfather|nan|gran|dog|cat|pet|child)|death of my|(?:his|her|their|my \w+'s) death|anniversary of (?:his|her|their|my \w+'s) death`),
		}},
		{TagEatingDisorders, []tagRule{
			rule(`anorexi[ac]|bulimi[ac]|binge eating|binging|bingeing|purg(?:e|ed|es|ing)|eating disorders?|arfid|ednos|osfed|restrict(?:ing|ed) (?:food|my food|calories|my eating|what i eat)|calorie counting|counting calories|laxatives|made myself (?:sick|throw up|vomit)|pro ana|thinspo|starv(?:e|ing|ed) myself|body checking|fear foods?`),
		}},
		{TagSubstanceUse, []tagRule{
			rule(`alcohol(?:ic|ics|ism)?|drunk|hungover|hangover|binge drinking|overdos(?:e|es|ed|ing)|cocaine|heroin|crack|meth|opioids?|opiates?|fentanyl|cannabis|marijuana|got high|getting high|stoned|sober|sobriety|withdrawals?|detox|rehab|addict(?:ed|ion|s)?|benzos|xanax|ketamine|mdma|ecstasy|lsd|taking drugs|doing drugs|on drugs|drug (?:use|abuse|habit|problem)|relapsed? (?:on|with|into) (?:alcohol|drink|drinking|drugs|heroin|cocaine|pills)`).
				not("", `of (?:joy|happiness|kindness|power|love|cuteness)`),
		}},
		{TagViolence, []tagRule{
			rule(`violen(?:ce|t)|stabb(?:ed|ing)|shot (?:at|dead|him|her|them|me|my)|shooting (?:at|spree)|gunpoint|murder(?:ed|er|ers|s)?|beat(?:en)? (?:me |him |her |them )?up|punched|strangled|choked (?:me|him|her)|assault(?:ed|s)?|attacked|threatened to (?:kill|hurt|stab|shoot)|knife to (?:my|his|her) throat|war zone|bomb(?:ing|ed|s)?|massacre`).
				not(`domestic|sexual|sexually|non`, `my hunger|the (?:interview|exam|test)`),
		}},
		{TagMedicalDetail, []tagRule{
			rule(`surger(?:y|ies)|bleeding|bled|blood|stitches|wounds?|vomit(?:ing|ed)?|throwing up|threw up|needles?|injections?|seizures?|icu|intensive care|intubated|catheter|chemo(?:therapy)?|biopsy|amputat(?:ed|ion)|stomach (?:was |got |being )?pumped|resuscitat(?:ed|ion)|cpr`).
				not("", `test|tests|pressure|sugar|type|donor|donation|orange|moon`),
		}},
	}
})

// selfHarmPhraseRe tells a self-harm phrase of the rules from a suicide one.
var selfHarmPhraseRe = regexp.MustCompile(`\b(?:cut|cutting|harm|harming|blade|razor|burn|burning|hurt|hurting|wrists?)\b`)

// SuggestTags proposes trigger-warning tags for a draft, in vocabulary order,
// at most one per tag, each with the word that prompted it. It is
// deliberately conservative: it suggests from explicit vocabulary only and
// never decides anything; the author chooses.
func SuggestTags(text string) []Suggestion {
	n := normalize(text)
	var out []Suggestion
	for _, tr := range suggestRules() {
		if word := firstMention(n, tr.rules); word != "" {
			out = append(out, Suggestion{Slug: tr.slug, Reason: fmt.Sprintf("mentions %q", word), Word: word})
		}
	}
	if !hasSlug(out, TagSuicide) && !hasSlug(out, TagSelfHarm) {
		if rr := sharedRules().assess(n); rr.score >= ruleThreshold && len(rr.matches()) > 0 {
			m := rr.matches()[0]
			slug := TagSuicide
			if selfHarmPhraseRe.MatchString(m) {
				slug = TagSelfHarm
			}
			out = append(out, Suggestion{Slug: slug, Reason: fmt.Sprintf("mentions %q", m), Word: m})
			order := make(map[string]int)
			for i, t := range DefaultTags() {
				order[t.Slug] = i
			}
			sort.SliceStable(out, func(i, j int) bool { return order[out[i].Slug] < order[out[j].Slug] })
		}
	}
	return out
}

// firstMention returns the words of the earliest accepted match of any
// rule, or "".
func firstMention(text string, rules []tagRule) string {
	best, bestAt := "", -1
	for _, r := range rules {
		for _, loc := range r.re.FindAllStringIndex(text, -1) {
			if bestAt >= 0 && loc[0] >= bestAt {
				break
			}
			if r.notBefore != nil && r.notBefore.MatchString(text[:loc[0]]) {
				continue
			}
			if r.notAfter != nil && r.notAfter.MatchString(text[loc[1]:]) {
				continue
			}
			best, bestAt = strings.TrimSpace(text[loc[0]:loc[1]]), loc[0]
			break
		}
	}
	return best
}

func hasSlug(ss []Suggestion, slug string) bool {
	for _, s := range ss {
		if s.Slug == slug {
			return true
		}
	}
	return false
}
