package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"hearth/pkg/auth"
	"hearth/pkg/forum"
)

// settingsDeletePage explains the two choices.
func (s *Server) settingsDeletePage(c echo.Context) error {
	return s.renderDelete(c, "", nil, http.StatusOK)
}

func (s *Server) renderDelete(c echo.Context, mode string, v *forum.ValidationError, status int) error {
	return renderPage(c, status, pageSettingsDelete, DeleteView{Base: s.base(c, s.tr(c, "Delete your account")), Mode: mode, Errors: formErrors(v, "mode")})
}

// renderDeleteConfirm is the confirmation step: what the chosen mode does
// to the member's posts, and the password that confirms it.
func (s *Server) renderDeleteConfirm(c echo.Context, mode string, v *forum.ValidationError, status int) error {
	what := s.tr(c, "Your account, sessions, recovery codes, two-factor key and settings are deleted, and you are logged out. Your posts stay, shown as by “former member”.")
	if auth.DeleteMode(mode) == auth.DeleteErase {
		what = s.tr(c, "Your account, sessions, recovery codes, two-factor key and settings are deleted, and you are logged out. The words of your posts are erased.")
	}
	return renderPage(c, status, pageConfirm, ConfirmView{Base: s.base(c, s.tr(c, "Delete your account for good?")),
		Question: s.tr(c, "Delete your account for good?"), Consequence: what, Final: true,
		Action: "/settings/delete", Fields: []HiddenField{{Name: "mode", Value: mode}},
		Password: true, Errors: formErrors(v, "current_password"),
		Button: s.tr(c, "Yes, delete my account"), Cancel: "/settings", CancelLabel: s.tr(c, "Cancel, keep my account")})
}

// unfinishedDeletion says, for each mode, what a deletion that stopped
// partway has done: a large account's posts are done a batch at a time.
var unfinishedDeletion = map[auth.DeleteMode]string{
	auth.DeleteErase:     msg("Your account is not deleted yet: deleting it stopped partway. Some of your posts are already erased; your account and your other posts are as they were. Type your password and try again to finish."),
	auth.DeleteAnonymise: msg("Your account is not deleted yet: deleting it stopped partway. Some of your posts already show “former member”; your account and your other posts are as they were. Type your password and try again to finish."),
}

// settingsDelete asks first (the confirmation step, with the password),
// then deletes the account, logs out and says goodbye.
func (s *Server) settingsDelete(c echo.Context) error {
	mode := postValue(c, "mode")
	if auth.DeleteMode(mode) != auth.DeleteAnonymise && auth.DeleteMode(mode) != auth.DeleteErase {
		v := &forum.ValidationError{}
		v.Add("mode", msg("Please choose what should happen to your posts."))
		return s.renderDelete(c, "", v, http.StatusUnprocessableEntity)
	}
	if !confirmed(c) {
		return s.renderDeleteConfirm(c, mode, nil, http.StatusOK)
	}
	outcome, err := s.deps.Auth.DeleteAccount(c.Request().Context(), principal(c), postValue(c, "current_password"), auth.DeleteMode(mode), s.clientKey(c))
	if err != nil {
		var unfinished *auth.UnfinishedDeletionError
		if errors.As(err, &unfinished) {
			// Nothing is lost and nothing is hidden: the member learns
			// what was done and how to finish.
			retryAfter(c, outageRetry)
			v := &forum.ValidationError{}
			v.Add("current_password", unfinishedDeletion[auth.DeleteMode(mode)])
			return s.renderDeleteConfirm(c, mode, v, http.StatusServiceUnavailable)
		}
		v, te := asValidation(err)
		switch {
		case te != nil:
			return s.renderThrottled(c, te)
		case v != nil:
			return s.renderDeleteConfirm(c, mode, v, http.StatusUnprocessableEntity)
		}
		return err
	}
	s.clearSessionCookie(c)
	if outcome == auth.DeletionContinues {
		return c.Redirect(http.StatusSeeOther, "/goodbye?continuing="+mode)
	}
	return c.Redirect(http.StatusSeeOther, "/goodbye")
}

// stillBeingDone says, for each mode, what goes on after a large
// account's deletion has been answered.
var stillBeingDone = map[auth.DeleteMode]string{
	auth.DeleteErase:     msg("You are logged out, and nobody can sign in to your account again. You wrote a lot, so your posts are still being erased: that finishes within minutes, even if Hearth restarts, and then your account and settings are gone too."),
	auth.DeleteAnonymise: msg("You are logged out, and nobody can sign in to your account again. You wrote a lot, so your posts are still being changed to show “former member”: that finishes within minutes, even if Hearth restarts, and then your account and settings are gone too."),
}

// goodbye is shown after an account is deleted, or, with continuing
// naming the mode, after a large one's deletion has begun.
func (s *Server) goodbye(c echo.Context) error {
	if still, ok := stillBeingDone[auth.DeleteMode(c.QueryParam("continuing"))]; ok {
		return renderPage(c, http.StatusOK, pageGoodbye, GoodbyeView{Base: s.base(c, s.tr(c, "Your account is being deleted")), StillBeingDone: s.tr(c, still)})
	}
	return renderPage(c, http.StatusOK, pageGoodbye, GoodbyeView{Base: s.base(c, s.tr(c, "Your account is deleted"))})
}
