package demo

// The phrase banks below are written to read like a gentle peer-support
// forum. They never contain crisis language (the detector would flag every
// demo post), and the heavier ones are only used in posts that carry a
// matching trigger-warning tag.

// topic is what a group talks about.
type topic struct {
	slug, name, description string
	// tags are the trigger warnings posts in this group most often carry.
	tags []string
	// titles are thread titles; openings start a thread; experiences are
	// sentences about the writer's own life; heavy are sentences that need
	// one of tags.
	titles, openings, experiences, heavy []string
}

// topics covers the default groups first, then the extra groups seed-demo
// creates when asked for more.
var topics = []topic{
	{
		slug: "grief", name: "Grief & Loss",
		tags: []string{"death-loss", "suicide", "medical-detail"},
		titles: []string{
			"First birthday without my mum", "Does the second year get easier?", "Clearing out dad's shed this weekend",
			"I keep reaching for my phone to text her", "Grief at work: how do you explain it?", "Six months today",
			"Lost my best friend in the spring", "The songs I can't listen to any more", "Anniversary coming up and I'm dreading it",
			"Small things that helped this week", "Nobody mentions his name anymore", "Christmas without Gran",
			"Missing my dog more than I expected", "Guilt about laughing again", "Writing letters to my brother",
		},
		openings: []string{
			"I don't really know where to start, so I'll just write.",
			"It has been a while since I posted here, but today was a hard one.",
			"I've been reading this group for weeks and finally feel ready to say something.",
			"Something small set me off today and I wanted to tell people who'd understand.",
		},
		experiences: []string{
			"Some mornings I forget for a second, and then it lands all over again.",
			"I still set out two mugs without thinking about it.",
			"Friends were wonderful at first, but now everyone seems to expect me to be back to normal.",
			"I found a shopping list in her handwriting and sat on the kitchen floor for an hour.",
			"The house is so quiet in the evenings.",
			"I keep replaying our last conversation and wishing I'd said more.",
			"Walking the route we used to take together helps, even though it hurts.",
			"My counsellor said grief is love with nowhere to go, and that stuck with me.",
			"I planted the tulips he liked and they came up this week.",
			"Some days I feel fine and then feel guilty for feeling fine.",
		},
		heavy: []string{
			"The last weeks in the hospital are what I see when I close my eyes.",
			"I wasn't there when he died and I can't stop thinking about it.",
			"Losing someone to suicide leaves questions that nobody can answer.",
			"The funeral is a blur, but I remember the cold in the chapel.",
		},
	},
	{
		slug: "anxiety", name: "Anxiety",
		tags: []string{"medical-detail", "substance-use"},
		titles: []string{
			"Panic attack on the bus today", "Health anxiety spiral again", "How do you get through job interviews?",
			"Grounding techniques that actually work for you?", "Can't stop checking the door is locked", "Sunday night dread",
			"Phone calls terrify me", "Started a new medication this week", "Small win: went to the shop alone",
			"Does anyone else get anxious about being anxious?", "Sleep and racing thoughts", "Social events and the days after",
			"Breathing exercises: which ones?", "Waiting for test results", "Back at work after time off",
		},
		openings: []string{
			"My heart is still going a bit fast as I type this.",
			"I'm having one of those weeks where everything feels like too much.",
			"Not sure if this is the right place, but here goes.",
			"I wanted to share something that went better than I feared.",
		},
		experiences: []string{
			"The 5-4-3-2-1 thing, naming what I can see and hear, takes the edge off for me.",
			"I rehearse conversations in my head for hours before they happen.",
			"My chest gets tight and I'm convinced something is badly wrong, even though I know the pattern now.",
			"Cutting down on coffee helped more than I expected.",
			"I keep a note on my phone of times I got through it, and I read it when it starts.",
			"Walking fast around the block burns off some of the adrenaline.",
			"My GP was kinder about it than I'd feared.",
			"I avoided the supermarket for a month, then started going at quiet times.",
			"Telling one person at work made it so much easier.",
			"Some nights my thoughts just won't slow down.",
		},
		heavy: []string{
			"The blood test itself was the hardest part; I nearly fainted in the chair.",
			"I used to drink to get through parties and I'm trying not to now.",
			"The side effects in the first two weeks were rough: nausea and shaking.",
		},
	},
	{
		slug: "ptsd", name: "PTSD & Trauma",
		tags: []string{"abuse", "violence", "sexual-violence", "medical-detail"},
		titles: []string{
			"Flashbacks after a loud noise at work", "Nightmares again this week", "Starting EMDR next month",
			"How do you explain triggers to a partner?", "Hypervigilance in crowds", "One year since I left",
			"Grounding after waking up from a nightmare", "Therapy homework is hard", "Feeling safe at home again",
			"Anniversary reactions", "Dissociating at work", "Telling my story, or not",
			"Good day today and I want to remember it", "Trauma and my body", "Learning to rest",
		},
		openings: []string{
			"I'll keep the details out of this, but I needed to talk to people who get it.",
			"Today was better than yesterday, and I'm holding on to that.",
			"I've been quiet here for a while.",
			"Something happened this week that brought a lot back.",
		},
		experiences: []string{
			"I sit with my back to the wall in cafés without even thinking about it now.",
			"Holding an ice cube helps me come back when I start to drift away.",
			"My therapist calls it the window of tolerance and I'm learning to notice the edges.",
			"I keep a small stone in my pocket to hold on to.",
			"The nights are the hardest, so I leave a lamp on.",
			"It took me years to say any of this out loud.",
			"Loud bangs still send me straight back, but it passes faster than it used to.",
			"My dog knows when I'm not okay before I do.",
			"Writing things down after a nightmare helps me sort what is now from what was then.",
			"Healing isn't a straight line, and I remind myself of that a lot.",
		},
		heavy: []string{
			"He used to check my phone and decide who I could see.",
			"The assault happened years ago, but my body still remembers.",
			"There was a lot of shouting and things being thrown when I was a kid.",
			"After the crash I spent weeks in hospital with a broken pelvis.",
		},
	},
	{
		slug: "depression", name: "Depression",
		tags: []string{"self-harm", "suicide", "substance-use", "eating-disorders"},
		titles: []string{
			"Got out of bed and showered: counting it", "Everything feels grey", "Does anyone else lose weeks?",
			"Tiny things that help on the bad days", "Telling my family", "Numb rather than sad",
			"Medication: one month in", "Can't concentrate on anything", "Winter is coming and I'm worried",
			"Had a good hour today", "Therapy waiting list", "Lonely even with people around",
			"Cooking one proper meal", "How do you explain it at work?", "Coming out of a low patch",
		},
		openings: []string{
			"I nearly didn't post this.",
			"Writing this from bed, which is where I've been most of the week.",
			"I've had a slightly better few days and wanted to say so.",
			"I don't have the energy for a long post, but I wanted to check in.",
		},
		experiences: []string{
			"Even replying to messages feels like climbing a hill.",
			"I made a list of five tiny things and did two of them, and that has to be enough.",
			"Opening the curtains first thing is my one rule.",
			"Food has lost its taste, so I eat whatever is easiest.",
			"A short walk doesn't fix anything, but it changes the colour of the day a little.",
			"I keep cancelling plans and then feeling worse about it.",
			"My sister sits with me sometimes without needing me to talk.",
			"Sleeping twelve hours and still waking up exhausted is so frustrating.",
			"Music helps when words don't.",
			"I'm learning to notice the good moments, even short ones.",
		},
		heavy: []string{
			"My old self-harm scars showed at work this week and I felt really exposed.",
			"Drinking more than I should in the evenings to switch off.",
			"I've barely been eating and my clothes are hanging off me.",
		},
	},
	{
		slug: "carers", name: "Caring for Someone",
		tags: []string{"medical-detail", "self-harm", "substance-use"},
		titles: []string{
			"Burnt out and feeling guilty about it", "How do you get a break?", "My partner won't see a doctor",
			"Carer's assessment: worth it?", "When they don't want help", "A calm week for once",
			"Looking after mum and working full time", "Being the strong one all the time", "Support for young carers",
			"They're in hospital and I can't sleep", "Boundaries with someone you love", "Respite ideas",
			"Getting them to appointments", "Resentment, and feeling awful about it", "Our first good day in ages",
		},
		openings: []string{
			"I'm writing this while he's asleep, because it's the only quiet time I get.",
			"I love her, and I'm so tired.",
			"I'm new here and not sure what I'm asking for, maybe just to be heard.",
			"Update from my last post, for anyone who remembers.",
		},
		experiences: []string{
			"I've started booking one afternoon a fortnight just for me, and I'm trying not to cancel it.",
			"The carers' group at our local library has been a lifeline.",
			"I keep a folder of every letter and appointment, which helps when my memory goes.",
			"Some days I'm a nurse, a cook and a counsellor before nine in the morning.",
			"My friends don't really understand, but people here do.",
			"Asking for help felt like failing, until I did it.",
			"I try to remember that the illness isn't the person.",
			"We watch a silly quiz show together most nights and it's our bit of normal.",
			"I'm learning to say no without explaining myself.",
			"It's okay to feel angry, resentful or tired; it doesn't make you a bad carer.",
		},
		heavy: []string{
			"I found the marks on her arms last month and we've been talking with her GP.",
			"His drinking gets worse when he's low, and I never know what I'll come home to.",
			"The ward round was full of medication changes and side effects I had to write down.",
		},
	},
	{
		slug: "bipolar", name: "Bipolar",
		tags: []string{"substance-use", "medical-detail"},
		titles: []string{"Spotting the early signs", "Mood diary apps?", "Coming down from a high", "Lithium blood tests",
			"Routine saved me this month", "Explaining bipolar to friends", "Sleep is my early warning"},
		openings: []string{"Checking in after a bumpy fortnight.", "I've been stable for a while and wanted to share what helps."},
		experiences: []string{
			"Keeping the same bedtime is the one thing that keeps me steady.",
			"My partner and I agreed on signs to watch for, and it helps us both.",
			"I track my mood every evening, just a number and a word.",
			"Spending money fast is my first warning sign now.",
		},
		heavy: []string{"The last hospital stay was hard, but I came out with a plan."},
	},
	{
		slug: "loneliness", name: "Loneliness",
		tags: []string{"death-loss"},
		titles: []string{"Weekends are the worst", "Moved to a new city", "How did you make friends as an adult?",
			"Talked to a neighbour today", "Lonely in a relationship", "Volunteering ideas"},
		openings: []string{"This might sound silly, but I haven't spoken to anyone in days.", "Small update from me."},
		experiences: []string{
			"I joined a walking group and nobody minded that I was quiet.",
			"Saying good morning to the same barista every day has become a small anchor.",
			"Evenings stretch out when there's no one to talk to.",
			"Messaging here has helped more than I expected.",
		},
		heavy: []string{"Since she died the flat feels enormous."},
	},
	{
		slug: "eating", name: "Eating Disorder Recovery",
		tags: []string{"eating-disorders", "medical-detail"},
		titles: []string{"Meal plan wobble", "Eating out for the first time in ages", "Body image on bad days",
			"Telling my dietitian the truth", "Recovery milestones", "Holidays and food"},
		openings: []string{"Recovery update, the good and the hard.", "I need some encouragement today."},
		experiences: []string{
			"I'm practising eating with others, even when it's uncomfortable.",
			"I unfollowed every account that made me compare myself.",
			"My dietitian reminds me that recovery isn't linear.",
			"I wrote down why I'm doing this and keep it in my purse.",
		},
		heavy: []string{"The voice telling me to restrict was really loud at lunch today."},
	},
}

