package web

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// ticked reads a checkbox: a ticked box sends its value ("yes"); nothing,
// or a script's plain no, is not ticked.
func ticked(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "no", "false", "0", "off":
		return false
	}
	return true
}

// confirmed reports whether a form's "confirm" box was ticked: the step,
// needing no script, that stands before an action that cannot be undone
// or that a slip makes easy.
func confirmed(c echo.Context) bool {
	return ticked(c.FormValue("confirm"))
}
