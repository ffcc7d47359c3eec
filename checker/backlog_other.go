//go:build !linux

package checker

// listenQueue reports nothing outside Linux: servers on this machine that
// close their connections are held to FetchOptions.LocalPerPort.
func listenQueue(port int) (q acceptQueue, ok bool) { return q, false }
