package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// run parses args, serves until ctx is done and then shuts down. When
// onListen is set, it is called with the listening address once the
// listener is open, before the accounts are loaded.
func run(ctx context.Context, args []string, stderr io.Writer, onListen func(addr string)) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	logger := newLogger(cfg, stderr)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.addr, err)
	}
	rt := &router{cfg: cfg, log: logger}
	srv := &http.Server{
		Handler:           rt.routes(),
		ReadHeaderTimeout: min(5*time.Second, cfg.readTimeout),
		ReadTimeout:       cfg.readTimeout,
		WriteTimeout:      cfg.writeTimeout,
		IdleTimeout:       cfg.idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("listening", "addr", ln.Addr().String(), "accounts", accountsName(cfg))
	if onListen != nil {
		onListen(ln.Addr().String())
	}

	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	loadCtx, cancelLoad := context.WithCancel(ctx)
	defer cancelLoad()
	loadErr := make(chan error, 1)
	go func() { loadErr <- rt.load(loadCtx, stderr) }()

	var runErr error
wait:
	for {
		select {
		case err := <-serveErr:
			return fmt.Errorf("serve: %w", err)
		case err := <-loadErr:
			loadErr = nil
			if err != nil && ctx.Err() == nil {
				logger.Error("loading accounts failed; stopping", "accounts", accountsName(cfg), "err", err)
				runErr = err
				break wait
			}
		case <-ctx.Done():
			break wait
		}
	}
	logger.Info("shutting down", "timeout", cfg.shutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), cfg.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Error("shutdown did not finish; closing connections", "err", err)
		srv.Close()
	}
	logger.Info("stopped", "requests", rt.requests.Load(), "client_errors", rt.clientErrors.Load(), "server_errors", rt.serverErrors.Load(), "unavailable", rt.unavailable.Load())
	return runErr
}

func accountsName(cfg config) string {
	if cfg.accounts == "" {
		return "embedded sample"
	}
	return cfg.accounts
}

// router holds the loaded accounts and serves the endpoints.
type router struct {
	cfg   config
	log   *slog.Logger
	index atomic.Pointer[accountIndex]

	requests, clientErrors, serverErrors, unavailable atomic.Int64
}

func (rt *router) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /match", rt.handleMatch)
	mux.HandleFunc("POST /match/batch", rt.handleBatch)
	mux.HandleFunc("GET /healthz", rt.handleHealth)
	mux.HandleFunc("GET /readyz", rt.handleReady)
	return rt.logRequests(mux)
}

// logRequests counts responses by class and logs each request at debug
// level, and each server error at error level. A 503 while the accounts
// load is expected and not counted as a server error.
func (rt *router) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		rt.requests.Add(1)
		switch {
		case sw.status == http.StatusServiceUnavailable:
			rt.unavailable.Add(1)
		case sw.status >= 500:
			rt.serverErrors.Add(1)
			rt.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", sw.status, "remote", r.RemoteAddr, "error", sw.message)
		case sw.status >= 400:
			rt.clientErrors.Add(1)
		}
		if rt.log.Enabled(r.Context(), slog.LevelDebug) {
			rt.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start), "remote", r.RemoteAddr, "error", sw.message)
		}
	})
}

type statusWriter struct {
	http.ResponseWriter
	status  int
	message string
}

func (w *statusWriter) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (rt *router) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (rt *router) handleReady(w http.ResponseWriter, r *http.Request) {
	idx := rt.index.Load()
	if idx == nil {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "loading"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "accounts": idx.ix.Len(), "source": idx.source})
}

// readyIndex returns the loaded index, or writes 503 and returns nil.
func (rt *router) readyIndex(w http.ResponseWriter) *accountIndex {
	idx := rt.index.Load()
	if idx == nil {
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "accounts are still loading; retry when GET /readyz returns 200")
	}
	return idx
}

func (rt *router) handleMatch(w http.ResponseWriter, r *http.Request) {
	var in lead
	if !rt.decode(w, r, &in) {
		return
	}
	if err := in.validate(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	idx := rt.readyIndex(w)
	if idx == nil {
		return
	}
	writeJSON(w, http.StatusOK, idx.route(in))
}

type batchRequest struct {
	Leads []lead `json:"leads"`
}

type batchResponse struct {
	Results []routeResult `json:"results"`
	Counts  batchCounts   `json:"counts"`
}

type batchCounts struct {
	Leads    int `json:"leads"`
	Matched  int `json:"matched"`
	Other    int `json:"unmatched"`
	Rejected int `json:"rejected"`
}

func (rt *router) handleBatch(w http.ResponseWriter, r *http.Request) {
	var in batchRequest
	if !rt.decode(w, r, &in) {
		return
	}
	if len(in.Leads) == 0 {
		writeError(w, http.StatusBadRequest, `the batch has no leads; send {"leads": [{...}, ...]}`)
		return
	}
	if len(in.Leads) > rt.cfg.maxBatch {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the batch has %d leads; the maximum is %d, so split it", len(in.Leads), rt.cfg.maxBatch))
		return
	}
	idx := rt.readyIndex(w)
	if idx == nil {
		return
	}
	out := batchResponse{Results: make([]routeResult, len(in.Leads))}
	for i, l := range in.Leads {
		if err := r.Context().Err(); err != nil {
			// The client went away or the server is closing.
			writeError(w, http.StatusServiceUnavailable, "request canceled: "+err.Error())
			return
		}
		if err := l.validate(); err != nil {
			out.Results[i] = routeResult{ID: l.ID, Error: fmt.Sprintf("lead %d: %s", i, err)}
			out.Counts.Rejected++
			continue
		}
		out.Results[i] = idx.route(l)
		if out.Results[i].Account != nil {
			out.Counts.Matched++
		} else {
			out.Counts.Other++
		}
	}
	out.Counts.Leads = len(in.Leads)
	writeJSON(w, http.StatusOK, out)
}

func errorMessage(err error) string {
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) {
		return fmt.Sprintf("request body larger than %d bytes", maxErr.Limit)
	}
	return err.Error()
}
