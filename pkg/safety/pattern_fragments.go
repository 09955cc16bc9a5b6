package safety

import (
	"regexp"
	"strings"
)

// Shared fragments, substituted into the pattern sources by re.
var fragments = strings.NewReplacer(
	// {A}: adverbs that may sit inside a phrase ("I just really want to die").
	"{A}", `(?:(?:really|just|honestly|seriously|literally|actually|truly|so|genuinely|kind of|sort of|still|even|actively|passively|constantly|always|often|sometimes|badly|so badly|simply|almost|definitely|totally|fully|completely|sincerely|desperately|only|also|very|pretty|quite|absolutely|probably|finally|already|now|then|secretly|quietly) )*`,
	"{PILLS}", `(?:pills?|tablets?|blister packs?|meds|medication|medications|medicine|sleeping pills|sleeping tablets|painkillers|pain killers|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|insulin|antidepressants?|benzos|opioids|oxy|oxycodone|codeine|tramadol|lithium|sertraline|prescriptions?)`,
	// {INTENT}: the frames in which someone announces what they will do.
	"{INTENT}", `(?:going to|about to|planning to|planning on|plan to|plan on|my plan is to|the plan is to|intend to|intending to|ready to|decided to|deciding to|made up my mind to|determined to|want to|wanting to|need to|have to|should|will|shall|might|tempted to|so close to|close to|urge to|urges to|time (?:for me )?to|trying to|prepared to|finally going to|really going to|actually going to|tonight i|(?:how )?(?:easy|easier|tempting|simple) (?:it would be |it is |it will be )?to|could easily)`,
	// {METHOD}: ways of ending one's life, in the infinitive.
	"{METHOD}", `(?:kill myself|put myself out of (?:my|this) misery|finish myself off|end my (?:own )?life|end my (?:existence|misery)|end (?:my|the) (?:suffering|pain) (?:permanently|for good|forever)|take my (?:own )?life|end it all|end everything|end myself|off myself|hang myself|shoot myself|drown myself|poison myself|gas myself|suffocate myself|electrocute myself|stab myself|set myself on fire|burn myself alive|bleed out|bleed to death|starve myself (?:to death|until i die)|overdose|take an overdose|slit my (?:wrists?|throat)|cut my (?:wrists?|throat)(?: open)?|slash my (?:wrists?|throat)|open my (?:wrists?|veins)|commit suicide|die by suicide|(?:jump|leap) (?:off|from|in front of|onto|out of) {PLACE}|step (?:in front of|off|out in front of) {PLACE}|throw myself (?:off|from|in front of|under|into) {PLACE}|(?:walk|wade|go|get) (?:into|out into) {WATER}|(?:stop|end) (?:it|this|everything|the pain|it all) (?:forever|for good|permanently)|drown myself in {WATER}|drive (?:my car )?(?:into|off|in front of) (?:{PLACE}|{WATER})|crash my car(?: on purpose)?|lie down (?:on|in front of) {PLACE}|take (?:all|every one|the rest) of (?:my|the|these|those) {PILLS}|swallow (?:all|every one) of (?:my|the) {PILLS}|go through with it)`,
	// {METHODING}: the same ways as gerunds ("thinking about hanging myself").
	"{METHODING}", `(?:killing myself|ending my (?:own )?life|taking my (?:own )?life|ending it all|hanging myself|shooting myself|drowning myself|poisoning myself|gassing myself|overdosing|taking an overdose|slitting my (?:wrists?|throat)|cutting my (?:wrists?|throat)|(?:jumping|leaping) (?:off|from|in front of|onto|out of) {PLACE}|stepping (?:in front of|off) {PLACE}|throwing myself (?:off|from|in front of|under|into) {PLACE}|walking (?:into|out into) {WATER}|driving (?:my car )?(?:into|off) (?:{PLACE}|{WATER})|crashing my car|taking (?:all|every one|the rest) of (?:my|the) {PILLS}|taking all my {PILLS}|swallowing (?:all|every one of) (?:my|the) {PILLS}|starving myself to death|bleeding out|going through with it)`,
	"{PLACE}", `(?:the |a |an |my |this |that |some |oncoming )?(?:oncoming )?(?:\d[\d:.]* )?(?:bridge|building|roof|rooftop|cliff|cliffs|express|train|trains|tram|tube|bus|buses|car|cars|truck|trucks|lorry|lorries|traffic|tracks|railway|balcony|tower|car park|multi ?stor(?:e)?y(?: car park)?|parking garage|window|wall|tree|motorway|highway|freeway|oncoming traffic|ledge|overpass|road|quarry|dam|platform)`,
	// {GONE}: being dead, in plain words and in euphemisms.
	"{GONE}", `(?:gone|dead|not here|not around|in the ground|six feet under|in (?:my|a|the) grave|buried|in a box|in a coffin)`,
	"{WATER}", `(?:the |a )?(?:sea|ocean|river|lake|canal|water|waves)`,
	"{KIN}", `(?:mum|mom|mother|mam|dad|father|kids|children|child|son|sons|daughter|daughters|wife|husband|partner|family|sister|sisters|brother|brothers|parents|friends?|best friend|girlfriend|boyfriend|fiance|fiancee|baby|babies|grandma|grandmother|grandad|granddad|grandpa|grandfather|nan|nana|gran|aunt|auntie|uncle|cousin|niece|nephew|loved ones|dog|cat|pets?|kitten|puppy)`,
)

