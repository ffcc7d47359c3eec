//go:build !linux

package checker

// listenQueue reports nothing outside Linux: servers on this machine that
// close their connections are held to FetchOptions.LocalPerPort.
func listenQueue(port int) (n int, ok bool) { return 0, false }
