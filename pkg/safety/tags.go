package safety

// Tag is one entry of the trigger-warning vocabulary. Admins keep the
// vocabulary; the slug is stable and is what posts, preferences and group
// rules refer to.
type Tag struct {
	Slug        string
	Name        string
	Description string
}

// Slugs of the seeded vocabulary. SuggestTags only ever suggests these.
const (
	TagSuicide         = "suicide"
	TagSelfHarm        = "self-harm"
	TagAbuse           = "abuse"
	TagSexualViolence  = "sexual-violence"
	TagDeathLoss       = "death-loss"
	TagEatingDisorders = "eating-disorders"
	TagSubstanceUse    = "substance-use"
	TagViolence        = "violence"
	TagMedicalDetail   = "medical-detail"
)

// DefaultTags returns the vocabulary a new forum is seeded with, in the order
// the composer shows it. The slice is fresh on every call, so callers may
// modify it.
func DefaultTags() []Tag {
	return []Tag{
		{TagSuicide, "Suicide", "Suicidal thoughts, plans or attempts, or a death by suicide."},
		{TagSelfHarm, "Self-harm", "Hurting oneself on purpose, such as cutting or burning, including urges and scars."},
		{TagAbuse, "Abuse", "Emotional, physical or financial abuse, neglect or coercive control by another person."},
		{TagSexualViolence, "Sexual violence", "Rape, sexual assault, sexual abuse or harassment."},
		{TagDeathLoss, "Death and loss", "Bereavement, grief, dying, miscarriage or the loss of a pet."},
		{TagEatingDisorders, "Eating disorders", "Restricting, bingeing, purging, or talk about weight, calories and body size."},
		{TagSubstanceUse, "Substance use", "Alcohol or drug use, overdose, addiction, withdrawal or relapse."},
		{TagViolence, "Violence", "Physical violence, assault, weapons, war or threats to hurt someone."},
		{TagMedicalDetail, "Medical detail", "Descriptions of injuries, blood, surgery, procedures or symptoms."},
	}
}
