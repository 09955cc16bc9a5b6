package safety

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"
)

// Targets from the design: the detector must find nearly every crisis post
// while keeping false alarms rare enough that moderators trust the flag.
const (
	targetRecall    = 0.95
	targetPrecision = 0.90
)

const ownSetPath = "testdata/crisis.tsv"

// devSetPath is the project's small development set, kept apart from
// Hearth's own blocks in crisis.tsv.
const devSetPath = "testdata/crisis-dev.tsv"

func evaluateFile(t *testing.T, path string) Metrics {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Evaluate(NewDetector(), f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func checkTargets(t *testing.T, name string, m Metrics) {
	t.Helper()
	t.Logf("%s: %s (tp=%d fp=%d fn=%d tn=%d)", name, m, m.TP, m.FP, m.FN, m.TN)
	for _, x := range m.Misclassified {
		t.Logf("  line %d: want %s, score %.2f: %s", x.Line, x.Label, x.Score, x.Text)
	}
	if m.Recall < targetRecall {
		t.Errorf("%s: recall %.3f < %.2f", name, m.Recall, targetRecall)
	}
	if m.Precision < targetPrecision {
		t.Errorf("%s: precision %.3f < %.2f", name, m.Precision, targetPrecision)
	}
}

func TestCrisisOwnSet(t *testing.T) {
	m := evaluateFile(t, ownSetPath)
	if m.N < 400 {
		t.Fatalf("own set has %d examples, want at least 400", m.N)
	}
	if share := float64(m.TP+m.FN) / float64(m.N); share < 0.3 || share > 0.5 {
		t.Errorf("crisis share %.2f, want roughly 40%%", share)
	}
	checkTargets(t, "own set", m)
}

// TestCrisisOwnSetBlocks evaluates the blocks of testdata/crisis.tsv
// separately (see testdata/README.md), so a regression in one kind of
// example is not hidden by the others.
func TestCrisisOwnSetBlocks(t *testing.T) {
	data, err := os.ReadFile(ownSetPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	header, body := lines[0], lines[1:]
	blocks := []struct {
		name string
		size int
	}{{"A (tuning)", 220}, {"B (held out)", 220}, {"C (probe)", 120}, {"D (hard probe)", 150}, {"E (last probe)", 150}, {"F (fresh probe)", 200}, {"G (second fresh probe)", 150}, {"H (dev-style probe)", 100}, {"I (dev-style probe, new vocabulary)", 160}, {"J (second new-vocabulary probe)", 120}}
	total := 0
	for _, b := range blocks {
		total += b.size
	}
	if total != len(body) {
		t.Fatalf("blocks cover %d lines, file has %d; update the block table and README", total, len(body))
	}
	at := 0
	for _, b := range blocks {
		part := header + "\n" + strings.Join(body[at:at+b.size], "\n") + "\n"
		at += b.size
		m, err := Evaluate(NewDetector(), strings.NewReader(part))
		if err != nil {
			t.Fatal(err)
		}
		checkTargets(t, b.name, m)
	}
}

func TestCrisisDevSet(t *testing.T) {
	checkTargets(t, "dev set", evaluateFile(t, devSetPath))
}

// TestAssessCases pins clear cases with the reason each must come out the way
// it does.
func TestAssessCases(t *testing.T) {
	cases := []struct {
		text   string
		crisis bool
		why    string
	}{
		// Crisis.
		{"I want to die.", true, "first-person present wish to die"},
		{"i dont want to be here anymore", true, "lower case, no apostrophe, wish not to exist"},
		{"I just want to go to sleep and never wake up", true, "wish never to wake"},
		{"I have the pills saved up and tonight is the night", true, "means plus timing"},
		{"Bought a rope today.", true, "means acquired, subject implied"},
		{"Standing on the bridge right now.", true, "at a height now"},
		{"I looked up how.", true, "method research, object implied"},
		{"I wrote goodbye letters to my kids.", true, "goodbye letters"},
		{"This is my last post. Tell my mum I love her.", true, "final post and message to family"},
		{"I'm going to cut tonight.", true, "self-harm intent now"},
		{"I cut again last night and I want to go deeper.", true, "recent self-harm, escalating"},
		{"Everyone would be better off without me.", true, "burden with finality"},
		{"I'm done. There's no point going on.", true, "finality plus hopelessness"},
		{"gonna kms", true, "slang for kill myself"},
		{"wanna unalive myself", true, "filter-dodging euphemism"},
		{"thinking about sewerslide", true, "filter-dodging euphemism"},
		{"My brother is fine, but I want to die.", true, "third person in another clause does not cancel"},
		{"I'm not okay. I want to end my life.", true, "negation in another sentence does not cancel"},
		{"Not gonna lie, I want to die.", true, "the filler's negation must not cancel"},
		{"I don't know why I want to die.", true, "negation belongs to 'know'"},
		{"I can't stop thinking about killing myself.", true, "negation belongs to 'stop'"},
		{"Does anyone else want to die every day?", true, "'anyone else' includes the author"},
		{"My brain keeps telling me to kms and I think I will listen.", true, "internal voice, not someone else's abuse"},
		{"I was suicidal last year and now it's back. I want to die.", true, "relapse: past clause, present clause"},
		{"i want to die lol", true, "laughter alone does not cancel a plain wish"},
		{"i'm planning to kill myself once the exam season is over", true, "a plan with a date is not hyperbole, even when the date is an exam"},
		{"I hope I don't wake up in the morning", true, "'in the morning' is a time, not a mood"},
		{"please don't cry when i'm gone", true, "a goodbye addressed to survivors; the negation is the reader's"},
		{"The dog will be looked after when I'm gone, that's sorted.", true, "provision for after death"},
		{"I keep imagining myself hanging from the banister.", true, "picturing oneself by a method"},
		{"i have my blades out next to me right now", true, "means at hand, now"},
		{"this time i'll make sure i don't wake up", true, "resolve to succeed"},
		{"nobody cares, so what's the point in staying", true, "the negation belongs to 'cares'"},
		{"i can't stop hurting myself", true, "ongoing self-harm"},
		{"I'm going to take a few drinks and then swallow the rest of my tablets.", true, "intent carried into a coordinated clause"},
		{"I'm so tired of waking up every morning, I hope tomorrow is the last time.", true, "'every morning' is a time, not a trivial cause"},
		{"My head won't stop telling me to step in front of the bus.", true, "internal voice with a method"},
		{"The only thing keeping me alive is my little brother.", true, "the last reason to live"},
		{"I picked out the songs for my funeral playlist last night.", false, "not the frame the funeral pattern knows; needs company"},
		{"I've decided on my funeral songs and written my will.", true, "funeral plans and affairs in order"},
		{"i hope i get run over on the way to work", true, "passive death wish"},
		{"counting the days until i can leave this earth", true, "waiting to die"},
		{"got the razor blades out and i'm going to use them", true, "means named, intent to use"},
		{"I've been saving my dad's painkillers for a while now.", true, "stockpiling someone else's pills"},

		// Not crisis.
		{"This exam is killing me.", false, "idiom"},
		{"I'm dying to try the new cafe.", false, "idiom"},
		{"I could kill for a coffee.", false, "idiom"},
		{"I'm dead tired.", false, "idiom"},
		{"You're going to kill it at the interview.", false, "idiom"},
		{"This traffic makes me want to die.", false, "hyperbole with a trivial cause"},
		{"I wanted to die of embarrassment.", false, "die of embarrassment"},
		{"I'd rather die than do karaoke.", false, "rather die than a trivial thing"},
		{"I'm not going to hurt myself.", false, "negation"},
		{"I would never kill myself.", false, "negation"},
		{"I used to self-harm, two years clean now.", false, "recovered"},
		{"When I was 15 I attempted.", false, "past attempt"},
		{"I was suicidal last year but therapy helped.", false, "past, recovered"},
		{"My brother attempted last year.", false, "third person"},
		{"She said she wants to die. How can I help her?", false, "third person, helping"},
		{`My friend texted "I want to die" and I called for help.`, false, "quoted speech of another person"},
		{"In the novel the hero writes a goodbye letter.", false, "fiction"},
		{"The article was about suicide prevention.", false, "news and prevention"},
		{"Since mum died I keep thinking about death.", false, "grief without intent"},
		{"I'm done with this job.", false, "done with an ordinary thing"},
		{"I cut my hair short today.", false, "cutting hair"},
		{"I cut myself shaving.", false, "accident"},
		{"If I ever feel suicidal again I'll call my sister.", false, "hypothetical with a plan to get help"},
		{"I bought a rope ladder for the treehouse.", false, "rope for something else"},
		{"I took all my meds today, on time for once!", false, "medication routine"},
		{"Tonight's the night, finally seeing my favourite band!", false, "excitement"},
		{"People told me to kill myself online and I reported them.", false, "abuse suffered, not intent"},
		{"We're going to jump into the sea for the new year charity dip!", false, "a leisurely jump into water"},
		{"I won't be here next week, I'm staying with my cousins.", false, "ordinary absence"},
		{"The urges to self harm have mostly subsided since I changed meds.", false, "recovered"},
		{"my kids will be fine when i'm gone for the weekend", false, "a trip, not a death"},
		{"I keep imagining myself dying of a heart attack, my health anxiety is awful.", false, "health anxiety"},
		{"My plan is to do it on Saturday, I'm finally asking for a raise.", false, "'do it' without talk of dying needs company"},
		{"Why should I go on living in a flat with no heating?", false, "living somewhere"},
		{"The knife is right there on the counter if you need it.", false, "a kitchen knife, nothing about harm"},
		{"We tied a rope to the big oak tree and made a tyre swing.", false, "a rope for a swing"},
		{"The only thing stopping me from moving out is the rent.", false, "stopping me from something ordinary"},
		{"I want this to be the last time I have to resit maths.", false, "the last time of something ordinary"},
		{"My grandma is dying and I don't know how to say goodbye.", false, "asking how to say goodbye to someone dying"},
		{"What's the lethal dose of nutmeg? Asking for a baking quiz.", false, "a lethal dose of a kitchen spice"},
		{"I'm selling my old bike because I won't need it anymore, got a new one.", false, "a replaced thing"},
		{"I jumped off the high board at the swimming pool today!", false, "a jump for sport"},
		{"Got a new kitchen knife and I'm going to use it tonight for the curry.", false, "a knife for cooking"},
		{"I collected my gran's prescription from the chemist.", false, "an errand"},
		// Near misses of the families added after probe I.
		{"I'm going to disappear from social media for good.", false, "leaving a website"},
		{"When I move out my parents will finally be free of me.", false, "moving out, not dying"},
		{"I want my heart to stop racing before the interview.", false, "a racing heart"},
		{"I nearly drove my car into a wall on the ice this morning.", false, "an accident"},
		{"I'd choose death over another team meeting lol", false, "hyperbole"},
		{"I'm going to burn my hand on this pan if I'm not careful.", false, "an accident foretold"},
		{"Where I'm going I won't need my winter coat, off to Australia!", false, "a trip"},
		{"I'm going to carve the turkey tonight.", false, "carving food"},
		{"That song about wanting to die helped me feel less alone.", false, "the subject of a song"},
		{"Waved goodbye to my colleagues on my last day.", false, "a last day at work"},
		{"The urges to cut have mostly gone since I started DBT.", false, "recovered"},
		{"im gonna slice my thighs tonight", true, "self-harm intent on a body part"},
		{"hoping my eyes never open again", true, "wish never to wake"},
		{"my last wish is to die", true, "a wish to die in other words"},
		{"Made my decision. I'm choosing death.", true, "choosing death"},
		{"Tonight I'll steer into the oncoming lorries.", true, "a vehicle as a means"},
		{"After my exam results come out I'm going to kill myself.", true, "results are a date and a real cause, not a nuisance"},
		{"I took all of my pills ten minutes ago.", true, "an overdose just taken"},
		// Near misses of the families added after probe J.
		{"I'm going to go into the lake for a swim tomorrow.", false, "a swim"},
		{"I'm deleting myself from social media for a month.", false, "leaving a website"},
		{"Tell my sister it's not her fault the party got cancelled.", false, "reassurance about something else"},
		{"I'm heading to the bridge to take photos of the sunset tonight.", false, "a scenic visit"},
		{"I'm counting out my tablets for the week.", false, "a pill routine"},
		{"I'm not coming down to dinner tonight, too tired.", false, "no height"},
		{"Getting in the bath with a razor to shave my legs.", false, "shaving"},
		{"Tomorrow I'm driving off the ferry at Calais.", false, "a trip"},
		{"I'm leaving this world of retail behind for good!", false, "a career change"},
		{"time to check out of the hotel, what a trip", false, "a hotel"},
		{"Taking the lot to the tip this weekend.", false, "a clear-out"},
		{"I'm planning my exit from this toxic job.", false, "leaving a job"},
		{"Bleach is under the sink and I'm going to drink it.", true, "a poison as the means"},
		{"I can't keep myself safe tonight.", true, "unable to stay safe"},
		{"I'd be happier dead.", true, "better off dead in other words"},
		{"i cant be bothered living anymore", true, "no wish to live"},
		{"Tell mum it's not her fault.", true, "a covert goodbye"},
		// "... is when I ..." carrying on into an errand is a plan for the
		// week; at the end of the clause, or towards a height, it is not.
		{"Friday is when I go to the gym.", false, "an errand"},
		{"Tomorrow is when I go back to work.", false, "back to work"},
		{"Tonight is when I take them to the cinema.", false, "taking people out, no pills in the post"},
		{"Tomorrow is when I jump into the new job.", false, "a jump into something new"},
		{"Tonight is when I end things with him.", false, "ending a relationship"},
		{"Today is when I die a little inside, Monday meetings.", false, "an idiom"},
		{"Tonight is when I go.", true, "a time, and nothing after it"},
		{"Tonight is when I go for good.", true, "for good"},
		{"Tonight is when I jump off the bridge.", true, "a height"},
		{"I have saved up the pills. Tonight is when I take them.", true, "pills in the post"},
		// Taking medication as prescribed is not an overdose.
		{"I am taking all my pills as prescribed now.", false, "adherence"},
		{"I'm taking the pills with food like the doctor said.", false, "adherence"},
		{"I am taking all my pills tonight.", true, "a whole stock, timed"},
		{"im taking all my pills rn", true, "a whole stock, now"},
	}
	d := NewDetector()
	for _, c := range cases {
		a := d.Assess(c.text)
		if a.Crisis != c.crisis {
			t.Errorf("%q: crisis=%v (score %.2f, matches %q), want %v: %s", c.text, a.Crisis, a.Score, a.Matches, c.crisis, c.why)
		}
	}
}

func TestAssessResultShape(t *testing.T) {
	d := NewDetector()
	for _, text := range []string{"", "   ", "Today was fine.", "I want to die", "I want to die. I bought a rope. I wrote goodbye letters. Tonight is the night."} {
		a := d.Assess(text)
		if a.Score < 0 || a.Score > 1 {
			t.Errorf("%q: score %v out of [0,1]", text, a.Score)
		}
		if a.Crisis != (a.Score >= CrisisThreshold) {
			t.Errorf("%q: Crisis=%v inconsistent with score %v", text, a.Crisis, a.Score)
		}
		if a.Crisis && len(a.Matches) == 0 {
			t.Errorf("%q: crisis without matches", text)
		}
	}
	a := d.Assess("I'm gonna kms tonight")
	if len(a.Matches) == 0 || !strings.Contains(strings.Join(a.Matches, "|"), "kill myself") {
		t.Errorf("matches %q should show the normalised phrase", a.Matches)
	}
	if a := d.Assess("Today was fine."); a.Score != 0 || len(a.Matches) != 0 {
		t.Errorf("neutral text: %+v", a)
	}
}

// TestAssessConcurrent runs one Detector from many goroutines; with -race it
// checks that Assess shares nothing mutable.
func TestAssessConcurrent(t *testing.T) {
	d := NewDetector()
	texts := []string{"I want to die", "This exam is killing me", "I bought a rope", "My friend wants to die"}
	want := make([]bool, len(texts))
	for i, s := range texts {
		want[i] = d.Assess(s).Crisis
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				k := (g + i) % len(texts)
				if got := d.Assess(texts[k]).Crisis; got != want[k] {
					t.Errorf("%q: got %v want %v", texts[k], got, want[k])
				}
			}
		}()
	}
	wg.Wait()
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"I’m NOT   okay":                   "i am not okay",
		"dont wanna live":                  "do not want to live",
		"gonna kms rn":                     "going to kill myself right now",
		"I can't, I won't":                 "i can not, i will not",
		"unalive myself":                   "kill myself",
		"sewer slide":                      "suicide",
		"su1c1de":                          "suicide",
		"myslef":                           "myself",
		"i want to dieeee":                 "i want to die",
		"self-harm":                        "self harm",
		"line one\nline two":               "line one. line two",
		"ngl i want out":                   "honestly i want out",
		"I'd never woken up":               "i had never woken up",
		"that's life's end":                "that is life is end",
		"my mum's car":                     "my mum's car",
		"see https://example.org/x for it": "see for it",
	}
	for in, want := range cases {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := normalize(`she said "I want to die" today`); !strings.ContainsRune(got, quoteOpen) || !strings.ContainsRune(got, quoteClose) {
		t.Errorf("double quotes not marked: %q", got)
	}
	if got := normalize(`he texted 'i want to die' then left`); !strings.ContainsRune(got, quoteOpen) {
		t.Errorf("single quotes not marked: %q", got)
	}
	if got := normalize("don't"); strings.ContainsRune(got, quoteOpen) {
		t.Errorf("apostrophe taken for a quote: %q", got)
	}
}

func TestWithinOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"myself", "myself", true}, {"myslef", "myself", true}, {"mysel", "myself", true},
		{"myyself", "myself", true}, {"himself", "myself", false}, {"anyone", "anymore", false},
	} {
		if got := withinOneEdit(c.a, c.b); got != c.want {
			t.Errorf("withinOneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestPrefiltersNeverHideMatches checks on every example the tests know that
// a derived pre-filter never rejects a text its regular expression matches.
func TestPrefiltersNeverHideMatches(t *testing.T) {
	var texts []string
	for _, path := range []string{ownSetPath, devSetPath} {
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if _, text, ok := strings.Cut(sc.Text(), "\t"); ok {
				texts = append(texts, text)
			}
		}
		f.Close()
	}
	d := NewDetector()
	for _, text := range texts {
		n := normalize(text)
		ti := analyse(n)
		inText, inSentence := d.index.scan(n, ti.sentences)
		for _, p := range sharedPatterns() {
			if p.re.MatchString(n) && !p.mayMatch(n) {
				t.Errorf("pattern %q: pre-filter rejects %q", p.name, n)
			}
			// The one-pass literal index must agree with the plain check.
			if p.ids.allows(inText) != p.mayMatch(n) {
				t.Errorf("pattern %q: literal index disagrees on %q", p.name, n)
			}
			for si, sp := range ti.sentences {
				if got, want := p.ids.allows(inSentence[si]), p.mayMatch(n[sp.start:sp.end]); got != want {
					t.Errorf("pattern %q: literal index says %v, want %v on sentence %q", p.name, got, want, n[sp.start:sp.end])
				}
			}
		}
		// Assess skips a guarded expression when the index rules it out.
		for _, re := range guardedRegexps() {
			f, ok := d.guards[re]
			if !ok {
				continue
			}
			if re.MatchString(n) && !f.allows(inText) {
				t.Errorf("guard of %s rejects %q", re, n)
			}
			for si, sp := range ti.sentences {
				if s := n[sp.start:sp.end]; re.MatchString(s) && !f.allows(inSentence[si]) {
					t.Errorf("guard of %s rejects sentence %q", re, s)
				}
			}
		}
		rw := rewriteIndex()
		present, _ := rw.index.scan(text, nil)
		for i, r := range phraseRewrite {
			if r.re.MatchString(text) && !r.needs.allows(text) {
				t.Errorf("rewrite %s: pre-filter rejects %q", r.re, text)
			}
			// normalize checks the pre-filter through the index.
			if rw.ids[i].allows(present) != r.needs.allows(text) {
				t.Errorf("rewrite %s: literal index disagrees on %q", r.re, text)
			}
		}
	}
}

func TestLiteralIndex(t *testing.T) {
	x := newLiteralIndex()
	f := x.add(prefilter{{"he", "she", "his", "hers"}, {"xyz"}})
	his := x.add(prefilter{{"his"}})
	shes := x.add(prefilter{{"she", "hers"}, {"ush"}})
	same := x.add(prefilter{{"xyz"}, {"hers", "his", "she", "he"}})
	x.build()
	text := "ushers. xyz"
	spans := []span{{0, 6}, {7, len(text)}}
	all, per := x.scan(text, spans)
	if !f.allows(all) {
		t.Error("whole text should pass")
	}
	if f.allows(per[0]) || f.allows(per[1]) {
		t.Error("no single sentence has both sets")
	}
	if !shes.allows(per[0]) || shes.allows(per[1]) {
		t.Errorf("sets found in %q and %q are wrong", text[:6], text[7:])
	}
	if his.allows(all) {
		t.Error("wrong literals found")
	}
	if same[0] != f[1] || same[1] != f[0] {
		t.Errorf("sets with the same literals got ids %v and %v", f, same)
	}
}

// TestLiteralIndexSpans: a set counts in a span when one of its literals
// lies wholly inside it, even if a longer literal of the set ending at the
// same byte starts before the span.
func TestLiteralIndexSpans(t *testing.T) {
	x := newLiteralIndex()
	f := x.add(prefilter{{"ab cd", "cd"}})
	long := x.add(prefilter{{"ab cd"}})
	x.build()
	text := "ab cd"
	_, per := x.scan(text, []span{{0, 2}, {3, 5}})
	if !f.allows(per[1]) || f.allows(per[0]) || long.allows(per[1]) {
		t.Error("wrong sets found in the spans")
	}
}

func TestPrefilterDerivation(t *testing.T) {
	f := newPrefilter(`\b(?:going to|gonna) (?:cut|sh)\b`)
	if !f.allows("i am going to sh") || !f.allows("gonna cut") {
		t.Errorf("prefilter %q rejects a match", f)
	}
	if f.allows("i am going to bed") {
		t.Errorf("prefilter %q accepts text without the object", f)
	}
	if f := newPrefilter(`(?:a|b)*`); len(f) != 0 {
		t.Errorf("optional pattern got prefilter %q", f)
	}
}

// benchPost is a 400-character post with the crisis sentence buried in the
// middle, the common and the expensive case.
const benchPost = "Long post, sorry. Work has been rough this month and my landlord is raising the rent again, which I really cannot afford. My therapist is on leave until March, so I have been trying the breathing exercises people recommended here. Some days they help. Honestly though, I have been sitting with a bottle of pills in front of me for an hour tonight. I do not know why I am posting this. Anyway the cat needs feeding."

func BenchmarkAssess(b *testing.B) {
	d := NewDetector()
	if len(benchPost) < 380 || len(benchPost) > 420 {
		b.Fatalf("bench post is %d characters, want about 400", len(benchPost))
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(benchPost)))
	for b.Loop() {
		d.Assess(benchPost)
	}
}
