package web

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"

	"hearth/pkg/forum"
)

// fullFragment sets every field of a postFragment to a non-zero value, so
// that changing any one of them is a change the key must see.
func fullFragment() postFragment {
	at := time.Date(2026, 11, 3, 9, 30, 0, 0, time.UTC)
	edited := at.Add(time.Hour)
	return postFragment{Back: "/t/7?after=k", ThreadID: 7, PostView: PostView{
		ID: 12, Opening: true, Indent: 3, ReplyingTo: "ann", AuthorName: "ben", AuthorKnown: true, PeerSupporter: true,
		CreatedAt: at, EditedAt: &edited, Created: TimeText{ISO: "iso", Exact: "exact", Ago: "2 hours ago"},
		EditedExact: "edited", Body: template.HTML("<p>words</p>"), Tags: []TagLabel{{Slug: "abuse", Name: "Abuse"}},
		TagNames: "Abuse", Mode: "warn", ModeShow: true, ModeWarn: true, ModeHide: true, OwnWarned: true, History: true,
		Placeholder: "gone", Removed: true, Held: true, Blocked: true,
		CanReply: true, CanQuote: true, CanEdit: true, CanDelete: true, CanReact: true, CanReport: true,
		Reactions: []ReactionView{{Kind: "hear", Label: "I hear you", Mine: true}}, PeopleReact: true,
		ReactedBy: []ReactionGroup{{Label: "Me too", Names: []string{"cai"}}},
		Mod:       &ModControls{PostID: 12, ThreadID: 7, GroupID: 2, Status: "visible", Locked: true, Pinned: true, IsOpening: true},
	}}
}

// mutateLeaves calls try once for every leaf field reachable from v's
// type, each time on a fresh fullFragment with that one field changed.
func mutateLeaves(t *testing.T, path []int, typ reflect.Type, name string, try func(name string, f postFragment)) {
	switch {
	case typ == reflect.TypeOf(time.Time{}):
		leaf(t, path, name, try, func(v reflect.Value) { v.Set(reflect.ValueOf(v.Interface().(time.Time).Add(time.Second))) })
		leaf(t, path, name+"(zone)", try, func(v reflect.Value) {
			v.Set(reflect.ValueOf(v.Interface().(time.Time).In(time.FixedZone("X", 3600))))
		})
		return
	}
	switch typ.Kind() {
	case reflect.Struct:
		for i := range typ.NumField() {
			f := typ.Field(i)
			mutateLeaves(t, append(append([]int(nil), path...), i), f.Type, name+"."+f.Name, try)
		}
	case reflect.Pointer:
		leaf(t, path, name+"(nil)", try, func(v reflect.Value) { v.Set(reflect.Zero(v.Type())) })
		mutateLeaves(t, append(append([]int(nil), path...), -1), typ.Elem(), name+"*", try)
	case reflect.Slice:
		leaf(t, path, name+"(empty)", try, func(v reflect.Value) { v.Set(reflect.MakeSlice(v.Type(), 0, 0)) })
		leaf(t, path, name+"(longer)", try, func(v reflect.Value) { v.Set(reflect.Append(v, v.Index(0))) })
		mutateLeaves(t, append(append([]int(nil), path...), -2), typ.Elem(), name+"[0]", try)
	case reflect.String:
		leaf(t, path, name, try, func(v reflect.Value) { v.SetString(v.String() + "x") })
	case reflect.Bool:
		leaf(t, path, name, try, func(v reflect.Value) { v.SetBool(!v.Bool()) })
	case reflect.Int, reflect.Int64:
		leaf(t, path, name, try, func(v reflect.Value) { v.SetInt(v.Int() + 1) })
	default:
		t.Errorf("%s: kind %s is not handled by this test or by the key", name, typ.Kind())
	}
}

// leaf follows path (field indices; -1 through a pointer, -2 into a
// slice's first element, copied first so the base fragment is not shared)
// on a fresh fullFragment, changes the value there and hands it to try.
func leaf(t *testing.T, path []int, name string, try func(string, postFragment), change func(reflect.Value)) {
	t.Helper()
	f := fullFragment()
	v := reflect.ValueOf(&f).Elem()
	for _, i := range path {
		switch i {
		case -1:
			cp := reflect.New(v.Type().Elem())
			cp.Elem().Set(v.Elem())
			v.Set(cp)
			v = cp.Elem()
		case -2:
			cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(cp, v)
			v.Set(cp)
			v = cp.Index(0)
		default:
			v = v.Field(i)
		}
	}
	change(v)
	try(name, f)
}

