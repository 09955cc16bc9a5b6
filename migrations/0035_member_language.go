package migrations

// users.language is the language a member chose to read Hearth in (a code
// such as "es"); empty means none chosen, so the browser's Accept-Language
// and then the instance default decide (hearth/pkg/i18n).
var step0035MemberLanguage = sqlStep(35, "member language",
	`ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT ''`,
)
