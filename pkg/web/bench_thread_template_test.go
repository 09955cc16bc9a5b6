package web

import (
	"bytes"
	"io"
	"os"
	"testing"
	"time"

	"hearth/pkg/config"
	"hearth/pkg/forum"
	"hearth/pkg/markup"
)

// BenchmarkThreadTemplate renders only the thread page template for a
// member reading 50 posts (reactions, reply/quote/report links, a tag on
// every seventh post), without queries or HTTP, so template changes can be
// measured apart from the database. HEARTH_BENCH_TEMPLATES names another
// templates directory to compare against (default ../../templates).
func BenchmarkThreadTemplate(b *testing.B) {
	cfg, err := config.Load(func(string) (string, bool) { return "", false })
	if err != nil {
		b.Fatal(err)
	}
	dir := os.Getenv("HEARTH_BENCH_TEMPLATES")
	if dir == "" {
		dir = "../../templates"
	}
	s, err := New(Deps{Config: cfg, Secret: bytes.Repeat([]byte("k"), 32), Templates: os.DirFS(dir), Static: os.DirFS("../../static")})
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	body := markup.Stored("<p>Thank you for writing this. <strong>Some days are heavier than others</strong>, and that's okay.</p><blockquote><p>It gets gentler, not smaller.</p></blockquote>")
	tags := []TagLabel{{Slug: "death-loss", Name: "Death and loss"}}
	v := ThreadPageView{
		Base:   Base{Title: "A long conversation about grief", User: &ViewUser{ID: 1, Name: "reader"}, Path: "/t/1"},
		Thread: ThreadInfo{ID: 1, Title: "A long conversation about grief", GroupSlug: "grief", GroupName: "Grief"},
		Back:   "/t/1", SignedIn: true, Following: true,
	}
	for i := range 50 {
		at := now.Add(-time.Duration(50-i) * time.Hour)
		pv := PostView{ID: int64(100 + i), Opening: i == 0, Indent: i % 6, AuthorName: "member" + itoa(int64(i%12)), AuthorKnown: true,
			CreatedAt: at, Created: timeText(s.i18n.Printer("en"), at, now), Body: body, Mode: forum.ModeShow,
			CanReply: true, CanQuote: true, CanReact: true, CanReport: true, PeopleReact: i%3 == 0}
		if i%7 == 0 {
			pv.Tags, pv.TagNames, pv.Mode = tags, "Death and loss", forum.ModeWarn
		}
		for _, k := range forum.ReactionKinds {
			pv.Reactions = append(pv.Reactions, ReactionView{Kind: k.Kind, Label: k.Label, Mine: i%5 == 0 && k.Kind == forum.ReactHear})
		}
		pv.flags()
		v.Posts = append(v.Posts, pv)
	}
	// uncached renders every post with the "post" template, as a member's
	// first visit does; cached is a visit whose posts are all in the
	// fragment cache (the usual case for a thread someone is reading).
	b.Run("uncached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v.PostHTML = v.PostHTML[:0]
			for _, pv := range v.Posts {
				h, err := s.render.Fragment("thread/show", "en", "post", postFragment{PostView: pv, Back: v.Back, ThreadID: v.Thread.ID})
				if err != nil {
					b.Fatal(err)
				}
				v.PostHTML = append(v.PostHTML, h)
			}
			if err := s.render.Render(io.Discard, "thread/show", v, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if v.PostHTML, err = s.postFragments("en", v.Posts, v.Back, v.Thread.ID); err != nil {
				b.Fatal(err)
			}
			if err := s.render.Render(io.Discard, "thread/show", v, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}
