package auth_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
	"hearth/pkg/forumtest"
	"hearth/pkg/store"
)

func newService(t *testing.T, db *store.DB) *auth.Service {
	t.Helper()
	h, err := auth.NewHasher(auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, 4)
	if err != nil {
		t.Fatal(err)
	}
	return auth.NewService(store.NewAuth(db), h, forumtest.Secret)
}

func TestRecoveryCodeWorksOnceEvenWhenRaced(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		res, err := s.SignUp(ctx, auth.SignUpInput{Username: "racer", Password: "kettle orbit lantern"})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		wins := 0
		for i := range 8 {
			wg.Go(func() {
				_, err := s.Recover(ctx, auth.RecoverInput{Username: "racer", Code: res.Codes[0], Password: "new password number " + string(rune('a'+i))})
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					wins++
				case !errors.Is(err, auth.ErrBadRecovery):
					t.Errorf("recover: %v", err)
				}
			})
		}
		wg.Wait()
		if wins != 1 {
			t.Fatalf("one code recovered the account %d times", wins)
		}
	})
}

func TestSignUpRaceForOneNameCreatesOneAccount(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		var wg sync.WaitGroup
		var mu sync.Mutex
		created, taken := 0, 0
		for _, name := range []string{"twin", "Twin", "TWIN", "tw1n", "twin", "T.win"} {
			wg.Go(func() {
				_, err := s.SignUp(ctx, auth.SignUpInput{Username: name, Password: "kettle orbit lantern"})
				mu.Lock()
				defer mu.Unlock()
				v, ok := forum.AsValidation(err)
				switch {
				case err == nil:
					created++
				case ok && strings.Contains(v.Fields["username"], "taken"):
					taken++
				default:
					t.Errorf("%s: %v", name, err)
				}
			})
		}
		wg.Wait()
		if created != 1 || taken != 5 {
			t.Fatalf("created %d, taken %d", created, taken)
		}
	})
}

func TestCreateAdminAllowsReservedNamesAndPromotes(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		created, err := s.CreateAdmin(ctx, "admin", "a long admin password")
		if err != nil || !created {
			t.Fatalf("create admin: %v %v", created, err)
		}
		if _, err := s.SignUp(ctx, auth.SignUpInput{Username: "Admin", Password: "kettle orbit lantern"}); err == nil {
			t.Fatal("a member took a name like the admin's")
		}
		res, err := s.SignUp(ctx, auth.SignUpInput{Username: "sage", Password: "kettle orbit lantern"})
		if err != nil {
			t.Fatal(err)
		}
		created, err = s.CreateAdmin(ctx, "SAGE", "a long admin password")
		if err != nil || created {
			t.Fatalf("promote: %v %v", created, err)
		}
		if _, err := s.Resolve(ctx, res.Token); !errors.Is(err, auth.ErrNoSession) {
			t.Fatalf("promoted member's session survived: %v", err)
		}
		var role string
		db.R.Raw("SELECT role FROM users WHERE username = 'sage'").Row().Scan(&role)
		if role != "admin" {
			t.Fatalf("role %s", role)
		}
		var fe *auth.FieldError
		if _, err := s.CreateAdmin(ctx, "keeper", "short"); !errors.As(err, &fe) || fe.Field != "password" {
			t.Fatalf("short password: %v", err)
		}
	})
}

func TestThrottleTableForgetsOldFailures(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		clock := s.Now()
		s.SetClock(func() time.Time { return clock })
		for range 3 {
			if _, err := s.Login(ctx, auth.LoginInput{Username: "ghost", Password: "whatever it is", ClientKey: "k"}); !errors.Is(err, auth.ErrBadCredentials) {
				t.Fatal(err)
			}
		}
		var n int64
		db.R.Table("login_failures").Count(&n)
		if n != 6 {
			t.Fatalf("%d rows for 3 failures on two keys", n)
		}
		clock = clock.Add(auth.ThrottleWindow + time.Second)
		s.Login(ctx, auth.LoginInput{Username: "ghost", Password: "whatever it is", ClientKey: "k"})
		db.R.Table("login_failures").Count(&n)
		if n != 2 {
			t.Fatalf("%d rows after the window passed, want only the newest failure's 2", n)
		}
	})
}

// TestDeleteAccountSentTwiceEndsDeleted: the deletion form sent twice at
// once (a double click) deletes the account, and neither request is
// told it failed or stopped partway: a deletion that finds the account
// already gone is done.
func TestDeleteAccountSentTwiceEndsDeleted(t *testing.T) {
	forumtest.EachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		res, err := s.SignUp(ctx, auth.SignUpInput{Username: "twice", Password: "kettle orbit lantern"})
		if err != nil {
			t.Fatal(err)
		}
		th := forumtest.InsertThread(t, db, "grief", res.User.ID, "Twice", nil, time.Now().UTC())
		for i := range 30 {
			forumtest.InsertPost(t, db, th, res.User.ID, "Words said twice.", time.Now().UTC().Add(time.Duration(i+1)*time.Second))
		}
		p := &auth.Principal{User: res.User}
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				if outcome, err := s.DeleteAccount(ctx, p, "kettle orbit lantern", auth.DeleteErase, "client"); err != nil || outcome != auth.Deleted {
					t.Errorf("a deletion sent again: %v, %v", outcome, err)
				}
			})
		}
		wg.Wait()
		var left int64
		if err := db.W.Raw("SELECT COUNT(*) FROM users WHERE id = ?", res.User.ID).Scan(&left).Error; err != nil || left != 0 {
			t.Fatalf("the account is still there (%d, %v)", left, err)
		}
		if err := db.W.Raw("SELECT COUNT(*) FROM posts WHERE body_md = ?", "Words said twice.").Scan(&left).Error; err != nil || left != 0 {
			t.Fatalf("%d posts kept their words (%v)", left, err)
		}
	})
}
