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
		{TagSuicide, "Suicide", "Thoughts of suicide, suicide attempts or losing someone to suicide."},
		{TagSelfHarm, "Self-harm", "Hurting oneself on purpose, urges to self-harm, or its aftermath."},
		{TagAbuse, "Abuse", "Emotional, physical, financial or domestic abuse, or coercive control."},
		{TagSexualViolence, "Sexual violence", "Rape, sexual assault, sexual abuse or harassment."},
		{TagDeathLoss, "Death and loss", "Death, dying, bereavement, miscarriage or the loss of someone close."},
		{TagEatingDisorders, "Eating disorders", "Restricting, bingeing, purging, weight, calories or body image."},
		{TagSubstanceUse, "Substance use", "Alcohol, drugs, overdose, relapse or withdrawal."},
		{TagViolence, "Violence", "Physical violence, assault, war, weapons or threats."},
		{TagMedicalDetail, "Medical detail", "Graphic descriptions of injuries, illness, procedures or hospital stays."},
	}
}
