package forum

// DefaultGroup is the text of one of the groups Hearth seeds a new forum
// with, as it reads once every migration has run (migrations 0005 and
// 0015). A group whose words are still exactly these has words Hearth
// wrote, which readers see in their own language; words an admin changed
// are theirs and are shown as written.
type DefaultGroup struct {
	Slug, Name, Description string
	// Guidelines are Markdown, rendered by pkg/markup.
	Guidelines string
}

// DefaultGroups returns the seeded groups' text in a new slice.
func DefaultGroups() []DefaultGroup {
	return []DefaultGroup{
		{"grief", "Grief & Loss",
			"For anyone living with the death of someone they love, however long ago, however it happened.",
			`Grief has no timetable and no right way to do it. Here you can talk about the person you lost, the day it happened, or the ordinary days since.

- Share your own experience; don't tell anyone how they should grieve.
- Use the *Death and loss* or *Suicide* trigger warnings when you describe how someone died.
- Anniversaries and holidays are hard. It's fine to post just to say so.`},
		{"anxiety", "Anxiety",
			"Worry, panic attacks, health anxiety, social anxiety: talk with people who know how loud it can get.",
			`Anxiety can make everything feel urgent. Take your time here.

- Describe what helps you, and say what doesn't, without pushing anyone to try it.
- Don't offer diagnoses or advice about medication doses; that's for a doctor.
- If a panic attack is happening right now, slow breathing can help: breathe in for four, hold for four, out for six. You can also write here; someone will read it.`},
		{"ptsd", "PTSD & Trauma",
			"Living with what happened and with what it left behind: flashbacks, nightmares, hypervigilance, healing.",
			`You never have to share what happened to be welcome here.

- Put a trigger warning on anything that describes violence, abuse or assault, and keep details brief.
- Respect "I'm not ready to talk about that"; don't ask for details.
- Talk about coping and recovery as much as the hard parts: both belong.`},
		{"depression", "Depression",
			"For the grey days and the heavy ones: low mood, numbness, exhaustion, and the small things that help.",
			`Some days getting out of bed is the achievement. Say so; people here understand.

- Be gentle with each other and with yourself.
- If you're thinking about ending your life, please use **Get help now** at the top of every page as well as posting.
- Use the *Suicide* or *Self-harm* trigger warnings when you write about them.`},
		{"carers", "Caring for Someone",
			"Supporting a partner, parent, child or friend through mental illness, and looking after yourself too.",
			`Caring for someone can be lonely. This group is for your side of it.

- Keep the person you care for anonymous: no names, places or photos.
- It's okay to feel angry, tired or resentful here without being judged.
- Share services and resources you've found helpful, with where they're available.`},
	}
}