// Sentences shared by every group.
var (
	replyOpeners = []string{
		"Thank you for sharing this.", "I hear you.", "This really resonates with me.", "Sending you a lot of warmth.",
		"I'm so glad you posted.", "You're not alone in this.", "That sounds really hard.", "I read this twice and nodded the whole way.",
		"What you're feeling makes complete sense.", "Well done for getting through today.", "I don't have answers, but I'm here.",
		"Oh, I recognise this so much.", "Thank you for the update.", "That's a real win, and it counts.",
	}
	suggestions = []string{
		"Would it help to write down one small thing for tomorrow?",
		"Is there anyone you could tell, even just a little?",
		"Maybe be as kind to yourself as you are to everyone else here.",
		"When it gets loud, I try to name five things I can see.",
		"Drinking a glass of water and stepping outside for a minute sometimes helps me reset.",
		"It might be worth mentioning to your GP, if that feels manageable.",
		"There's no right way to do this.",
		"Rest counts as doing something.",
		"Could you give yourself permission to do the bare minimum this week?",
	}
	closers = []string{
		"Be gentle with yourself tonight.", "Thinking of you.", "Take care of yourself.", "One step at a time.",
		"Sending strength.", "Let us know how it goes, if you want to.", "We're here.", "Look after yourself.",
		"Hope tomorrow is a little lighter.", "You're doing better than you think.",
	}
	listIntros = []string{
		"A few things that have helped me:", "What I try on the bad days:", "Some small things, in case any are useful:",
		"My list for mornings like that:",
	}
	listItems = []string{
		"opening a window and breathing slowly", "a hot drink held in both hands", "texting one person, even just an emoji",
		"a ten-minute walk, no headphones", "a warm shower", "writing three lines in a notebook", "putting on an old favourite film",
		"lying on the floor with my feet up the wall", "a playlist of songs that feel safe", "a proper glass of water",
		"stroking the cat", "tidying just one surface", "going to bed at the same time",
	}
	links = []string{
		"[Mind](https://www.mind.org.uk/)", "[the NHS mental health pages](https://www.nhs.uk/mental-health/)",
		"[Samaritans](https://www.samaritans.org/)", "[Carers UK](https://www.carersuk.org/)", "[Cruse](https://www.cruse.org.uk/)",
	}

	extraTitlePrefixes = []string{"", "", "", "Update: ", "Long post: ", "Quick question: ", "Good news: "}
)

// Pseudonym parts.
var (
	nameAdjectives = []string{
		"quiet", "gentle", "northern", "sunny", "little", "brave", "sleepy", "autumn", "silver", "misty", "amber",
		"hazel", "patient", "wild", "kind", "soft", "rainy", "morning", "evening", "late", "slow", "steady",
		"blue", "green", "golden", "hopeful", "tired", "wandering", "rosy", "frosty", "lucky", "hidden", "cosy",
	}
	nameNouns = []string{
		"heron", "fern", "willow", "otter", "lantern", "harbour", "sparrow", "meadow", "kettle", "robin", "river",
		"pebble", "badger", "thistle", "moth", "orchard", "wren", "ember", "cloud", "birch", "tide", "fox",
		"owl", "daisy", "bramble", "acorn", "comet", "puffin", "moon", "poppy", "toast", "teapot", "walker",
	}
	nameWords = []string{
		"sam", "jo", "alex", "kit", "robin", "max", "nat", "lou", "pip", "ash", "jay", "ren", "bea", "tom", "mo",
		"ellie", "finn", "nia", "raj", "ada", "leo", "ivy", "zoe", "dev", "ola", "ana", "kai", "mia", "ben",
	}
)