// re expands the fragments, which may nest, and compiles the result.
func re(src string) *regexp.Regexp {
	for {
		next := fragments.Replace(src)
		if next == src {
			return regexp.MustCompile(src)
		}
		src = next
	}
}

// Rejections shared by several patterns.
var (
	// Idioms that follow "die": die of embarrassment, die laughing.
	dieIdiomAfter = `^ (?:of|from|laughing|inside|a little|on (?:this|that) hill|for (?:my|the|this|that|a|an|her|him|them|you)|with (?:embarrassment|shame|laughter|envy|jealousy))\b`
	// "end it"/"end things" with someone is a break-up.
	endWithAfter = `^ (?:with|between|off|early|here|there|for (?:the|today|tonight|now)|on a|before|after|by|at (?:the|work)|in (?:a|the)|nicely|well|politely|amicably|properly with|soon with)\b`
	// Objects that make "cut" about hair, money or carbs.
	cutReject = regexp.MustCompile(`^ (?:my (?:hair|fringe|nails|toenails|losses|hours|spending|budget|ex|mum|mom|dad|friends?|family|parents|sister|brother|food|carbs|sugar|caffeine|coffee|bangs|lawn|grass|hedge|cake|sandwich|finger|thumb|hand|foot|leg|lip|chin|costs)|the|a|an|it (?:off|out|short|down|back)|them|him|her|out|off|down|back|ties|in (?:line|front)|through|corners|class|classes|school|lectures|costs|loose|people|contact|that|this|some|these|those|carbs|sugar|caffeine|gluten|dairy|meat|alcohol|drinking|smoking|to the chase|hair|bangs|grass|wood|paper|fabric|cheese|bread|veg|vegetables|onions?|ribbon|cake|my losses|short|class)\b`)
	// "cut myself" in the kitchen, "cut myself some slack".
	selfActReject = regexp.MustCompile(`^ (?:shaving|cooking|chopping|slicing|opening|peeling|on (?:a|the|some|my|an|this|that|these|those)|by accident|accidentally|while|when (?:i was )?(?:cooking|shaving|chopping|opening)|with (?:a|the|an) (?:knife|paper|tin|can|bread knife|kitchen knife|iron|kettle|pan|oven|straighteners|curling iron)|in the kitchen|at (?:work|the gym)|lifting|running|playing|skiing|skating|cycling|climbing|working out|exercising|falling|off|out|from|short|free|loose|some slack|a break|a slice|a piece|a bit|some|up|in (?:the|a) (?:gym|game|match|accident|fall)|during|ironing|baking|cleaning|gardening)\b`)
	// Scenic reasons to be on a bridge or a roof.
	scenicAfter = `^ (?:crew|club|team|game|games|players?|tournament|night|section|card|cards|scene|design|project|committee|of (?:the|a) ship|taking|watching|admiring|with (?:my|friends|the|a|some)|for (?:photos|pictures|a photo|the view|a picture|sunset|sunrise|a walk|lunch|a drink|work)|photos|pictures|view|walk|tour|party|bar|cafe|restaurant|garden|terrace|pool|at (?:work|sunset)|in (?:the )?(?:sun|rain)|of (?:my|the|our) (?:house|flat|building|school|office) (?:fixing|cleaning|repairing)|reading|eating|drinking|smoking|having|enjoying|painting|fishing|overlooking|repairing|fixing|cleaning|near (?:my|the) (?:house|home|work|office))\b`
	// Things people "overdose on" in jest.
	trivialOverdoseAfter = `^ on (?:caffeine|coffee|tea|sugar|chocolate|easter eggs|energy drinks?|tv|netflix|cake|sweets|candy|memes|cuteness|kindness|love|carbs|pizza|cheese|music|books|anime|youtube|tiktok|sun|sunshine|vitamin \w|screen time|self care|nostalgia|christmas|cookies|biscuits|crisps|coffee|podcasts|true crime|reality tv|\w+ (?:tv|shows?|series|videos|films|movies))\b`
	// Ordinary ways to wake up: "I hope I don't wake up with a headache".
	wakeAfter = `^ (?:with|early|late|at|before|in (?:a|the) (?:bad|good|foul|grumpy) mood|in a mood|in the (?:morning|night) (?:with|feeling|and feel|hungover|sick|tired|grumpy|sore|early|late)|feeling|to (?:find|see|the)|hungover|sick|tired|grumpy|sore|until|till|til|for)\b`
	// Ordinary ways a life continues ("I don't want to live with my parents").
	liveAfter = `^ (?:admin|insurance|coach|coaching|skills|lessons?|with|in|at|there|near|alone|on|by|abroad|together|under|for|early|the|a|an|this|that|these|those|my|your|his|her|our|their|to|school|work|class|holiday|vacation|trip|dates?|stage|tour|therapy|treatment|medication|meds|dating|studying|working|here at|here in|here with|without (?:a|my) (?:car|job|phone|wifi|internet|coffee))\b`
	// The reasons people give for rope that are not about themselves.
	ropeAfter = `^ (?:ladder|swing|course|toy|bridge|lights?|bag|tow|for (?:\w+ )?(?:climbing|camping|sailing|boating|abseiling|the garden|work|crafts?|macrame|decorating|decoration|a project|training|exercise|the gym|skipping)|for (?:climbing|camping|the (?:tent|boat|swing|dog|garden|gym|hammock|washing|clothes|shed|trailer|kids)|my (?:tent|boat|dog|gym|washing|kids|hammock|swing)|a (?:swing|hammock|tent)|skipping|jumping|tying)|to (?:climb|tie (?:up )?(?:the|my|a) (?:boat|tent|dog|tarp|load|box))|around (?:the|my) (?:box|suitcase|luggage))\b`
	// A pill routine: "I took all my meds today, on time for once".
	routineAfter = regexp.MustCompile(`^ (?:today|this morning|this evening|tonight as|on time|as prescribed|for the (?:day|week)|with (?:food|water|breakfast|lunch|dinner)|like (?:the|my) doctor|like i am supposed to)\b`)
	// Wanting, hoping or intending right before a phrase.
	intentCue = wordSet(`want wanna wish hope pray going gonna will should need ready about plan planning decided time can could longing long like love rather just`)
)

