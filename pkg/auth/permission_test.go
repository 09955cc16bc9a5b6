package auth

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

var permNow = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

// The cast. Group moderators look after groups 1 and 2; group 3 is someone
// else's.
var (
	visitor        *Actor
	member         = &Actor{ID: 10, Role: RoleMember, Status: StatusActive}
	otherMember    = &Actor{ID: 11, Role: RoleMember, Status: StatusActive}
	suspended      = &Actor{ID: 12, Role: RoleMember, Status: StatusSuspended, SuspendedUntil: permNow.Add(72 * time.Hour)}
	suspendedOver  = &Actor{ID: 13, Role: RoleMember, Status: StatusSuspended, SuspendedUntil: permNow.Add(-time.Minute)}
	suspendedOpen  = &Actor{ID: 14, Role: RoleMember, Status: StatusSuspended}
	datedOnly      = &Actor{ID: 15, Role: RoleMember, Status: StatusActive, SuspendedUntil: permNow.Add(time.Hour)}
	banned         = &Actor{ID: 16, Role: RoleMember, Status: StatusBanned}
	strange        = &Actor{ID: 17, Role: RoleMember, Status: "pending"}
	groupMod       = &Actor{ID: 20, Role: RoleModerator, Status: StatusActive, ModGroups: map[int64]bool{1: true, 2: true}, TOTPEnabled: true}
	otherGroupMod  = &Actor{ID: 21, Role: RoleModerator, Status: StatusActive, ModGroups: map[int64]bool{3: true}}
	siteMod        = &Actor{ID: 22, Role: RoleModerator, Status: StatusActive, SiteWide: true, TOTPEnabled: true}
	unscopedMod    = &Actor{ID: 23, Role: RoleModerator, Status: StatusActive}
	suspendedMod   = &Actor{ID: 24, Role: RoleModerator, Status: StatusSuspended, SiteWide: true, TOTPEnabled: true}
	admin          = &Actor{ID: 30, Role: RoleAdmin, Status: StatusActive, TOTPEnabled: true}
	otherAdmin     = &Actor{ID: 31, Role: RoleAdmin, Status: StatusActive}
	bannedAdmin    = &Actor{ID: 32, Role: RoleAdmin, Status: StatusBanned, TOTPEnabled: true}
	strangeRole    = &Actor{ID: 40, Role: "superuser", Status: StatusActive, SiteWide: true}
	memberWithMods = &Actor{ID: 41, Role: RoleMember, Status: StatusActive, SiteWide: true, ModGroups: map[int64]bool{1: true}}
)

func TestCanPost(t *testing.T) {
	tests := []struct {
		name  string
		actor *Actor
		want  error // nil, ErrLoginRequired, or a *SanctionError to match
	}{
		{"visitor", visitor, ErrLoginRequired},
		{"member", member, nil},
		{"moderator", groupMod, nil},
		{"admin", admin, nil},
		{"suspended until a future time", suspended, &SanctionError{Status: StatusSuspended, Until: suspended.SuspendedUntil}},
		{"suspension over", suspendedOver, nil},
		{"suspended without end", suspendedOpen, &SanctionError{Status: StatusSuspended}},
		{"active but dated suspension", datedOnly, &SanctionError{Status: StatusSuspended, Until: datedOnly.SuspendedUntil}},
		{"banned", banned, &SanctionError{Status: StatusBanned}},
		{"banned admin", bannedAdmin, &SanctionError{Status: StatusBanned}},
	}
	for _, tt := range tests {
		err := CanPost(tt.actor, permNow)
		switch want := tt.want.(type) {
		case nil:
			if err != nil {
				t.Errorf("%s: CanPost = %v, want nil", tt.name, err)
			}
		case *SanctionError:
			var se *SanctionError
			if !errors.As(err, &se) || se.Status != want.Status || !se.Until.Equal(want.Until) {
				t.Errorf("%s: CanPost = %#v, want %#v", tt.name, err, want)
			}
		default:
			if !errors.Is(err, want) {
				t.Errorf("%s: CanPost = %v, want %v", tt.name, err, want)
			}
		}
	}

	err := CanPost(strange, permNow)
	var se *SanctionError
	if err == nil || errors.As(err, &se) || errors.Is(err, ErrLoginRequired) {
		t.Errorf("unknown status: CanPost = %v, want a plain refusal", err)
	}
	if ends := CanPost(suspended, suspended.SuspendedUntil); ends != nil {
		t.Errorf("suspension still blocks at the moment it ends: %v", ends)
	}
}

