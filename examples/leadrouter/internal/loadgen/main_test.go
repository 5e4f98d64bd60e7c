package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8080/match", true},
		{"http://[::1]:8080/match", true},
		{"http://localhost:8080/match", false},
		{"http://10.0.0.1/match", false},
		{"https://127.0.0.1/match", false},
		{"http://example.com/match", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			err := checkLoopback(tt.url)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	leads := filepath.Join(t.TempDir(), "leads.csv")
	require.NoError(t, os.WriteFile(leads, []byte("Account ID,Account Name\n1,Acme\n"), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no leads", []string{}, "-leads is required"},
		{"remote host", []string{"-leads", leads, "-url", "http://192.0.2.1/match"}, "loopback"},
		{"long duration", []string{"-leads", leads, "-duration", "1h"}, "up to 10m"},
		{"zero concurrency", []string{"-leads", leads, "-concurrency", "0"}, "use 1 to 1024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, io.Discard, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestResultPercentiles(t *testing.T) {
	r := result{elapsed: time.Second}
	for i := 1; i <= 100; i++ {
		r.latencies = append(r.latencies, time.Duration(i)*time.Millisecond)
	}
	var out stringWriter
	r.print(&out, config{target: "http://127.0.0.1:1/match", concurrency: 1})
	assert.Contains(t, string(out), "requests 100 ok, 0 errors, 100 requests/s")
	assert.Contains(t, string(out), "p50 51ms")
	assert.Contains(t, string(out), "p99 100ms")
}

type stringWriter []byte

func (w *stringWriter) Write(p []byte) (int, error) {
	*w = append(*w, p...)
	return len(p), nil
}
