package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the server's and the test's
// goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startRouter runs the service on a free loopback port until the test
// ends, waits until it is ready and returns its base URL and log.
func startRouter(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	addrs := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), logs, func(addr string) { addrs <- addr })
	}()
	var base string
	select {
	case addr := <-addrs:
		base = "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("router stopped before listening: %v\n%s", err, logs)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(15 * time.Second):
			t.Error("router did not stop within 15 s")
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base, logs
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("router not ready after 20 s\n%s", logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func post(t *testing.T, url, contentType, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(url, contentType, strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if len(data) > 0 {
		require.NoError(t, json.Unmarshal(data, &out), "body %s", data)
	}
	return resp.StatusCode, out
}

func TestMatchEmbeddedSample(t *testing.T) {
	base, _ := startRouter(t)
	tests := []struct {
		name     string
		body     string
		decision string
		account  string
	}{
		{"email and company", `{"id": "L1", "email": "b.okafor@exedy.com", "company": "EXEDY Corp", "country": "JP"}`, "match", "T015"},
		{"website only", `{"website": "https://www.renishaw.com/en"}`, "match", "T008"},
		{"company only", `{"company": "NVIDIA Corporation"}`, "match", "T009"},
		{"free mail and unknown company", `{"email": "someone@gmail.com", "company": "Nobody Known Ltd"}`, "non-match", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out := post(t, base+"/match", "application/json", tt.body)
			require.Equal(t, http.StatusOK, status, "%v", out)
			assert.Equal(t, tt.decision, out["decision"])
			reasons, _ := out["reasons"].([]any)
			assert.NotEmpty(t, reasons)
			if tt.account == "" {
				assert.Nil(t, out["account"])
				return
			}
			account, ok := out["account"].(map[string]any)
			require.True(t, ok, "account missing in %v", out)
			assert.Equal(t, tt.account, account["id"])
		})
	}
}

func TestMatchRejectsBadRequests(t *testing.T) {
	base, logs := startRouter(t, "-max-body", "2048", "-max-batch", "3")
	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		status      int
		message     string
	}{
		{"malformed JSON", "POST", "/match", "application/json", `{"email": `, 400, "invalid JSON request"},
		{"not an object", "POST", "/match", "application/json", `["a"]`, 400, "invalid JSON request"},
		{"unknown field", "POST", "/match", "application/json", `{"mail": "a@b.example"}`, 400, `unknown field "mail"`},
		{"two objects", "POST", "/match", "application/json", `{"company": "A"} {"company": "B"}`, 400, "unexpected data after the JSON object"},
		{"wrong type", "POST", "/match", "application/json", `{"company": 12}`, 400, `field "company" must be string`},
		{"empty body", "POST", "/match", "application/json", ``, 400, "empty request body"},
		{"empty lead", "POST", "/match", "application/json", `{"country": "US"}`, 400, "needs at least one of email, company or website"},
		{"field too long", "POST", "/match", "application/json", `{"company": "` + strings.Repeat("a", 1500) + `"}`, 400, "field company is 1500 bytes long"},
		{"oversized body", "POST", "/match", "application/json", `{"company": "` + strings.Repeat("a", 5000) + `"}`, 413, "request body larger than 2048 bytes"},
		{"form content type", "POST", "/match", "application/x-www-form-urlencoded", `company=Acme`, 415, "is not JSON"},
		{"batch too large", "POST", "/match/batch", "application/json", `{"leads": [{"company": "A"}, {"company": "B"}, {"company": "C"}, {"company": "D"}]}`, 413, "the maximum is 3"},
		{"batch empty", "POST", "/match/batch", "application/json", `{"leads": []}`, 400, "the batch has no leads"},
		{"unknown path", "GET", "/leads", "", ``, 404, "page not found"},
		{"wrong method", "GET", "/match", "", ``, 405, "Method Not Allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, base+tt.path, strings.NewReader(tt.body))
			require.NoError(t, err)
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			data, _ := io.ReadAll(resp.Body)
			assert.Equal(t, tt.status, resp.StatusCode, "body %s", data)
			message := string(data)
			var e errorResponse
			if json.Unmarshal(data, &e) == nil {
				message = e.Error
			}
			assert.Contains(t, message, tt.message)
		})
	}
	// The service keeps serving after the rejected requests.
	status, out := post(t, base+"/match", "application/json", `{"company": "Exedy"}`)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "match", out["decision"])
	assert.NotContains(t, logs.String(), "level=ERROR")
}

func TestMatchBatch(t *testing.T) {
	base, _ := startRouter(t)
	body := `{"leads": [
		{"id": "a", "email": "d.brown@lecip.co.jp", "company": "LECIP CORPORATION"},
		{"id": "b", "country": "US"},
		{"id": "c", "email": "x@unknown-company.example"}
	]}`
	status, out := post(t, base+"/match/batch", "application/json", body)
	require.Equal(t, http.StatusOK, status, "%v", out)
	results, ok := out["results"].([]any)
	require.True(t, ok)
	require.Len(t, results, 3)
	first := results[0].(map[string]any)
	assert.Equal(t, "a", first["id"])
	assert.Equal(t, "match", first["decision"])
	assert.Equal(t, "T021", first["account"].(map[string]any)["id"])
	second := results[1].(map[string]any)
	assert.Contains(t, second["error"], "lead 1: the lead needs at least one of")
	counts := out["counts"].(map[string]any)
	assert.Equal(t, map[string]any{"leads": 3.0, "matched": 1.0, "unmatched": 1.0, "rejected": 1.0}, counts)
}

