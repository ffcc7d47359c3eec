package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestBatchThroughput (SHOPCHECK_BENCH=1) runs a batch of 2,000 targets over
// local sites with WHOIS on a local fake server and, side by side, a plain
// fetch with the same 8 workers of exactly the requests the batch made. It
// logs both times and their ratio (a figure for the report, not an
// assertion). SHOPCHECK_BENCH_N and SHOPCHECK_BENCH_HOSTS change the
// number of targets and of hosts (each its own registrable domain);
// SHOPCHECK_BENCH_ARGS adds flags to the batch (e.g. "--no-whois");
// SHOPCHECK_BENCH_DELAY_MS delays every response, as a network would;
// SHOPCHECK_BENCH_LOOPBACK=1 sends every target to 127.0.0.1 itself (one
// site, no host names).
func TestBatchThroughput(t *testing.T) {
	if os.Getenv("SHOPCHECK_BENCH") == "" {
		t.Skip("set SHOPCHECK_BENCH=1 to measure batch throughput")
	}
	n := batchEnvInt("SHOPCHECK_BENCH_N", 2000)
	nh := batchEnvInt("SHOPCHECK_BENCH_HOSTS", 20)
	sites := newBatchSites(t)
	if ms := batchEnvInt("SHOPCHECK_BENCH_DELAY_MS", 0); ms > 0 {
		sites.delay.Store(int64(ms) * int64(time.Millisecond)) // a network's round trip
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
	list := batchWriteFile(t, "list.txt", strings.Join(targets, "\n")+"\n")
	out := batchWriteFile(t, "out.jsonl", "")
	args := append([]string{"check", "-l", list, "--json", "-o", out, "--allow-private", "--whois-server", whois.addr, "--no-progress"}, sites.resolve(hosts...)...)
	args = append(args, strings.Fields(os.Getenv("SHOPCHECK_BENCH_ARGS"))...)

	start, cpu0 := time.Now(), cpuTime()
	code, _, errOut := batchCLI(t, "", args...)
	batch, batchCPU := time.Since(start), cpuTime()-cpu0
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if got := batchLineCount(out); got != n {
		t.Fatalf("%d results for %d targets", got, n)
	}
	sites.mu.Lock()
	var reqs []string
	for hp, c := range sites.paths {
		for i := 0; i < c; i++ {
			reqs = append(reqs, "http://"+hp)
		}
	}
	sites.mu.Unlock()
	asks := 0
	for _, c := range whois.counts() {
		asks += c
	}

	cpu0 = cpuTime()
	plain := batchPlainFetch(t, sites.port, reqs, 8)
	plainCPU := cpuTime() - cpu0
	t.Logf("%d targets, %d hosts: batch %v (CPU %v); plain fetch of the same %d requests with 8 workers %v (CPU %v); ratio %.2f (CPU %.2f); WHOIS queries %d for %d domains",
		n, nh, batch.Round(time.Millisecond), batchCPU.Round(time.Millisecond), len(reqs), plain.Round(time.Millisecond), plainCPU.Round(time.Millisecond),
		float64(batch)/float64(plain), float64(batchCPU)/float64(plainCPU), asks, len(whois.counts()))
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

// cpuTime is the user and system CPU time of this process so far (the
// test's servers included): a measure the load of other processes does
// not change.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func batchEnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
