package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// An edit is the one-value edit the serve measurement makes: the first
// poor_rate of areas.yaml, and the page of its area.
type edit struct {
	file string // areas.yaml in the copied data folder
	line int    // 1-based line of the value
	area string // the area's id
	text []byte // the file as it was
}

var (
	reAreaID   = regexp.MustCompile(`^\s*- id:\s*([a-z0-9-]+)\s*$`)
	rePoorRate = regexp.MustCompile(`^(\s*poor_rate:\s*)([0-9.]+)\s*$`)
)

// findEdit finds the first poor_rate value of areas.yaml in data whose
// area has a page in public (a built site of the same data), and the id of
// that area.
func findEdit(data, public string) (*edit, error) {
	path := filepath.Join(data, "areas.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	id := ""
	for i, line := range strings.Split(string(b), "\n") {
		if m := reAreaID.FindStringSubmatch(line); m != nil {
			id = m[1]
		}
		if id == "" || !rePoorRate.MatchString(line) {
			continue
		}
		if _, err := os.Stat(filepath.Join(public, "dia-phuong", id, "index.html")); err == nil {
			return &edit{file: path, line: i + 1, area: id, text: b}, nil
		}
	}
	return nil, fmt.Errorf("%s: no area with a page and a poor_rate to edit", path)
}

// write saves the file with the value raised by n percentage points
// (lowered, near 100), in one write, as an editor saves it.
func (e *edit) write(n int) error {
	lines := strings.Split(string(e.text), "\n")
	m := rePoorRate.FindStringSubmatch(lines[e.line-1])
	v, err := strconv.ParseFloat(m[2], 64)
	if err != nil {
		return fmt.Errorf("%s:%d: %v", e.file, e.line, err)
	}
	next := v + float64(n)
	if v+3 > 100 { // a rate stays a rate
		next = v - float64(n)
	}
	decimals := 0
	if _, frac, ok := strings.Cut(m[2], "."); ok {
		decimals = len(frac)
	}
	lines[e.line-1] = m[1] + strconv.FormatFloat(next, 'f', decimals, 64)
	return os.WriteFile(e.file, []byte(strings.Join(lines, "\n")), 0o644)
}

// serveLatency runs generator serve on a copy of data (built into public
// before) and measures, runs
// times, how long a one-value edit takes to reach the page that shows it:
// from the end of the write to the first response of Hugo's server that
// differs from the page before the edit. The browser's own reload, which
// Hugo's livereload starts as it finishes, adds one request to that.
func serveLatency(generator, hugoPath, data, public, work string, runs int) ([]time.Duration, error) {
	copied := filepath.Join(work, "serve-data")
	if err := os.CopyFS(copied, os.DirFS(data)); err != nil {
		return nil, err
	}
	e, err := findEdit(copied, public)
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(generator, "serve", "-data", copied, "-out", filepath.Join(work, "serve-site"), "-hugo", hugoPath, "-port", port)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	}()
	url := "http://127.0.0.1:" + port + "/dia-phuong/" + e.area + "/"
	client := &http.Client{Timeout: 5 * time.Second}
	get := func() ([]byte, error) {
		resp, err := client.Get(url)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
		}
		return b, err
	}
	// The preview is up when the page is served.
	var page []byte
	for deadline := time.Now().Add(2 * time.Minute); ; {
		if page, err = get(); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("generator serve: %s not served after 2 min: %v\n%s", url, err, log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	var latencies []time.Duration
	for i := range runs {
		// A pause, as between an editor's saves; then the original value
		// +1, +3, +1…, so that each edit changes the page.
		time.Sleep(time.Second)
		if err := e.write((i%2)*2 + 1); err != nil {
			return nil, err
		}
		start := time.Now()
		for {
			b, err := get()
			if err == nil && !bytes.Equal(b, page) {
				latencies = append(latencies, time.Since(start))
				page = b
				break
			}
			if time.Since(start) > 30*time.Second {
				return nil, fmt.Errorf("generator serve: the edit of %s:%d did not reach %s in 30 s\n%s", e.file, e.line, url, log.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if !strings.Contains(log.String(), "data changed: site updated") {
		return nil, errors.New("generator serve never said it re-emitted:\n" + log.String())
	}
	return latencies, nil
}

// freePort is a TCP port nothing listens on, for the preview server.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port), nil
}