// TestFragmentKeyCoversEveryField changes each field the "post" template
// can read, one at a time, and requires a different key for each: a field
// the key left out would let one reader's rendering be served for another.
func TestFragmentKeyCoversEveryField(t *testing.T) {
	fc := newFragmentKeys()
	base := fullFragment()
	want := fc.key(&base)
	if again := fullFragment(); fc.key(&again) != want {
		t.Fatal("the same fragment gave two keys")
	}
	n := 0
	mutateLeaves(t, nil, reflect.TypeOf(postFragment{}), "postFragment", func(name string, f postFragment) {
		n++
		if fc.key(&f) == want {
			t.Errorf("changing %s does not change the fragment key", name)
		}
	})
	if n < 40 {
		t.Fatalf("only %d fields were tried; the walk is broken", n)
	}
	// Length prefixes keep neighbouring strings apart.
	a, b := fullFragment(), fullFragment()
	a.AuthorName, a.ReplyingTo = "ab", "c"
	b.AuthorName, b.ReplyingTo = "a", "bc"
	if fc.key(&a) == fc.key(&b) {
		t.Error(`("ab", "c") and ("a", "bc") share a key`)
	}
}

// TestCachedPostsRenderAsTheTemplateWould renders the same posts through
// the cache twice and once straight through the template: all three must
// be byte for byte the same.
func TestCachedPostsRenderAsTheTemplateWould(t *testing.T) {
	s := templatesServer(t)
	var posts []PostView
	for i := range 4 {
		f := fullFragment()
		f.ID = int64(i + 1)
		f.Mode = []string{"show", "warn", "hide", "show"}[i]
		f.Placeholder = ""
		if i == 3 {
			f.Placeholder = "This post was deleted by its author."
		}
		f.flags()
		posts = append(posts, f.PostView)
	}
	first, err := s.postFragments("en", posts, "/t/7", 7)
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.postFragments("en", posts, "/t/7", 7)
	if err != nil {
		t.Fatal(err)
	}
	for i, pv := range posts {
		direct, err := s.render.Fragment("thread/show", "en", "post", postFragment{PostView: pv, Back: "/t/7", ThreadID: 7, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if first[i] != direct || second[i] != direct {
			t.Errorf("post %d: the cached rendering differs from the template's", i)
		}
		if !strings.Contains(string(direct), fmt.Sprintf(`id="p-%d"`, pv.ID)) {
			t.Errorf("post %d: rendering lacks its anchor: %s", i, direct)
		}
	}
	if !strings.Contains(string(first[0]), `/t/7/reply?parent=1`) || !strings.Contains(string(first[0]), `value="/t/7"`) {
		t.Errorf("the page's thread id and URL are not in the post: %s", first[0])
	}
}

// TestBlankReplyFormFromTheCache checks that the reply form built from
// cached fields is byte for byte the form the composer template writes,
// that only its idempotency key changes between pages, and that
// blankReplyForm sets nothing its cache key leaves out.
func TestBlankReplyFormFromTheCache(t *testing.T) {
	s := templatesServer(t)
	vocab := []forum.Tag{{Slug: "abuse", Name: "Abuse", Description: "Emotional or physical abuse"}, {Slug: "self-harm", Name: "Self-harm", Description: "Hurting oneself"}}
	first, err := s.blankReplyForm("en", 7, vocab, true)
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.blankReplyForm("en", 7, vocab, true)
	if err != nil {
		t.Fatal(err)
	}
	if first.Idem == second.Idem || first.Idem == "" {
		t.Errorf("idempotency keys %q and %q: want a new one on every page", first.Idem, second.Idem)
	}
	for _, f := range []*ComposeForm{first, second} {
		cached, err := s.render.Fragment("thread/show", "en", "composer", f)
		if err != nil {
			t.Fatal(err)
		}
		plain := *f
		plain.Fields = ""
		direct, err := s.render.Fragment("thread/show", "en", "composer", plain)
		if err != nil {
			t.Fatal(err)
		}
		if cached != direct {
			t.Errorf("cached reply form differs from the template's:\n%s\nwant\n%s", cached, direct)
		}
		for _, want := range []string{`action="/t/7/replies"`, `name="idem" value="` + f.Idem + `"`, `value="self-harm"`, "Post reply"} {
			if !strings.Contains(string(cached), want) {
				t.Errorf("reply form lacks %s: %s", want, cached)
			}
		}
	}
	if other, err := s.blankReplyForm("en", 8, vocab, true); err != nil || s.fragKeys.formKey("en", other) == s.fragKeys.formKey("en", first) {
		t.Errorf("another thread's form shares the first one's key (err %v)", err)
	}
	if fewer, _ := s.blankReplyForm("en", 7, vocab[:1], true); strings.Contains(string(fewer.Fields), "self-harm") {
		t.Error("a form for a smaller vocabulary came from the cache of the larger one")
	}
	if named, _ := s.blankReplyForm("en", 7, vocab, false); strings.Contains(string(named.Fields), `name="anonymous"`) {
		t.Error("a form for a group without anonymous posts came from the cache of one with them")
	}
	// Every field blankReplyForm fills is in formKey; the rest stay zero.
	keyed := map[string]bool{"Action": true, "Tags": true, "Submit": true, "Idem": true, "Fields": true, "OfferAnonymous": true}
	rv := reflect.ValueOf(*first)
	for i := range rv.NumField() {
		name := rv.Type().Field(i).Name
		if !keyed[name] && !rv.Field(i).IsZero() {
			t.Errorf("blankReplyForm sets ComposeForm.%s, which formKey does not hash", name)
		}
	}
}
