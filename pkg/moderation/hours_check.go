package moderation

import "hearth/pkg/forum"

// CheckHours validates the administrator's hours form without saving it,
// so a page saving it with other settings can refuse both at once.
func CheckHours(in HoursInput) error {
	v := &forum.ValidationError{}
	in.check(v)
	return v.OrNil()
}
