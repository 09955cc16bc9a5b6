package safety

import (
	"reflect"
	"strings"
	"testing"
)

func TestDefaultTags(t *testing.T) {
	want := []struct{ slug, name string }{
		{"suicide", "Suicide"}, {"self-harm", "Self-harm"}, {"abuse", "Abuse"},
		{"sexual-violence", "Sexual violence"}, {"death-loss", "Death and loss"},
		{"eating-disorders", "Eating disorders"}, {"substance-use", "Substance use"},
		{"violence", "Violence"}, {"medical-detail", "Medical detail"},
	}
	got := DefaultTags()
	if len(got) != len(want) {
		t.Fatalf("%d tags, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Slug != w.slug || g.Name != w.name {
			t.Errorf("tag %d = %q %q, want %q %q", i, g.Slug, g.Name, w.slug, w.name)
		}
		if !strings.HasSuffix(g.Description, ".") || strings.Count(g.Description, ". ") != 0 || len(g.Description) < 20 {
			t.Errorf("tag %s: description %q should be one sentence", g.Slug, g.Description)
		}
	}
	got[0].Name = "changed"
	if DefaultTags()[0].Name != "Suicide" {
		t.Error("DefaultTags shares its slice with callers")
	}
}

func TestSuggestTags(t *testing.T) {
	cases := []struct {
		text string
		want []Suggestion
	}{
		{"Had a lovely walk today.", nil},
		{"This exam is killing me and I'm dying to finish.", nil},
		{"I nearly died laughing.", nil},
		{"My phone died again.", nil},
		{"I cut myself shaving.", nil},
		{"Substance abuse counselling helped my brother.", nil},
		{"I overdosed last year.", []Suggestion{{TagSubstanceUse, `mentions "overdosed"`, "overdosed"}}},
		{"My mum died in March and the funeral was hard.", []Suggestion{{TagDeathLoss, `mentions "died"`, "died"}}},
		{"I keep thinking about suicide.", []Suggestion{{TagSuicide, `mentions "suicide"`, "suicide"}}},
		{"I used to self-harm.", []Suggestion{{TagSelfHarm, `mentions "self harm"`, "self harm"}}},
		{"He hit me and then gaslit me about it.", []Suggestion{{TagAbuse, `mentions "he hit me"`, "he hit me"}}},
		{"I was raped at 19.", []Suggestion{{TagSexualViolence, `mentions "raped"`, "raped"}}},
		{"I've been restricting food and using laxatives.", []Suggestion{{TagEatingDisorders, `mentions "restricting food"`, "restricting food"}}},
		{"He was stabbed outside the pub.", []Suggestion{{TagViolence, `mentions "stabbed"`, "stabbed"}}},
		{"The surgery left stitches all down my leg.", []Suggestion{{TagMedicalDetail, `mentions "surgery"`, "surgery"}}},
		{"I have the pills saved up and tonight is the night.", []Suggestion{{TagSuicide, `mentions "pills saved"`, "pills saved"}}},
		{
			"After my dad died I started drinking and overdosed; they pumped my stomach and I had a seizure.",
			[]Suggestion{{TagDeathLoss, `mentions "died"`, "died"}, {TagSubstanceUse, `mentions "overdosed"`, "overdosed"}, {TagMedicalDetail, `mentions "seizure"`, "seizure"}},
		},
	}
	for _, c := range cases {
		got := SuggestTags(c.text)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("SuggestTags(%q) = %+v, want %+v", c.text, got, c.want)
		}
	}
}

func TestSuggestTagsOrderAndUniqueness(t *testing.T) {
	text := "I was raped, then I cut myself, then I took an overdose and wanted to die. " +
		"There was blood everywhere. My abusive ex hit me. My gran died. I stopped eating, anorexia again. " +
		"He was stabbed. I was suicidal. I cut myself again."
	got := SuggestTags(text)
	order := map[string]int{}
	for i, tag := range DefaultTags() {
		order[tag.Slug] = i
	}
	seen := map[string]bool{}
	for i, s := range got {
		if seen[s.Slug] {
			t.Errorf("duplicate suggestion %q", s.Slug)
		}
		seen[s.Slug] = true
		if _, ok := order[s.Slug]; !ok {
			t.Errorf("unknown slug %q", s.Slug)
		}
		if i > 0 && order[got[i-1].Slug] > order[s.Slug] {
			t.Errorf("suggestions out of vocabulary order: %+v", got)
		}
		if !strings.HasPrefix(s.Reason, `mentions "`) {
			t.Errorf("reason %q", s.Reason)
		}
	}
	if len(got) != len(DefaultTags()) {
		t.Errorf("got %d suggestions for a text touching every tag: %+v", len(got), got)
	}
	if !reflect.DeepEqual(got, SuggestTags(text)) {
		t.Error("suggestions are not deterministic")
	}
}