func TestSanctionErrorMessage(t *testing.T) {
	tests := []struct {
		err  *SanctionError
		want string
	}{
		{&SanctionError{Status: StatusBanned}, "banned"},
		{&SanctionError{Status: StatusSuspended}, "until a moderator lifts"},
		{&SanctionError{Status: StatusSuspended, Until: time.Date(2026, 5, 4, 14, 30, 0, 0, time.FixedZone("CEST", 7200))}, "until 4 May 2026 12:30 UTC"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); !strings.Contains(got, tt.want) {
			t.Errorf("Error() = %q, want it to contain %q", got, tt.want)
		}
	}
}

func TestStaffChecks(t *testing.T) {
	tests := []struct {
		name                 string
		actor                *Actor
		staff, admin, needs2 bool
	}{
		{"visitor", visitor, false, false, false},
		{"member", member, false, false, false},
		{"member with stray moderator fields", memberWithMods, false, false, false},
		{"group moderator with TOTP", groupMod, true, false, false},
		{"group moderator without TOTP", otherGroupMod, true, false, true},
		{"site moderator", siteMod, true, false, false},
		{"moderator without groups", unscopedMod, true, false, true},
		{"suspended moderator", suspendedMod, false, false, false},
		{"admin with TOTP", admin, true, true, false},
		{"admin without TOTP", otherAdmin, true, true, true},
		{"banned admin", bannedAdmin, false, false, false},
		{"unknown role", strangeRole, false, false, false},
	}
	for _, tt := range tests {
		if got := IsStaff(tt.actor); got != tt.staff {
			t.Errorf("%s: IsStaff = %v, want %v", tt.name, got, tt.staff)
		}
		if got := CanAdmin(tt.actor); got != tt.admin {
			t.Errorf("%s: CanAdmin = %v, want %v", tt.name, got, tt.admin)
		}
		if got := StaffNeedsTOTP(tt.actor, true); got != tt.needs2 {
			t.Errorf("%s: StaffNeedsTOTP(required) = %v, want %v", tt.name, got, tt.needs2)
		}
		if StaffNeedsTOTP(tt.actor, false) {
			t.Errorf("%s: StaffNeedsTOTP(optional) = true", tt.name)
		}
	}
}

func TestCanModerate(t *testing.T) {
	tests := []struct {
		name  string
		actor *Actor
		group int64
		want  bool
	}{
		{"visitor", visitor, 1, false},
		{"member", member, 1, false},
		{"member with stray moderator fields", memberWithMods, 1, false},
		{"group moderator in own group", groupMod, 1, true},
		{"group moderator in second group", groupMod, 2, true},
		{"group moderator in another group", groupMod, 3, false},
		{"group moderator site-wide", groupMod, 0, false},
		{"other group moderator in group 1", otherGroupMod, 1, false},
		{"other group moderator in own group", otherGroupMod, 3, true},
		{"site moderator anywhere", siteMod, 3, true},
		{"site moderator site-wide", siteMod, 0, true},
		{"moderator without groups", unscopedMod, 1, false},
		{"suspended moderator", suspendedMod, 1, false},
		{"admin", admin, 3, true},
		{"admin site-wide", admin, 0, true},
		{"banned admin", bannedAdmin, 1, false},
		{"unknown role", strangeRole, 1, false},
	}
	for _, tt := range tests {
		if got := CanModerate(tt.actor, tt.group); got != tt.want {
			t.Errorf("%s: CanModerate(group %d) = %v, want %v", tt.name, tt.group, got, tt.want)
		}
	}
}

