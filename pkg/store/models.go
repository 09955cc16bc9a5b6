package store

import (
	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/moderation"
	"hearth/pkg/safety"
	"hearth/pkg/webhook"
)

// Models lists every GORM model with the table it maps to. The schema test
// checks each against the migrated database on both dialects; add new
// models here.
func Models() []any {
	return []any{
		&forum.Group{}, &forum.Thread{}, &forum.Post{}, &forum.Tag{},
		&auth.User{}, &auth.Session{}, &auth.RecoveryCode{}, &auth.LoginFailure{},
		&safety.Helpline{}, &forum.Block{}, &forum.AnonymousBlock{}, &forum.Break{},
		&forum.Revision{}, &forum.Reaction{}, &forum.Subscription{}, &forum.Notification{}, &forum.TagPref{},
		&moderation.QueueItem{}, &moderation.Report{}, &moderation.AuditEntry{}, &moderation.Sanction{},
		&moderation.Notice{}, &moderation.Setting{}, &moderation.SitePageRow{}, &moderation.Duty{},
		&forum.PrivateConversation{}, &forum.ConversationParticipant{}, &forum.ConversationMessage{}, &moderation.Escalation{},
		&moderation.CarePrefs{}, &moderation.Exposure{}, &moderation.Claim{}, &moderation.HandoverNote{}, &moderation.HandoverDismissal{},
		&webhook.Endpoint{}, &webhook.Delivery{},
		&memberHelping{}, &memberVisit{}, &peerSupporter{}, &moderation.GroupFollow{}, &moderation.SupportRequest{}, &moderation.SupportReport{},
	}
}