func TestHealthAndReadiness(t *testing.T) {
	base, _ := startRouter(t)
	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	rt := &router{cfg: config{maxBodyBytes: 1 << 20, maxBatch: 10}, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	for _, path := range []string{"/readyz", "/match"} {
		rec := httptest.NewRecorder()
		method := "GET"
		if path == "/match" {
			method = "POST"
		}
		rt.routes().ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader(`{"company": "Acme"}`)))
		assert.Equal(t, http.StatusServiceUnavailable, rec.Code, path)
		assert.Equal(t, "1", rec.Header().Get("Retry-After"), path)
	}
}

func TestLoadAccountsFile(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "companies.csv")
	require.NoError(t, os.WriteFile(csvPath, []byte("Record ID,Company name,Company Domain Name,Country/Region\n"+
		"101,Renishaw,renishaw.com,United Kingdom\n"+
		"102,IPG Photonics,ipgphotonics.com,United States\n"+
		"102,Repeated ID Inc.,repeated.example,\n"+
		"103,Short row\n"), 0o600))
	base, logs := startRouter(t, "-accounts", csvPath)
	status, out := post(t, base+"/match", "application/json", `{"email": "jo@renishaw.com", "country": "UK"}`)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "101", out["account"].(map[string]any)["id"])
	assert.Contains(t, fmt.Sprint(out["reasons"]), "country same")
	assert.Contains(t, logs.String(), "skipped_rows=2")

	// A different country counts against the match, so the same domain
	// alone is no longer a sure match.
	status, out = post(t, base+"/match", "application/json", `{"email": "jo@renishaw.com", "country": "Germany"}`)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "possible", out["decision"])
	assert.Contains(t, fmt.Sprint(out["reasons"]), "country different")

	jsonlPath := filepath.Join(dir, "accounts.jsonl")
	require.NoError(t, os.WriteFile(jsonlPath, []byte(`{"Account ID": "A1", "Account Name": "Zinpro", "Website": "zinpro.com"}`+"\n"), 0o600))
	base, _ = startRouter(t, "-accounts", jsonlPath)
	status, out = post(t, base+"/match", "application/json", `{"website": "www.zinpro.com"}`)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "A1", out["account"].(map[string]any)["id"])
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	badHeader := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(badHeader, []byte("foo,bar\n1,2\n"), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"-port", "1"}, "flag provided but not defined"},
		{"argument", []string{"accounts.csv"}, `unexpected argument "accounts.csv"`},
		{"bad format", []string{"-format", "excel"}, `-format: unknown export format "excel"`},
		{"bad columns", []string{"-columns", "name"}, "-columns: invalid column mapping"},
		{"small body limit", []string{"-max-body", "10"}, "-max-body: 10 bytes is too small"},
		{"bad log level", []string{"-log-level", "loud"}, `-log-level: invalid level "loud"`},
		{"missing file", []string{"-addr", "127.0.0.1:0", "-accounts", filepath.Join(dir, "none.csv")}, "no such file"},
		{"unrecognised header", []string{"-addr", "127.0.0.1:0", "-accounts", badHeader}, "no supported export has the columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			err := run(ctx, tt.args, io.Discard, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestHelp(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-h"}, &out, nil)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	assert.Contains(t, out.String(), "POST /match")
	assert.Contains(t, out.String(), "-max-body")
}

// TestSIGTERMShutsDownGracefully builds the program, runs it, sends a
// request and then SIGTERM, and expects a clean exit.
func TestSIGTERMShutsDownGracefully(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "leadrouter")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)

	logs := &syncBuffer{}
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0")
	cmd.Stderr = logs
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})

	addrPattern := regexp.MustCompile(`msg=listening addr=(127\.0\.0\.1:\d+)`)
	var base string
	deadline := time.Now().Add(20 * time.Second)
	for base == "" || !strings.Contains(logs.String(), "msg=ready") {
		if m := addrPattern.FindStringSubmatch(logs.String()); m != nil {
			base = "http://" + m[1]
		}
		require.True(t, time.Now().Before(deadline), "not ready after 20 s:\n%s", logs)
		time.Sleep(20 * time.Millisecond)
	}
	status, _ := post(t, base+"/match", "application/json", `{"company": "Exedy"}`)
	assert.Equal(t, http.StatusOK, status)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-exited:
		assert.NoError(t, err, "exit status\n%s", logs)
	case <-time.After(15 * time.Second):
		t.Fatalf("no exit 15 s after SIGTERM\n%s", logs)
	}
	assert.Contains(t, logs.String(), "msg=\"shutting down\"")
	assert.Contains(t, logs.String(), "msg=stopped requests=1")
}
