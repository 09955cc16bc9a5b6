package safety

import (
	"regexp"
	"strings"
)

// Word lists used by the context rules. They are kept together so that a
// reviewer can see, in one place, every word that changes a decision.

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// firstPerson words make a clause the author's own.
var firstPerson = wordSet(`i me myself`)

// otherPerson words make a clause about somebody else: pronouns, relatives,
// people in a post's story, and the works a line might be quoted from.
// "we" is here because "we decided to end it" is about a relationship.
var otherPerson = wordSet(`
he she they you who someone somebody anyone anybody everyone
everybody people person we yall y'all
friend friends mate mates buddy pal brother sister mum mom mother mam ma dad father
papa son daughter husband wife partner boyfriend girlfriend fiance fiancee ex
cousin uncle aunt auntie nan nana gran grandma grandmother grandpa grandad
granddad grandfather niece nephew colleague coworker roommate flatmate housemate
classmate student students client clients patient patients kid kids child children
teen teens teenager man woman guy girl boy lady member members user poster op
parent parents stepmum stepmom stepdad baby neighbour neighbor teacher therapist
doctor nurse counsellor counselor boss manager stranger soldier
character characters protagonist villain hero heroine narrator author singer
celebrity actor actress song lyric lyrics book novel film movie show poem meme
article headline title line quote story episode game`)

// prepositions and determiners let subjectOf skip objects: "I wrote letters
// to my kids" is still about the author.
var prepositions = wordSet(`to for with about at of from by on in into like than without
towards toward around near after before behind beside besides over under`)

var determiners = wordSet(`my your his her their our the a an this that these those
our best old little big older younger new`)

// askingFor and askVerbs recognise a question put to the forum ("does
// anyone know", "can someone tell me"), whose subject is not the person the
// question is about.
var askingFor = wordSet(`anyone anybody someone somebody you`)

var askVerbs = wordSet(`know knows tell explain recommend have help`)

// thirdPersonVerbs right before a phrase show that someone else is speaking
// or acting ("writes goodbye letters", "says she wants").
var thirdPersonVerbs = wordSet(`says wants writes keeps thinks feels tries plans posts
needs talks threatens texts tells seems sounds claims admits reckons mentions`)

// reportVerbs introduce reported speech or a quotation.
var reportVerbs = wordSet(`said says say saying told tells tell telling texted texts wrote
writes messaged asked asks yelled screamed shouted goes went sang sings posted
tweeted whispered typed replied answered called named titled thinking think thought
mumbled cried keeps kept`)

// negators cancel a phrase that follows them closely in the same clause.
var negators = wordSet(`not never no nor neither without`)

// scopeBreak words end the reach of a negation: in "I can't stop thinking
// about killing myself" and "I don't know why I want to die" the negation
// belongs to another verb.
var scopeBreak = wordSet(`know knew why how whether stop stopped help wait care
understand believe remember tell admit deny hide explain cares cared matters mattered
notices noticed`)

// hypothetical words make a clause conditional ("if I ever feel suicidal").
var hypothetical = wordSet(`if whenever suppose supposing imagine pretend hypothetically unless`)

// pastWords put a phrase in the past ("I wanted to die", "I was suicidal").
var pastWords = wordSet(`wanted was were tried attempted felt thought used overdosed took
planned had became wished considered contemplated swallowed hung jumped did killed
harmed`)

// internalVoices are the tellers in "my brain keeps telling me to kms", which
// is the author's own ideation rather than someone else's abuse.
var internalVoices = wordSet(`brain head mind voice voices thoughts depression illness
it something everything disorder`)

