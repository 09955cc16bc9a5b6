package demo

// Sentence fragments that compose into many distinct sentences, and the
// pieces of code blocks, shared by every group. Like the phrase banks they
// are gentle and free of crisis language.
var (
	whens = []string{
		"This week", "Most evenings", "On the better days", "Since the spring", "Lately", "After a slow morning",
		"Over the weekend", "Some afternoons", "When the house is quiet", "On the walk home", "Before bed", "On my lunch break",
	}
	actions = []string{
		"I've kept a notebook by the bed", "I've been making a proper breakfast", "I sat in the garden for ten minutes",
		"I called my sister back", "I let myself leave the dishes", "I went to the group at the library",
		"I tried the breathing exercise someone posted here", "I wrote down three things that went all right",
		"I put my phone in another room", "I took the long way round the park", "I told a friend how I was really doing",
		"I stopped apologising for needing rest", "I cooked something simple and ate it slowly", "I read a few pages of a book",
		"I made a list of people I can message", "I booked the appointment I'd been putting off", "I listened to a whole album lying down",
		"I watered the plants and opened the curtains",
	}
	afters = []string{
		"and it helped more than I expected.", "and it felt like a small step.", "which I'm quietly proud of.",
		"and the evening felt softer.", "though it took a lot of nudging myself.", "and I slept a little better.",
		"and nothing terrible happened.", "even if only for a while.", "and I want to keep it up.",
		"and I noticed I was breathing more slowly.",
	}
	thoughts = []string{
		"I'm learning that", "Someone here once told me that", "My counsellor says", "It took me a long time to see that",
		"I try to remember that", "I keep coming back to the idea that", "A friend reminded me that",
	}
	truths = []string{
		"progress isn't a straight line.", "rest is part of getting better.", "small steps still count.",
		"feelings pass, even the heavy ones.", "asking for help takes courage.", "a bad day isn't a bad life.",
		"it's okay to go slowly.", "being tired isn't the same as failing.", "we don't have to do this alone.",
		"kindness to ourselves takes practice.", "there's no deadline on feeling better.",
	}
	codeIntros = []string{
		"I keep this in my notes app, exactly as I typed it:", "My plan for the week, copied from my phone:",
		"What my log looked like, in case the format helps:", "The routine on my fridge:",
	}
	codeTimes = []string{"07:30", "08:15", "10:00", "12:30", "15:00", "18:00", "20:30", "22:00"}
	codeTasks = []string{
		"water and open the window", "breakfast, even a small one", "step outside for five minutes", "text one person",
		"phone on charge in the hall", "notebook: three lines", "stretch, slowly", "warm drink, no screens",
		"tidy one surface", "check in here",
	}
	codeDays  = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	codeMoods = []string{"tired but ok", "flat", "a bit lighter", "busy head", "calm", "wobbly", "steady", "hopeful"}
)
