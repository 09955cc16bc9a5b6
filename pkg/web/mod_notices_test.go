package web

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestModNoticeReasonPrintedAsWritten: a moderator's notice reads in the
// member's language, but the reason the moderator wrote is printed as
// written, never looked up in the catalogues (a reason that happens to
// be an English sentence Hearth translates stays in the moderator's
// words), and its markup and printf verbs arrive as plain text.
func TestModNoticeReasonPrintedAsWritten(t *testing.T) {
	s := templatesServer(t)
	now := time.Now().Add(-time.Hour)
	notices := []MemberNotice{
		{ID: 1, Message: "A moderator wanted to check in with you.", Reason: "Dismiss", CreatedAt: now},
		{ID: 2, Message: "A moderator wanted to check in with you.", Reason: "I understand <b>%s</b> 100%", Warning: true, CreatedAt: now},
	}
	base := Base{Title: "Avisos", Lang: "es", User: &ViewUser{ID: 1, Name: "ana"}, Notices: notices}
	var b bytes.Buffer
	if err := s.render.Render(&b, "notifications/moderators", ModNoticesView{Base: base, Notices: notices}, nil); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	// Hearth's own sentences are Spanish, in the banner and the history.
	for _, want := range []string{"Un moderador quería saber cómo estás.", "<strong>Motivo:</strong> Dismiss</p>",
		"<strong>Motivo:</strong> I understand &lt;b&gt;%s&lt;/b&gt; 100%</p>", ">Entendido</button>", ">Descartar</button>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// The reasons as the moderator wrote them, not their translations.
	for _, bad := range []string{"<strong>Motivo:</strong> Descartar", "<strong>Motivo:</strong> Entendido", "<b>%s</b>", "%!"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
}