var (
	// pastRe marks an account of the past or of recovery.
	pastRe = regexp.MustCompile(`\b(?:used to|years? ago|months ago|a while ago|a long time ago|long ago|when i was|when i were|back (?:then|when|in)|in (?:high school|middle school|secondary school|college|uni|university|my teens|my youth|the past|(?:19|20)\d\d)|(?:most|all|much) of my (?:teens|twenties|thirties|childhood|youth)|as a (?:kid|teen|teenager|child|student|young)|at (?:age )?\d+\b|aged \d+|at the age of|last year|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|few|couple of|many) (?:days|weeks|months|years?) (?:clean|free|sober)|self harm free|clean (?:for|since)|recovered|in recovery|i survived|survivor|no longer|at my lowest|at the time|previously|there was a (?:time|period|point)|at one point|those days|that time|old self|old me|younger self|younger me|during my|as a teen|before (?:i got help|therapy|treatment|recovery|medication)|got through it|got better|(?:mostly|largely|pretty much|all but|completely|almost|nearly) gone|(?:have|has) gone (?:away|quiet|down)|(?:have|has) (?:mostly |largely |finally |slowly |really |all but |pretty much |since )?(?:faded|gone away|eased|eased off|subsided|disappeared|lifted|calmed down|settled|quietened|quieted|passed))\b`)

	// recentRe marks something happening now or just now; it turns a past
	// tense act ("I cut again last night") into a current one.
	recentRe = regexp.MustCompile(`\b(?:again|tonight|today|right now|this (?:morning|afternoon|evening|week|weekend)|yesterday|last night|earlier|just now|an hour ago|(?:hours?|minutes?|days?) ago|still|lately|recently|these days|every (?:day|night|morning)|all (?:day|night)|currently|at the moment|keep|keeps|kept|(?:just|already) (?:took|swallowed|cut|tried|overdosed|did|attempted|taken|downed)|i (?:feel|am feeling|am getting|am starting to feel) (?:really |so |very )?(?:weird|sick|dizzy|drowsy|strange|funny|numb|sleepy|faint)|throwing up|can not (?:stay awake|feel my|keep my eyes open))\b`)

	// laughRe finds laughter, already normalised to "lol".
	laughRe = regexp.MustCompile(`\blol\b`)

	// trivialRe lists small everyday annoyances. A death wish attached to
	// one of them is almost always hyperbole.
	trivialRe = regexp.MustCompile(`\b(?:traffic|queue|queues|commute|bus|exams?|tests?|quiz|quizzes|homework|essays?|assignments?|deadlines?|meetings?|mondays?|weather|heat|humidity|cold|rain|snow|wifi|internet|printer|computer|laptop|phone|emails?|spreadsheets?|coworkers?|group projects?|projects?|lectures?|class|calculus|maths?|chemistry|physics|paperwork|taxes|cringe|embarrass\w*|boredom|bored|hangover|hungover|dentist|haircut|hair|outfit|tiktok|instagram|group chat|small talk|noise|alarm|mornings?|gym|workout|leg day|cardio|spicy|coffee|caffeine|flight|airport|delays?|customer service|on hold|ikea|presentation|zoom|slides|song|songs|episode|finale|spoilers?|karaoke|shopping|mosquitoes|neighbou?rs? music|this game|the game|match|ref|referee|team lost|lost the match|season finale|cliffhanger|sunburn|hiccups|shoes|heels|queue|parking|diy|flat pack|interview prep|revision)\b`)

	// heavyCauseRe lists causes that make "X makes me want to die" a real
	// statement rather than a figure of speech.
	heavyCauseRe = regexp.MustCompile(`\b(?:everything|life|living|existing|being alive|pain|depression|loneliness|lonely|being me|myself|it all|this world|the thought|my life|every day|waking up|my body|my brain|my mind|the voices|memories|flashbacks|trauma|abuse|grief|this illness|my illness|hopelessness|emptiness|being a burden|how i feel|the way i feel|feeling like this|self hatred|hating myself)\b`)

	// mediaRe finds fiction, news and teaching material.
	mediaRe = regexp.MustCompile(`\b(?:book|novel|film|movie|tv show|the show|series|episode|song|lyrics?|poem|story|character|protagonist|villain|documentary|podcast|article|headline|the news|on the news|scene|meme|video game|in the game|script|lecture|statistics|research|study|studies|essay|textbook|play we|musical|opera|anime|manga|comic|fanfic|fan fiction)\b`)

	// helpRe finds a member asking how to help someone else.
	helpRe = regexp.MustCompile(`\b(?:how (?:can|do|should|could|would) (?:i|we) (?:help|support|talk to|reach|get through to|approach|respond)|what (?:should|do|can|would) (?:i|we) (?:say|do|tell)|how to (?:help|support|talk to)|(?:help|support|helping|supporting) (?:a|my) (?:\w+ )?(?:friend|mate|partner|sister|brother|son|daughter|child|kid|teen|student|client) who|worried (?:about|for) (?:my|a|her|him|them)|for my (?:friend|brother|sister|son|daughter|partner|mum|mom|dad|wife|husband|cousin|kid|child|student))\b`)

	// deathRe finds a bereavement in the post, which gives "join her" its
	// meaning.
	deathRe = regexp.MustCompile(`\b(?:died|dead|death|passed|passing|funeral|grave|killed|heaven|afterlife|suicide|memorial|ashes|late (?:wife|husband|mum|mom|dad|son|daughter|partner)|lost (?:her|him|them|my))\b`)

	// absenceRe finds an ordinary reason to be away from the forum.
	absenceRe = regexp.MustCompile(`\b(?:holiday|vacation|trip|travel\w*|camping|conference|visiting|moving|offline|wifi|internet|signal|off grid|retreat|break from|surgery|operation|hospital for|away|festival|abroad|exchange|course|training|shift|deploy\w*|exams?|new (?:forum|site|account|group)|another (?:forum|site|account|group)|deleting (?:my|this) account|social media break|new job|last day|leaving do|leaving party|retir\w*|job (?:on|from) monday|starting (?:a|my) new|(?:going|heading|off|staying|driving|flying|travelling|traveling) (?:to|at|with) (?:my|our|a|the) (?:\w+ )?(?:parents?|mum|mom|dad|family|grandparents|gran|nan|sister|brother|friends?|cousins?|aunt|uncle|in laws|partner|boyfriend|girlfriend)(?:'?s)?(?: (?:place|house|home|flat))?|staying with|going home|out of town|move out|moved out|moving out)\b`)

	// makesMeRe finds "X makes me want to ..." in the left context; the
	// dedicated pattern for that construction judges the cause.
	makesMeRe = regexp.MustCompile(`\b(?:makes?|made|making) me (?:\w+ ){0,3}$`)

	// endOfClauseRe is true when a phrase ends its clause, so that "I'm
	// done." is read differently from "I'm done with this job".
	endOfClauseRe = regexp.MustCompile(`^\s*(?:$|[.,;:!?\x01\x02()-]|(?:and|but|because|so|lol|honestly|now|right now|tonight|today|for good|forever|anymore|please|again|already|though|then|i am sorry|sorry)\b)`)

	// clauseBoundaryRe defines what clauseBounds finds by hand;
	// TestScannersMatchRegexps holds it to it.
	clauseBoundaryRe = regexp.MustCompile(`[,;:()\x01\x02]| - |\b(?:but|however|though|although|yet|and|while|whereas|because|cause)\b`)
	wordRe           = regexp.MustCompile(`[a-z0-9']+`)
)

func tokens(s string) []string { return wordRe.FindAllString(s, -1) }
