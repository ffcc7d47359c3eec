// Package buildinfo tells which shopcheck this is: the module version a
// `go install …@v1.2.3` build carries, or for a build from a checkout the
// commit and whether it had changes, so that results and evidence can say
// which rules made them.
package buildinfo

import (
	"runtime/debug"
	"sync"
)

// Version is the module version ("v1.2.3"), else "devel" with the commit
// ("devel 0348efe1a2b3", "+dirty" when the tree had changes), else "devel".
var Version = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return version(bi)
})

func version(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "devel " + rev + dirty
}