// moreFragments are the vocabulary classes of days, times, means, alcohol
// and body parts. They nest ({WHEN} holds {DAY}), so reX substitutes them
// twice before the shared fragments.
var moreFragments = strings.NewReplacer(
	// {DAY}: a day someone may name for an act.
	"{DAY}", `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`,
	// {WHEN}: a time reference after an act ("do it on friday").
	"{WHEN}", `(?:tonight|today|tomorrow(?: night)?|soon|this (?:weekend|week|time|evening|afternoon|morning|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|next (?:week|weekend|month)|on (?:{DAY}|my birthday|(?:the )?\d+(?:st|nd|rd|th)?)|{DAY}(?: night)?|at midnight|after (?:work|school|everyone (?:goes|has gone) to (?:bed|sleep)|they (?:go|leave))|when (?:everyone|they|my \w+) (?:is|are|goes|go) (?:asleep|to (?:bed|sleep)|out))`,
	// {MEANS}: objects people hold or gather to end their life or harm
	// themselves.
	"{MEANS}", `(?:{PILLS}|knife|knives|blade|blades|razor|razors|razor blades?|rope|noose|gun|shotgun|pistol|rifle|lighter|scissors|belt)`,
	// {BOOZE}: alcohol that turns pills into an overdose.
	"{BOOZE}", `(?:vodka|whisky|whiskey|wine|alcohol|gin|rum|booze|tequila|spirits)`,
	// {BODY}: where self-harm is done.
	"{BODY}", `(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|hip|hips|hand|hands|ankle|ankles|chest|shoulder|shoulders|forearm|forearms|upper arm|calves|calf)`,
	// {DEATHWAY}: what "a way to ..." means when it means dying.
	"{DEATHWAY}", `(?:die|end it|end things|end it all|end my life|kill myself|do it)`,
)

// reX is re with moreFragments expanded first.
func reX(src string) *regexp.Regexp { return re(moreFragments.Replace(moreFragments.Replace(src))) }
