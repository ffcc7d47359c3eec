package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBatchThroughput (SHOPCHECK_BENCH=1) measures a batch the way an
// outside harness does: the built binary checks 2,000 targets over local
// sites (served by this test process) with WHOIS on a local fake server;
// then the exact requests the batch made are fetched plainly with the same
// 8 workers, once from this process (beside the servers: no process
// boundary to cross) and once from a child process (as the batch did). It
// logs the times and ratios: a figure for the notes, not an assertion.
//
// SHOPCHECK_BENCH_N and SHOPCHECK_BENCH_HOSTS change the number of targets
// and of hosts (each its own registrable domain); SHOPCHECK_BENCH_ARGS
// adds flags to the batch (e.g. "--no-whois"); SHOPCHECK_BENCH_DELAY_MS
// delays every response, as a network would; SHOPCHECK_BENCH_LOOPBACK=1
// sends every target to 127.0.0.1 itself; SHOPCHECK_BENCH_SHOPS=1 serves
// the testdata shops (several pages each, which the batch crawls) instead
// of one small page; SHOPCHECK_BENCH_ROUNDS repeats the measure.
func TestBatchThroughput(t *testing.T) {
	if os.Getenv("SHOPCHECK_BENCH") == "" {
		t.Skip("set SHOPCHECK_BENCH=1 to measure batch throughput")
	}
	bin := batchBinary(t)
	n := batchEnvInt("SHOPCHECK_BENCH_N", 2000)
	nh := batchEnvInt("SHOPCHECK_BENCH_HOSTS", 20)
	sites := newBatchSites(t)
	if ms := batchEnvInt("SHOPCHECK_BENCH_DELAY_MS", 0); ms > 0 {
		sites.delay.Store(int64(ms) * int64(time.Millisecond)) // a network's round trip
	}
	shops := os.Getenv("SHOPCHECK_BENCH_SHOPS") != ""
	if shops {
		sites.shops.Store(true)
	}
	whois := newBatchWhois(t)
	var hosts []string
	for i := 0; i < nh; i++ {
		hosts = append(hosts, fmt.Sprintf("shop%d.test", i))
	}
	if os.Getenv("SHOPCHECK_BENCH_LOOPBACK") != "" {
		hosts = []string{"127.0.0.1"} // one site at its address, as a local test server is
	}
	targets := batchSiteList(sites, hosts, n)
	if shops {
		for i := range targets {
			targets[i] = fmt.Sprintf("%s/index.html?n=%d", strings.TrimSuffix(sites.url(hosts[i%len(hosts)], ""), "/"), i)
		}
	}
	list := batchWriteFile(t, "list.txt", strings.Join(targets, "\n")+"\n")
	for round := 0; round < batchEnvInt("SHOPCHECK_BENCH_ROUNDS", 1); round++ {
		out := filepath.Join(t.TempDir(), "out.jsonl")
		args := append([]string{"check", "-l", list, "--json", "-o", out, "--allow-private", "--whois-server", whois.addr, "--no-progress"}, sites.resolve(hosts...)...)
		args = append(args, strings.Fields(os.Getenv("SHOPCHECK_BENCH_ARGS"))...)
		sites.reset()
		whois.reset()

		cmd := exec.Command(bin, args...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		err := cmd.Run()
		batch := time.Since(start)
		if err != nil {
			t.Fatalf("batch: %v", err)
		}
		if got := batchLineCount(out); got != n {
			t.Fatalf("%d results for %d targets", got, n)
		}
		batchCPU := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		reqs := sites.requests()
		asks := 0
		for _, c := range whois.counts() {
			asks += c
		}

		plain := batchPlainFetch(t, sites.port, reqs, 8)
		child, childCPU := batchPlainChild(t, sites.port, reqs)
		t.Logf("%d targets, %d hosts, %d requests: batch %v (its CPU %v); plain fetch of the same requests with 8 workers: in this process %v (ratio %.2f), in a child process %v (ratio %.2f, its CPU %v); WHOIS queries %d for %d domains",
			n, len(hosts), len(reqs), batch.Round(time.Millisecond), batchCPU.Round(time.Millisecond),
			plain.Round(time.Millisecond), float64(batch)/float64(plain),
			child.Round(time.Millisecond), float64(batch)/float64(child), childCPU.Round(time.Millisecond),
			asks, len(whois.counts()))
	}
}

// TestBatchPlainChild is the child process of batchPlainChild: it fetches
// the URLs of the file SHOPCHECK_PLAIN_URLS and prints the time it took.
func TestBatchPlainChild(t *testing.T) {
	file := os.Getenv("SHOPCHECK_PLAIN_URLS")
	if file == "" {
		t.Skip("the child process of TestBatchThroughput")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := batchPlainFetch(t, os.Getenv("SHOPCHECK_PLAIN_PORT"), strings.Fields(string(data)), 8)
	fmt.Printf("plain-time %d\n", d)
}

// batchPlainChild runs batchPlainFetch of urls in a child process (this
// test binary) and returns the time it measured and the child's CPU time.
func batchPlainChild(t *testing.T, port string, urls []string) (time.Duration, time.Duration) {
	file := batchWriteFile(t, "urls.txt", strings.Join(urls, "\n"))
	cmd := exec.Command(os.Args[0], "-test.run=^TestBatchPlainChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SHOPCHECK_PLAIN_URLS="+file, "SHOPCHECK_PLAIN_PORT="+port)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("plain fetch child: %v\n%s", err, out)
	}
	var d time.Duration
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "plain-time "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			d = time.Duration(n)
		}
	}
	if d == 0 {
		t.Fatalf("plain fetch child printed no time:\n%s", out)
	}
	return d, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// batchPlainFetch GETs every URL with workers goroutines, reading each body, and
// returns the time it took. Every host goes to 127.0.0.1:port.
func batchPlainFetch(t *testing.T, port string, urls []string, workers int) time.Duration {
	d := &net.Dialer{Timeout: 10 * time.Second}
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return d.DialContext(ctx, network, "127.0.0.1:"+port)
		},
		MaxIdleConnsPerHost: workers,
	}}
	jobs := make(chan string)
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				resp, err := client.Get(u)
				if err != nil {
					t.Errorf("plain fetch %s: %v", u, err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for _, u := range urls {
		jobs <- u
	}
	close(jobs)
	wg.Wait()
	return time.Since(start)
}

func batchEnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
