package forumtest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// Client sends requests through a handler (the whole Echo stack, middleware
// included) and keeps cookies between them like a browser.
type Client struct {
	t       testing.TB
	h       http.Handler
	cookies map[string]*http.Cookie
	// Header is added to every request (e.g. Origin for cross-origin tests).
	Header http.Header
}

// NewClient returns a client for h with an empty cookie jar.
func NewClient(t testing.TB, h http.Handler) *Client {
	return &Client{t: t, h: h, cookies: map[string]*http.Cookie{}, Header: http.Header{}}
}

// Response is a finished response with its body read.
type Response struct {
	*http.Response
	Body string
}

// Do sends req and records cookies the response sets.
func (c *Client) Do(req *http.Request) *Response {
	c.t.Helper()
	for k, vs := range c.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	res := rec.Result()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
			continue
		}
		c.cookies[ck.Name] = ck
	}
	b, _ := io.ReadAll(res.Body)
	return &Response{Response: res, Body: string(b)}
}

// Get fetches path.
func (c *Client) Get(path string) *Response {
	c.t.Helper()
	return c.Do(httptest.NewRequest(http.MethodGet, path, nil))
}

// PostForm submits form to path as a same-origin browser would.
func (c *Client) PostForm(path string, form url.Values) *Response {
	c.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return c.Do(req)
}

// Cookie returns the stored cookie called name, or nil.
func (c *Client) Cookie(name string) *http.Cookie { return c.cookies[name] }

// SetCookie stores ck as if a response had set it.
func (c *Client) SetCookie(ck *http.Cookie) { c.cookies[ck.Name] = ck }

// Follow fetches the Location of a redirect response.
func (c *Client) Follow(r *Response) *Response {
	c.t.Helper()
	loc := r.Header.Get("Location")
	if loc == "" {
		c.t.Fatalf("response %d has no Location", r.StatusCode)
	}
	return c.Get(loc)
}
