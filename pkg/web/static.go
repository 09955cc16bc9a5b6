package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"

	"github.com/labstack/echo/v4"
)

// assets serves the embedded static tree under content-hashed URLs
// (/static/HASH/css/hearth.css), so files can be cached for a year and a new
// release is fetched at once.
type assets struct {
	files map[string]asset
}

type asset struct {
	hash string
	body []byte
	mod  time.Time
}

func newAssets(fsys fs.FS) (*assets, error) {
	a := &assets{files: map[string]asset{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) == ".go" {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a.files[p] = asset{hash: hex.EncodeToString(sum[:5]), body: b}
		return nil
	})
	return a, err
}

// url returns the versioned URL of a static file. An unknown name is an
// error, so a typo fails template execution (and the test that renders every
// page) instead of shipping a broken link.
func (a *assets) url(name string) (string, error) {
	f, ok := a.files[name]
	if !ok {
		return "", echo.NewHTTPError(http.StatusInternalServerError, "unknown static file "+name)
	}
	return "/static/" + f.hash + "/" + name, nil
}

// serve answers GET /static/:hash/*.
func (a *assets) serve(c echo.Context) error {
	name := c.Param("*")
	f, ok := a.files[name]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	if c.Param("hash") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		// An old page asking for an old version gets today's file, briefly cached.
		h.Set("Cache-Control", "public, max-age=300")
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		h.Set(echo.HeaderContentType, ct)
	}
	http.ServeContent(c.Response(), c.Request(), name, f.mod, bytes.NewReader(f.body))
	return nil
}