func TestModerationScope(t *testing.T) {
	tests := []struct {
		name   string
		actor  *Actor
		all    bool
		groups []int64
	}{
		{"visitor", visitor, false, nil},
		{"member", member, false, nil},
		{"member with stray moderator fields", memberWithMods, false, nil},
		{"group moderator", groupMod, false, []int64{1, 2}},
		{"site moderator", siteMod, true, nil},
		{"admin", admin, true, nil},
		{"suspended moderator", suspendedMod, false, nil},
		{"moderator with a revoked group", &Actor{ID: 50, Role: RoleModerator, Status: StatusActive, ModGroups: map[int64]bool{5: false, 4: true}}, false, []int64{4}},
	}
	for _, tt := range tests {
		all, groups := ModerationScope(tt.actor)
		if all != tt.all || !slices.Equal(groups, tt.groups) {
			t.Errorf("%s: ModerationScope = %v, %v; want %v, %v", tt.name, all, groups, tt.all, tt.groups)
		}
	}
}

func TestCanEditPost(t *testing.T) {
	tests := []struct {
		name   string
		actor  *Actor
		author int64
		want   bool
	}{
		{"visitor", visitor, 10, false},
		{"author", member, member.ID, true},
		{"someone else", otherMember, member.ID, false},
		{"moderator on a member's post", groupMod, member.ID, false},
		{"admin on a member's post", admin, member.ID, false},
		{"moderator on own post", groupMod, groupMod.ID, true},
		{"suspended author", suspended, suspended.ID, false},
		{"banned author", banned, banned.ID, false},
		{"post by a deleted account", &Actor{ID: 0, Role: RoleMember, Status: StatusActive}, 0, false},
	}
	for _, tt := range tests {
		if got := CanEditPost(tt.actor, tt.author); got != tt.want {
			t.Errorf("%s: CanEditPost = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCanSanction(t *testing.T) {
	tests := []struct {
		name          string
		actor, target *Actor
		group         int64
		want          bool
	}{
		{"visitor", visitor, member, 1, false},
		{"member on member", member, otherMember, 1, false},
		{"group moderator on member in own group", groupMod, member, 1, true},
		{"group moderator on member in another group", groupMod, member, 3, false},
		{"group moderator site-wide", groupMod, member, 0, false},
		{"group moderator on suspended member", groupMod, suspended, 2, true},
		{"group moderator on another moderator", groupMod, otherGroupMod, 1, false},
		{"group moderator on site moderator", groupMod, siteMod, 1, false},
		{"group moderator on admin", groupMod, admin, 1, false},
		{"group moderator on self", groupMod, groupMod, 1, false},
		{"site moderator on member anywhere", siteMod, member, 3, true},
		{"site moderator on member site-wide", siteMod, member, 0, true},
		{"site moderator on group moderator", siteMod, groupMod, 1, false},
		{"site moderator on admin", siteMod, admin, 0, false},
		{"site moderator on unknown role", siteMod, strangeRole, 0, false},
		{"suspended moderator on member", suspendedMod, member, 1, false},
		{"admin on member", admin, member, 3, true},
		{"admin on moderator", admin, siteMod, 0, true},
		{"admin on other admin", admin, otherAdmin, 0, true},
		{"admin on self", admin, admin, 0, false},
		{"admin on self by another pointer", admin, &Actor{ID: admin.ID, Role: RoleMember, Status: StatusActive}, 0, false},
		{"admin on nobody", admin, nil, 0, false},
		{"banned admin on member", bannedAdmin, member, 0, false},
		{"unknown role on member", strangeRole, member, 1, false},
	}
	for _, tt := range tests {
		if got := CanSanction(tt.actor, tt.target, tt.group); got != tt.want {
			t.Errorf("%s: CanSanction(group %d) = %v, want %v", tt.name, tt.group, got, tt.want)
		}
	}
}

func TestCanViewHeld(t *testing.T) {
	tests := []struct {
		name          string
		actor         *Actor
		author, group int64
		want          bool
	}{
		{"visitor", visitor, member.ID, 1, false},
		{"author", member, member.ID, 1, true},
		{"suspended author", suspended, suspended.ID, 1, true},
		{"other member", otherMember, member.ID, 1, false},
		{"group moderator in own group", groupMod, member.ID, 1, true},
		{"group moderator in another group", groupMod, member.ID, 3, false},
		{"site moderator", siteMod, member.ID, 3, true},
		{"suspended moderator", suspendedMod, member.ID, 1, false},
		{"admin", admin, member.ID, 3, true},
		{"deleted author", &Actor{ID: 0, Role: RoleMember, Status: StatusActive}, 0, 1, false},
	}
	for _, tt := range tests {
		if got := CanViewHeld(tt.actor, tt.author, tt.group); got != tt.want {
			t.Errorf("%s: CanViewHeld = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRoleAndStatusValid(t *testing.T) {
	for _, r := range []Role{RoleMember, RoleModerator, RoleAdmin} {
		if !r.Valid() {
			t.Errorf("%q not valid", r)
		}
	}
	for _, r := range []Role{"", "Admin", "superuser"} {
		if r.Valid() {
			t.Errorf("role %q valid", r)
		}
	}
	for _, s := range []Status{StatusActive, StatusSuspended, StatusBanned} {
		if !s.Valid() {
			t.Errorf("%q not valid", s)
		}
	}
	for _, s := range []Status{"", "Active", "pending"} {
		if s.Valid() {
			t.Errorf("status %q valid", s)
		}
	}
}

func TestActingActorWithholdsStaffPowersUntilTOTP(t *testing.T) {
	for _, tt := range []struct {
		name     string
		actor    *Actor
		withheld bool
	}{
		{"visitor", visitor, false},
		{"member", member, false},
		{"group moderator with TOTP", groupMod, false},
		{"group moderator without TOTP", otherGroupMod, true},
		{"moderator without groups", unscopedMod, true},
		{"suspended moderator", suspendedMod, false},
		{"admin with TOTP", admin, false},
		{"admin without TOTP", otherAdmin, true},
	} {
		acting, withheld := ActingActor(tt.actor, true)
		if withheld != tt.withheld {
			t.Errorf("%s: withheld = %v, want %v", tt.name, withheld, tt.withheld)
		}
		if !withheld {
			if acting != tt.actor {
				t.Errorf("%s: actor replaced although nothing was withheld", tt.name)
			}
			continue
		}
		if IsStaff(acting) || CanAdmin(acting) || CanModerate(acting, 3) || CanModerate(acting, 0) || CanViewHeld(acting, 99, 3) {
			t.Errorf("%s: staff powers kept without TOTP: %+v", tt.name, acting)
		}
		if acting.ID != tt.actor.ID || acting.Status != tt.actor.Status || CanPost(acting, permNow) != nil || !CanEditPost(acting, tt.actor.ID) {
			t.Errorf("%s: member powers lost: %+v", tt.name, acting)
		}
		if !IsStaff(tt.actor) {
			t.Errorf("%s: the original actor was changed", tt.name)
		}
		if a, w := ActingActor(tt.actor, false); w || a != tt.actor {
			t.Errorf("%s: powers withheld with TOTP optional", tt.name)
		}
	}
}

func TestCanChangeRole(t *testing.T) {
	for _, tt := range []struct {
		name   string
		actor  *Actor
		target *Actor
		want   bool
	}{
		{"admin on member", admin, member, true},
		{"admin on moderator", admin, groupMod, true},
		{"admin on another admin", admin, otherAdmin, false},
		{"admin on self", admin, admin, false},
		{"banned admin", bannedAdmin, member, false},
		{"site moderator", siteMod, member, false},
		{"member", member, otherMember, false},
		{"visitor", visitor, member, false},
	} {
		if got := CanChangeRole(tt.actor, tt.target.ID, tt.target.Role); got != tt.want {
			t.Errorf("%s: CanChangeRole = %v, want %v", tt.name, got, tt.want)
		}
	}
}
