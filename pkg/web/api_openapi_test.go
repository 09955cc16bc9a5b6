package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"hearth/pkg/forumtest"
)

// openAPIFile is the API's description, which every answer is checked
// against.
const openAPIFile = "../../docs/openapi.yaml"

// apiSpec checks the API's real answers against docs/openapi.yaml with
// kin-openapi: each documented status, header and body, every field typed
// and required as documented, and (the schemas forbid additional
// properties) no field the file does not describe. It records which
// documented paths were checked.
type apiSpec struct {
	t       *testing.T
	doc     *openapi3.T
	router  routers.Router
	checked map[string]bool
}

func newAPISpec(t *testing.T) *apiSpec {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(openAPIFile)
	if err != nil {
		t.Fatalf("load %s: %v", openAPIFile, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("%s is not a valid OpenAPI document: %v", openAPIFile, err)
	}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &apiSpec{t: t, doc: doc, router: router, checked: map[string]bool{}}
}

// get sends a GET for path (headers as name, value pairs) through c and
// checks the answer against the document.
func (s *apiSpec) get(c *forumtest.Client, path string, header ...string) *forumtest.Response {
	s.t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	r := c.Do(req)
	if err := s.validate(req, r); err != nil {
		s.t.Errorf("GET %s (%d) does not match %s: %v\n%s", path, r.StatusCode, openAPIFile, err, r.Body)
	}
	return r
}

// validate checks one answer; errors name what does not match.
func (s *apiSpec) validate(req *http.Request, r *forumtest.Response) error {
	route, params, err := s.router.FindRoute(req)
	if err != nil {
		return err
	}
	s.checked[route.Path] = true
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		return err
	}
	return openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: r.StatusCode, Header: r.Header,
		Body: io.NopCloser(strings.NewReader(r.Body)), Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	})
}

// errorShape checks an error answer from a path the document does not
// list (an unknown path, a wrong method) against its Error schema.
func (s *apiSpec) errorShape(r *forumtest.Response, code string) {
	s.t.Helper()
	var v any
	if err := json.Unmarshal([]byte(r.Body), &v); err != nil {
		s.t.Fatalf("error answer is not JSON: %v\n%s", err, r.Body)
	}
	if err := s.doc.Components.Schemas["Error"].Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
		s.t.Errorf("error answer does not match the Error schema: %v\n%s", err, r.Body)
	}
	if got := apiErrorCode(s.t, r); got != code {
		s.t.Errorf("error code %q, want %q", got, code)
	}
}

// allChecked fails unless every path the document lists was checked.
func (s *apiSpec) allChecked() {
	s.t.Helper()
	var missing []string
	for _, p := range s.doc.Paths.InMatchingOrder() {
		if !s.checked[p] {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		s.t.Errorf("documented paths no test called: %v", missing)
	}
}

func apiErrorCode(t *testing.T, r *forumtest.Response) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal([]byte(r.Body), &e); err != nil {
		t.Fatalf("not an error answer: %v\n%s", err, r.Body)
	}
	if e.Error.Message == "" {
		t.Errorf("error without a message: %s", r.Body)
	}
	return e.Error.Code
}

// TestOpenAPICheckerRefusesWhatIsNotDocumented shows the checker can fail:
// a field the document does not describe, a wrong type and a missing
// required field are each refused.
func TestOpenAPICheckerRefusesWhatIsNotDocumented(t *testing.T) {
	s := newAPISpec(t)
	group := `{"slug":"grief","name":"Grief","description":"","archived":false,"thread_count":1,"post_count":2,` +
		`"last_activity_at":null,"url":"http://x/g/grief","feed_url":"http://x/g/grief/feed.atom","threads_url":"http://x/api/v1/groups/grief/threads"`
	header := http.Header{"Content-Type": {"application/json"}, "Etag": {`"x"`}, "Cache-Control": {"public"}}
	for body, ok := range map[string]bool{
		`{"groups":[` + group + `}]}`:                                                               true,
		`{"groups":[` + group + `,"moderators":["A"]}]}`:                                            false,
		`{"groups":[` + strings.Replace(group, `"thread_count":1`, `"thread_count":"1"`, 1) + `}]}`: false,
		`{"groups":[` + strings.Replace(group, `"slug":"grief",`, ``, 1) + `}]}`:                    false,
	} {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/groups", nil)
		err := s.validate(req, &forumtest.Response{Response: &http.Response{StatusCode: http.StatusOK, Header: header}, Body: body})
		if (err == nil) != ok {
			t.Errorf("body %s: validation error %v, want ok=%v", body, err, ok)
		}
	}
}
