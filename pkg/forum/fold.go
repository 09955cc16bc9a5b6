package forum

// Crisis-level words are folded for other readers until a moderator has
// looked: safe-messaging practice keeps methods and plans from readers who
// did not choose to see them, while the author sees their post as they wrote
// it and moderators see everything.

// FoldedFor reports whether a reader sees p folded, without its words:
// p is folded (CrisisFolded) and the reader is neither its author nor a
// moderator of its group. readerID is 0 for visitors, feeds and the API.
func (p Post) FoldedFor(readerID int64, moderator bool) bool {
	if !p.CrisisFolded || moderator {
		return false
	}
	return readerID == 0 || p.AuthorID == nil || *p.AuthorID != readerID
}

// FoldTopic is the automatic warning p is folded behind: its topic, or
// suicide when the screening named none.
func (p Post) FoldTopic() Topic { return FoldTopic(p.CrisisTopic) }

// FoldTopic is the warning a crisis of topic t is folded behind: t, or
// suicide when t is empty or unknown.
func FoldTopic(t Topic) Topic {
	if t == TopicSelfHarm {
		return TopicSelfHarm
	}
	return TopicSuicide
}

// Name is the warning's name as readers see it when the trigger-warning
// vocabulary has no entry for it: "Suicide" or "Self-harm".
func (t Topic) Name() string {
	if FoldTopic(t) == TopicSelfHarm {
		return "Self-harm"
	}
	return "Suicide"
}

// foldOnWrite is whether a post written with screening s, folded or not
// before (was), is folded after the write: a crisis-level write folds it,
// and only a moderator's look unfolds it, so an edit never does.
func foldOnWrite(was bool, s Screening) bool { return was || s.AtLevel() == LevelCrisis }

// AtLevel is the screening's level, crisis whenever Crisis is set.
func (s Screening) AtLevel() Level {
	if s.Crisis {
		return LevelCrisis
	}
	return s.Level
}
