package migrations

// Steps is the schema, in order. Append new steps; never edit or reorder one
// that has shipped.
var Steps = []Step{
	step0001Users,
	step0002Groups,
	step0003ThreadsPosts,
	step0004Tags,
	step0005DefaultGroups,
	step0006Audit,
	step0007Sessions,
	step0008Queue,
	step0009Helplines,
	step0010Moderation,
	step0011Accounts,
	step0012Posting,
	step0013Search,
	step0014BlocksBreaks,
	step0015AnxietyGuidelines,
	step0016SettingsVersion,
	step0017FollowNotices,
	step0018ThreadVersion,
	step0019FollowingByThread,
	step0020NoticeVersion,
	step0021Care,
	step0022CareHours,
	step0023SecureDelete,
	step0024Webhooks,
	step0026CrisisLevels,
	step0027PeerSupport,
	step0028SitePages,
	step0029FloodCounts,
}
